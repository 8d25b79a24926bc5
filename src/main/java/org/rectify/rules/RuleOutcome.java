package org.rectify.rules;

import java.util.List;

/** A decision together with its explanation: the rules that fired and the rule-set version that holds them. */
public record RuleOutcome<D>(D decision, List<String> firedRules, String ruleSetVersion) {

    public RuleOutcome {
        firedRules = List.copyOf(firedRules);
    }
}
