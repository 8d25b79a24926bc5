package org.rectify.rules;

import org.springframework.stereotype.Service;

/** The accountability decision (rules/penalties.drl): which measure, for whom, and the appeal window. */
@Service
public class AccountabilityRules {

    static final String DECISION = "penalties";

    private final RuleEngine engine;

    AccountabilityRules(RuleEngine engine) {
        this.engine = engine;
    }

    public RuleOutcome<MeasureProposal> propose(AccountabilityFacts facts) {
        RuleOutcome<MeasureProposal> outcome = engine.decideOne(DECISION, facts, MeasureProposal.class);
        if (outcome.decision().target() == null || outcome.decision().appealWorkingDays() < 1) {
            throw new RuleSetException("Decision '" + DECISION + "' left the proposal incomplete for " + facts
                    + " (rules fired: " + outcome.firedRules() + "): it needs a target and an appeal window");
        }
        return outcome;
    }
}
