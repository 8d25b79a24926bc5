package org.rectify.rules;

import org.rectify.calendar.TimeLimitUnit;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/**
 * What the time-limit rules know. For a first assignment {@code stage} is {@link Stage#ASSIGNMENT}; for a
 * failed verification it is {@link Stage#REWORK}, with the rework count (already including this one) and
 * the case's first time limit.
 */
public record TimeLimitFacts(
        Stage stage,
        String categoryCode,
        String categoryName,
        Severity severity,
        ReportSource source,
        int reworkCount,
        int initialAmount,
        TimeLimitUnit initialUnit) {

    public enum Stage { ASSIGNMENT, REWORK }

    public static TimeLimitFacts forAssignment(String categoryCode, String categoryName, Severity severity,
            ReportSource source) {
        return new TimeLimitFacts(Stage.ASSIGNMENT, categoryCode, categoryName, severity, source, 0, 0, null);
    }

    public static TimeLimitFacts forRework(String categoryCode, String categoryName, Severity severity,
            ReportSource source, int reworkCount, int initialAmount, TimeLimitUnit initialUnit) {
        return new TimeLimitFacts(Stage.REWORK, categoryCode, categoryName, severity, source, reworkCount,
                initialAmount, initialUnit);
    }
}
