package org.rectify.rules;

import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/**
 * What the duplicate rules (rules/duplicates.drl) know about a new report and one open case it may repeat.
 * A probe ({@link #probe}) has no candidate: the rules then only state the search policy
 * ({@link DuplicatePolicy}), which the intake uses to pre-filter candidates in the database.
 *
 * @param categoryCode          the new report's category
 * @param candidateCategoryCode the open case's category; null in a probe
 * @param distanceMetres        metres between the two, null when either has no coordinates
 * @param sameGrid              both lie in the same grid cell (网格)
 * @param hoursSinceReported    hours since the open case was reported, a begun hour counted as a whole
 * @param reportCount           reports of the case if this one is linked to it, this one included (the first is 1)
 * @param candidateSeverity     the open case's severity now
 */
public record DuplicateFacts(
        String categoryCode,
        ReportSource source,
        Severity severity,
        String candidateCategoryCode,
        Integer distanceMetres,
        boolean sameGrid,
        int hoursSinceReported,
        int reportCount,
        Severity candidateSeverity) {

    public static DuplicateFacts probe(String categoryCode, ReportSource source, Severity severity) {
        return new DuplicateFacts(categoryCode, source, severity, null, null, false, 0, 0, null);
    }

    public boolean hasCandidate() {
        return candidateCategoryCode != null;
    }
}
