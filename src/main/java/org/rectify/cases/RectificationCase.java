package org.rectify.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/** One problem (案件) as stored. */
public record RectificationCase(
        long id,
        String caseNumber,
        CaseStatus status,
        String categoryCode,
        Severity severity,
        ReportSource source,
        String title,
        String description,
        String address,
        BigDecimal latitude,
        BigDecimal longitude,
        String gridCode,
        String reporter,
        String reporterName,
        String reporterPhone,
        String submittedBy,
        String leadUnitCode,
        List<String> coUnitCodes,
        OffsetDateTime deadline,
        boolean deadlineProvisional,
        int reworkCount,
        String processInstanceId,
        String rejectionReason,
        String rejectionComment,
        String duplicateOf,
        OffsetDateTime createdAt,
        OffsetDateTime closedAt,
        int deadlineRound,
        OffsetDateTime deadlineSetAt,
        int extensionCount,
        OffsetDateTime suspendedAt,
        Long suspendedRemainingSeconds,
        String voidReason) {

    public boolean isOverdue(OffsetDateTime now) {
        return status.isClockRunning() && deadline != null && now.isAfter(deadline);
    }

    /** Units whose handlers may see this case: the lead unit and the co-units. */
    public boolean involvesAnyOf(java.util.Set<String> unitCodes) {
        return (leadUnitCode != null && unitCodes.contains(leadUnitCode))
                || coUnitCodes.stream().anyMatch(unitCodes::contains);
    }
}
