package org.rectify.discipline;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A unit's accountability record this year, as of a moment: each transfer's standing decision (the latest
 * version), with the counts for the current quarter and year that the accountability rules weigh.
 */
public record UnitRecord(String unitCode, String unitName, String leaderName, OffsetDateTime asOf, int year,
        int quarter, String periodLabel, int quarterCount, int yearCount, List<Entry> thisYear) {

    public record Entry(long recordId, long transferId, long caseId, String caseNumber, int version, String basisLabel,
            String measure, String measureLabel, String target, String targetLabel, String targetName,
            boolean followsProposal, String status, String statusLabel, OffsetDateTime offenceAt,
            OffsetDateTime decidedAt, boolean thisQuarter) {
    }
}
