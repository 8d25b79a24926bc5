package org.rectify.rules;

/**
 * What the task ladder rules (rules/task-ladder.drl) see about one task of the breakdown table (任务分解表) when its
 * reporting cycle starts.
 *
 * @param recurrence  每周, 每月 or 不定期 (a task with a deadline only)
 * @param itemCode    the 测评体系 item the task serves
 * @param weight      the task's score weight (分值)
 * @param finalStretch whether the next due time is the task's deadline rather than its next report
 * @param stage       签收 (issued, waiting to be acknowledged) or 反馈 (acknowledged, reporting)
 */
public record TaskLadderFacts(String recurrence, String itemCode, int weight, boolean finalStretch, String stage) {

    public static final String ACKNOWLEDGEMENT = "签收";
    public static final String REPORTING = "反馈";

    public static final String WEEKLY = "每周";
    public static final String MONTHLY = "每月";
    public static final String NONE = "不定期";
}
