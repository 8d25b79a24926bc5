package org.rectify.tasks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** One valid row of a task breakdown table (任务分解表), units resolved to their codes. */
record BreakdownRow(int sheetRow, String taskNo, String content, String standard, BigDecimal targetValue, String targetUnit,
        String itemCode, String itemName, String leadUnitCode, List<String> coUnitCodes, String leaderName,
        LocalDate deadline, Recurrence recurrence, BigDecimal weight, Set<EvidenceKind> evidence) {

    /** Whether a stored task says the same: a re-import of a changed row is reported, not applied. */
    boolean sameAs(Task task) {
        return task.content().equals(content) && task.standard().equals(standard) && task.itemCode().equals(itemCode)
                && task.leadUnitCode().equals(leadUnitCode)
                && new java.util.TreeSet<>(task.coUnitCodes()).equals(new java.util.TreeSet<>(coUnitCodes))
                && java.util.Objects.equals(task.deadline(), deadline) && task.recurrence() == recurrence
                && task.weight().compareTo(weight) == 0 && task.evidence().equals(evidence)
                && (task.targetValue() == null ? targetValue == null
                        : targetValue != null && task.targetValue().compareTo(targetValue) == 0)
                && java.util.Objects.equals(task.leaderName(), leaderName);
    }
}
