package org.rectify.rules;

/**
 * The escalation ladder (预警 → 催办 → 督办 → 移交纪检) and the limits on extensions and suspensions that the
 * rules set for one case.
 *
 * @param warningShare share of the working time after which the unit is warned (0.8 = 80 %)
 * @param supervisionAfterWorkingDays working days overdue before a supervision order (督办) is issued
 * @param transferAfterWorkingDays working days overdue before the case goes to the discipline office
 * @param supervisionOrderWorkingDays the supervision order's own time limit; when it passes, the case is transferred
 * @param transferAfterReworks failed verifications after which the case is transferred
 * @param maxExtensions how many extensions a case may get
 * @param extensionMaxShare an extension adds at most this share of the original time limit (1.0 = as long again)
 * @param suspensionReviewDays days between reviews of a suspended (挂账) case
 */
public record EscalationPolicy(double warningShare, int supervisionAfterWorkingDays, int transferAfterWorkingDays,
        int supervisionOrderWorkingDays, int transferAfterReworks, int maxExtensions, double extensionMaxShare,
        int suspensionReviewDays, String reason) {
}
