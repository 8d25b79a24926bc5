package org.rectify.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One evaluation of a period: stored (a numbered version) or a preview of a period not yet over. Rows are in rank
 * order; units with nothing to be assessed on come last, without a rank.
 *
 * @param version 1, 2 … for stored versions; 0 for a preview
 * @param reason  FIRST, RULES_CHANGED or DATA_CHANGED (why this version differs from the one before); PREVIEW
 */
public record Evaluation(String period, String kind, String label, int version, String ruleSetVersion,
        OffsetDateTime computedAt, String trigger, String triggeredBy, String reason, String resultHash, List<Row> rows) {

    public Evaluation {
        rows = List.copyOf(rows);
    }

    public boolean stored() {
        return version > 0;
    }

    /** Units that were ranked. */
    public int rankedUnits() {
        return (int) rows.stream().filter(r -> r.rank() != null).count();
    }

    Evaluation withRows(List<Row> visible) {
        return new Evaluation(period, kind, label, version, ruleSetVersion, computedAt, trigger, triggeredBy, reason,
                resultHash, visible);
    }

    /**
     * One unit: score = 100 + credits + deductions (deductions are negative), at least 0.
     *
     * @param lines the deductions and credits; null when the reader may not see this unit's lines
     */
    public record Row(Integer rank, String unitCode, String unitName, BigDecimal score, BigDecimal deductions,
            BigDecimal credits, Indicators indicators, List<Line> lines) {

        Row withLines(List<Line> visible) {
            return new Row(rank, unitCode, unitName, score, deductions, credits, indicators, visible);
        }
    }

    /** One deduction (negative points) or credit, the case it is about (none for the period summary) and its rule. */
    public record Line(String kind, Long caseId, String caseNumber, BigDecimal points, String rule, String reason) {
    }
}
