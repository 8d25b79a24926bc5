package org.rectify.tasks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One task of a breakdown table, as stored. */
record Task(long id, long breakdownId, String breakdownName, String taskNo, String content, String standard,
        BigDecimal targetValue, String targetUnit, String itemCode, String itemName, String leadUnitCode,
        List<String> coUnitCodes, Long leaderId, String leaderName, LocalDate deadline, Recurrence recurrence,
        BigDecimal weight, Set<EvidenceKind> evidence, TaskStatus status, String processInstanceId,
        OffsetDateTime createdAt, OffsetDateTime acknowledgedAt, OffsetDateTime lastReportAt, OffsetDateTime submittedAt,
        OffsetDateTime achievedAt, Boolean achievedOnTime, BigDecimal latestFigure) {

    boolean concerns(String unitCode) {
        return leadUnitCode.equals(unitCode) || coUnitCodes.contains(unitCode);
    }

    /** The target as users read it, e.g. 100%; empty when the standard has no figure. */
    String targetText() {
        return targetValue == null ? "" : targetValue.stripTrailingZeros().toPlainString() + (targetUnit == null ? "" : targetUnit);
    }

    String figureText() {
        return latestFigure == null ? "" : latestFigure.stripTrailingZeros().toPlainString() + (targetUnit == null ? "" : targetUnit);
    }

    String evidenceText() {
        return evidence.stream().map(EvidenceKind::chineseLabel).collect(Collectors.joining("、"));
    }

    boolean needsFigure() {
        return targetValue != null || evidence.contains(EvidenceKind.FIGURE);
    }
}
