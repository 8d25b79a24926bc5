package org.rectify.rules;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.springframework.stereotype.Service;

/**
 * The one door to Drools. Each decision runs in a short-lived session on the KieBase of its own rule file
 * and comes back with the rules that fired and the rule-set version, so a user can be told why.
 */
@Service
public class RuleEngine {

    private final RuleSetHolder ruleSets;

    RuleEngine(RuleSetHolder ruleSets) {
        this.ruleSets = ruleSets;
    }

    public RuleOutcome<RoutingDecision> route(RoutingFacts facts) {
        return decideOne("routing", facts, RoutingDecision.class);
    }

    public RuleOutcome<TimeLimitDecision> timeLimit(TimeLimitFacts facts) {
        return decideOne("time-limits", facts, TimeLimitDecision.class);
    }

    public RuleOutcome<EscalationPolicy> escalationPolicy(EscalationFacts facts) {
        return decideOne("escalation", facts, EscalationPolicy.class);
    }

    public String activeVersion() {
        return ruleSets.active().shortVersion();
    }

    /** Runs one decision file and expects exactly one decision of the given type to come out. */
    <D> RuleOutcome<D> decideOne(String decision, Object facts, Class<D> decisionType) {
        CompiledRuleSet ruleSet = ruleSets.active();
        List<String> fired = new ArrayList<>();
        KieSession session = ruleSet.kieBaseFor(decision).newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            session.insert(facts);
            session.fireAllRules();
            List<D> decisions = session.getObjects(decisionType::isInstance).stream().map(decisionType::cast).toList();
            if (decisions.size() != 1) {
                throw new RuleSetException("Decision '" + decision + "' produced " + decisions.size() + " "
                        + decisionType.getSimpleName() + " for " + facts + " (rules fired: " + fired
                        + "); the rules must yield exactly one");
            }
            return new RuleOutcome<>(decisions.get(0), fired, ruleSet.shortVersion());
        } finally {
            session.dispose();
        }
    }
}
