package org.rectify.rules;

import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/**
 * What the score rules (rules/scores.drl) see about one scoring item of a unit in one evaluation period: either
 * one case event of interest (an overdue case, a rework, a supervision order, a transfer to discipline, a problem
 * first found by a higher-level inspection, an early closure) or the unit's summary for the period
 * ({@link #SUMMARY}), together with the unit's indicators for the period so that any rule may use them.
 * The rules answer each item with exactly one {@link ScoreLine}.
 *
 * @param kind               one of the Chinese item kinds below ({@link #OVERDUE} …)
 * @param caseNumber         the case the item is about; null for the summary
 * @param relation           how the unit is concerned: 牵头单位 or 属地 (the problem lies in its area)
 * @param overdueWorkingDays for an overdue case: working days past the deadline by its closure or the period's end
 * @param workingDaysEarly   for an early closure: whole working days between closure and deadline
 * @param dueCases           应结案数 of the unit in the period
 * @param overdueCases       超期数 of the unit in the period
 * @param onTimeClosureRate  按期结案率 (0 … 1; 1 when nothing was due)
 * @param reworkRate         返工率 (0 … 1)
 * @param satisfactionRate   回访满意率 (0 … 1; 1 when no follow-up was settled)
 */
public record ScoreFacts(
        String kind,
        String unitName,
        String caseNumber,
        String relation,
        ReportSource source,
        Severity severity,
        int overdueWorkingDays,
        int workingDaysEarly,
        int dueCases,
        int overdueCases,
        double onTimeClosureRate,
        double reworkRate,
        double satisfactionRate) {

    /** Facts without follow-ups: satisfied. */
    public ScoreFacts(String kind, String unitName, String caseNumber, String relation, ReportSource source,
            Severity severity, int overdueWorkingDays, int workingDaysEarly, int dueCases, int overdueCases,
            double onTimeClosureRate, double reworkRate) {
        this(kind, unitName, caseNumber, relation, source, severity, overdueWorkingDays, workingDaysEarly, dueCases,
                overdueCases, onTimeClosureRate, reworkRate, 1.0);
    }

    public static final String OVERDUE = "超期案件";
    /** A case already overdue before the period began and still not closed in it (or closed late in it). */
    public static final String CARRIED_OVER = "往期超期案件";
    public static final String REWORK = "返工";
    public static final String SUPERVISION = "督办";
    public static final String TRANSFER = "移交纪检";
    public static final String HIGHER_INSPECTION = "上级检查发现";
    public static final String EARLY_CLOSURE = "提前结案";
    public static final String SUMMARY = "周期汇总";
    /** A case reopened after the reporter's follow-up said 未解决 and a supervisor's re-verification agreed. */
    public static final String REOPENED = "回访重新交办";
    /** The unit's satisfaction rate of the period's follow-ups (only for units that had any). */
    public static final String SATISFACTION = "回访满意率";

    public static final String LEAD = "牵头单位";
    public static final String AREA = "属地";
}
