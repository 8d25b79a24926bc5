package org.rectify.rules;

import java.util.List;

/**
 * The measure the rules propose for one transfer, to whom it applies, and how many working days the unit has
 * to appeal. Built in steps by the rules: first the measure from the score, then the target, then the appeal
 * window; {@code target == null} and {@code appealWorkingDays == 0} mark steps not taken yet.
 */
public record MeasureProposal(AccountabilityMeasure measure, AccountabilityTarget target, int appealWorkingDays,
        int score, List<AccountabilityFacts.Factor> factors, String reason) {

    public MeasureProposal {
        factors = List.copyOf(factors);
    }

    public static MeasureProposal of(AccountabilityMeasure measure, AccountabilityFacts.Score score, String why) {
        return new MeasureProposal(measure, null, 0, score.points(), score.factors(), why);
    }

    public MeasureProposal withTarget(AccountabilityTarget chosen, String why) {
        return new MeasureProposal(measure, chosen, appealWorkingDays, score, factors, reason + "；" + why);
    }

    public MeasureProposal withAppealWindow(int workingDays, String why) {
        return new MeasureProposal(measure, target, workingDays, score, factors, reason + "；" + why);
    }

    /** Each aggravating circumstance in Chinese with its points, e.g. {@code 本季度内已被问责1次（+2）}. */
    public List<String> factorTexts() {
        return factors.stream().map(f -> f.reason() + "（+" + f.points() + "）").toList();
    }

    /** The aggravating circumstances in one Chinese sentence; "无加重情节" if none. */
    public String describeFactors() {
        return factors.isEmpty() ? "无加重情节" : String.join("，", factorTexts());
    }
}
