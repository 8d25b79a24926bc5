package org.rectify.rules;

/**
 * The task ladder rules' answer: how a task that does not progress climbs 预警 → 催办 → 督办 → 移交纪工委, in working
 * days around the time the next report (or the deadline) is due.
 *
 * @param graceWorkingDays            working days after the due report before the unit is urged (催办)
 * @param warningBeforeWorkingDays    working days before the due report when the unit is warned (预警)
 * @param supervisionAfterWorkingDays working days after the urging when a supervision order (督办) follows
 * @param transferAfterWorkingDays    working days after the urging when the task goes to the discipline office
 * @param dueWorkingDays              for the stage before acknowledgement: working days after the task is issued by
 *                                    which the unit must acknowledge it (签收期限); 0 when the due time is the task's
 *                                    next report or deadline
 */
public record TaskLadderPolicy(int graceWorkingDays, int warningBeforeWorkingDays, int supervisionAfterWorkingDays,
        int transferAfterWorkingDays, String reason, int dueWorkingDays) {

    public TaskLadderPolicy(int graceWorkingDays, int warningBeforeWorkingDays, int supervisionAfterWorkingDays,
            int transferAfterWorkingDays, String reason) {
        this(graceWorkingDays, warningBeforeWorkingDays, supervisionAfterWorkingDays, transferAfterWorkingDays, reason, 0);
    }

    public String describe() {
        return (dueWorkingDays > 0 ? "下达后" + dueWorkingDays + "个工作日内签收；" : "") + "到期前" + warningBeforeWorkingDays + "个工作日预警，宽限" + graceWorkingDays + "个工作日后催办，催办后"
                + supervisionAfterWorkingDays + "个工作日督办、" + transferAfterWorkingDays + "个工作日移交纪工委";
    }
}
