package org.rectify.rules;

import org.rectify.catalog.Severity;

/**
 * Whether a new report repeats an open case and, if it is linked, the case's severity afterwards (raised
 * when many people report the same problem; otherwise the case's own severity).
 */
public record DuplicateDecision(boolean duplicate, Severity severity, int radiusMetres, int windowHours,
        String reason) {

    public static DuplicateDecision linked(DuplicateFacts facts, DuplicatePolicy policy, String why) {
        return new DuplicateDecision(true, facts.candidateSeverity(), policy.radiusMetres(), policy.windowHours(), why);
    }

    public static DuplicateDecision separate(DuplicateFacts facts, DuplicatePolicy policy, String why) {
        return new DuplicateDecision(false, facts.candidateSeverity(), policy.radiusMetres(), policy.windowHours(), why);
    }

    /** Why a candidate is not a duplicate, in Chinese: the first condition it fails. */
    public static String whyNot(DuplicateFacts facts, DuplicatePolicy policy) {
        if (!facts.categoryCode().equals(facts.candidateCategoryCode())) {
            return "问题类别不同，另行立案";
        }
        if (facts.hoursSinceReported() > policy.windowHours()) {
            return "该案件上报于" + facts.hoursSinceReported() + "小时前，超过" + policy.windowHours() + "小时，另行立案";
        }
        if (facts.distanceMetres() != null) {
            return "相距" + facts.distanceMetres() + "米，超过" + policy.radiusMetres() + "米，另行立案";
        }
        return facts.sameGrid() ? "另行立案" : "缺少坐标且不在同一网格，另行立案";
    }

    public DuplicateDecision raisedTo(Severity raised, String why) {
        return new DuplicateDecision(duplicate, raised, radiusMetres, windowHours, reason + "；" + why);
    }
}
