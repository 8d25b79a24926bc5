package org.rectify.rules;

/**
 * What the task score rules (rules/task-scores.drl) see about one scoring item of a unit's tasks in one evaluation
 * period: one task event (a task past its deadline and not achieved, a task under a supervision order, a task
 * transferred to the discipline office, a task achieved) or the unit's task summary, with the unit's task indicators.
 *
 * @param kind           one of the Chinese item kinds below
 * @param taskNumber     the task the item is about (任务编号); null for the summary
 * @param weight         the task's score weight (分值)
 * @param dueTasks       tasks of the unit (as lead unit) due by the period's end
 * @param completionRate 任务完成率: achieved of the due tasks (0 … 1; 1 when nothing was due)
 * @param onTimeRate     按期完成率: achieved by their deadline, of the due tasks (0 … 1; 1 when nothing was due)
 */
public record TaskScoreFacts(String kind, String unitName, String taskNumber, int weight, int overdueWorkingDays,
        int dueTasks, double completionRate, double onTimeRate) {

    public static final String OVERDUE = "超期未完成任务";
    public static final String SUPERVISION = "任务督办";
    public static final String TRANSFER = "任务移交纪检";
    public static final String SUMMARY = "任务汇总";
}
