package org.rectify.rules;

import java.time.OffsetDateTime;
import org.rectify.calendar.TimeLimitUnit;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/**
 * What the time-limit rules know. For a first assignment {@code stage} is {@link Stage#ASSIGNMENT}; for a
 * failed verification it is {@link Stage#REWORK}, with the rework count (already including this one) and
 * the case's first time limit. A case of a campaign carries the campaign's name and clearance date
 * (清零时限), which no deadline may pass; both are null otherwise.
 */
public record TimeLimitFacts(
        Stage stage,
        String categoryCode,
        String categoryName,
        Severity severity,
        ReportSource source,
        int reworkCount,
        int initialAmount,
        TimeLimitUnit initialUnit,
        String campaignName,
        OffsetDateTime clearanceAt) {

    public enum Stage { ASSIGNMENT, REWORK }

    /** The same facts for a case of a campaign whose list must be cleared by {@code clearanceAt}. */
    public TimeLimitFacts inCampaign(String name, OffsetDateTime clearance) {
        return new TimeLimitFacts(stage, categoryCode, categoryName, severity, source, reworkCount, initialAmount,
                initialUnit, name, clearance);
    }

    public static TimeLimitFacts forAssignment(String categoryCode, String categoryName, Severity severity,
            ReportSource source) {
        return new TimeLimitFacts(Stage.ASSIGNMENT, categoryCode, categoryName, severity, source, 0, 0, null, null,
                null);
    }

    public static TimeLimitFacts forRework(String categoryCode, String categoryName, Severity severity,
            ReportSource source, int reworkCount, int initialAmount, TimeLimitUnit initialUnit) {
        return new TimeLimitFacts(Stage.REWORK, categoryCode, categoryName, severity, source, reworkCount,
                initialAmount, initialUnit, null, null);
    }
}
