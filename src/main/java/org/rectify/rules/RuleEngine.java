package org.rectify.rules;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The one door to Drools. Each decision runs in a short-lived session on the KieBase of its own decision
 * (its DRL files and decision tables) and comes back with the rules that fired and the rule-set version, so a
 * user can be told why.
 */
@Service
public class RuleEngine {

    private final RuleSetHolder ruleSets;

    RuleEngine(RuleSetHolder ruleSets) {
        this.ruleSets = ruleSets;
    }

    public RuleOutcome<RoutingDecision> route(RoutingFacts facts) {
        return decideOne(Decisions.ROUTING, facts, RoutingDecision.class);
    }

    public RuleOutcome<TimeLimitDecision> timeLimit(TimeLimitFacts facts) {
        return decideOne(Decisions.TIME_LIMITS, facts, TimeLimitDecision.class);
    }

    public RuleOutcome<EscalationPolicy> escalationPolicy(EscalationFacts facts) {
        return decideOne(Decisions.ESCALATION, facts, EscalationPolicy.class);
    }

    /** How far and how long back to look for a case that a new report repeats (a probe: no candidate yet). */
    public RuleOutcome<DuplicatePolicy> duplicatePolicy(DuplicateFacts probe) {
        return decideOne(Decisions.DUPLICATES, probe, DuplicatePolicy.class);
    }

    public RuleOutcome<DuplicateDecision> duplicate(DuplicateFacts facts) {
        return decideOne(Decisions.DUPLICATES, facts, DuplicateDecision.class);
    }

    /**
     * Scores every item on one rule set (the one active when it starts), so a whole evaluation uses one version.
     * Each item's rule is every rule that fired for it, in firing order: one with rules/scores.drl as written (each
     * rule waits for {@code not ScoreLine()}), all of them if an edited rule set lets a second rule change the line.
     */
    public ScoreSheet scores(List<ScoreFacts> items) {
        CompiledRuleSet ruleSet = ruleSets.active();
        List<ScoreSheet.Scored> scored = new ArrayList<>();
        for (ScoreFacts item : items) {
            RuleOutcome<ScoreLine> outcome = ruleSet.decide(Decisions.SCORES, item, ScoreLine.class);
            scored.add(new ScoreSheet.Scored(item, outcome.decision(), String.join("；", outcome.firedRules())));
        }
        return new ScoreSheet(scored, ruleSet.shortVersion());
    }

    public RuleOutcome<VolunteerAward> volunteerPoints(VolunteerFacts facts) {
        return decideOne(Decisions.VOLUNTEER_POINTS, facts, VolunteerAward.class);
    }

    /** How long a closed public report's reporter has to answer the follow-up (rules/followup.drl). */
    public RuleOutcome<FollowupPolicy> followup(FollowupFacts facts) {
        return decideOne(Decisions.FOLLOWUP, facts, FollowupPolicy.class);
    }

    /** How a task of the breakdown table climbs the ladder when it does not progress (rules/task-ladder.drl). */
    public RuleOutcome<TaskLadderPolicy> taskLadder(TaskLadderFacts facts) {
        return decideOne(Decisions.TASK_LADDER, facts, TaskLadderPolicy.class);
    }

    /** Scores the items of units' tasks on one rule set, each with the rules that fired (rules/task-scores.drl). */
    public List<RuleOutcome<ScoreLine>> taskScores(List<TaskScoreFacts> items) {
        CompiledRuleSet ruleSet = ruleSets.active();
        return items.stream().map(item -> ruleSet.decide(Decisions.TASK_SCORES, item, ScoreLine.class)).toList();
    }

    /**
     * Where each unit stands in the weekly bulletin (rules/bulletin.drl), all on one rule set: praised, criticised or
     * not listed, never both.
     */
    public List<RuleOutcome<BulletinListing>> bulletin(List<BulletinFacts> units) {
        CompiledRuleSet ruleSet = ruleSets.active();
        return units.stream().map(unit -> ruleSet.decide(Decisions.BULLETIN, unit, BulletinListing.class)).toList();
    }

    public String activeVersion() {
        return ruleSets.active().shortVersion();
    }

    /**
     * Runs one decision on the rule set active when it starts, and expects exactly one decision of the given
     * type to come out. The whole decision uses that one rule set even if another is activated meanwhile.
     */
    <D> RuleOutcome<D> decideOne(String decision, Object facts, Class<D> decisionType) {
        return ruleSets.active().decide(decision, facts, decisionType);
    }
}
