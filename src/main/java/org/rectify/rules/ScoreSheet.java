package org.rectify.rules;

import java.util.List;

/** Every item of one evaluation scored on one rule-set version, each with the rule that scored it. */
public record ScoreSheet(List<Scored> items, String ruleSetVersion) {

    public ScoreSheet {
        items = List.copyOf(items);
    }

    public record Scored(ScoreFacts facts, ScoreLine line, String rule) {
    }
}
