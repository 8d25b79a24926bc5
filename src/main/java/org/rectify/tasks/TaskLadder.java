package org.rectify.tasks;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.rectify.calendar.TimeLimitUnit;
import org.rectify.calendar.WorkingCalendar;
import org.rectify.rules.RuleEngine;
import org.rectify.rules.RuleSetLabels;
import org.rectify.shared.ChineseTimes;
import org.rectify.rules.RuleOutcome;
import org.rectify.rules.TaskLadderFacts;
import org.rectify.rules.TaskLadderPolicy;
import org.springframework.stereotype.Component;

/**
 * A reporting cycle's timetable: when the next report (or the deadline) is due, and when a task that does not
 * progress is warned, urged, put under supervision and transferred — thresholds from rules/task-ladder.drl, times
 * on the working calendar.
 */
@Component
class TaskLadder {


    record Plan(OffsetDateTime dueAt, boolean finalStretch, OffsetDateTime warningAt, OffsetDateTime urgeAt,
            OffsetDateTime superviseAt, OffsetDateTime transferAt, TaskLadderPolicy policy, String firedRules,
            String ruleSetLabel) {

        String explanation(int cycle) {
            return (cycle == 0 ? "任务下达：签收期限" : "第" + cycle + "个反馈周期：" + (finalStretch ? "完成期限" : "下次反馈截止"))
                    + ChineseTimes.text(dueAt) + "；预警" + ChineseTimes.text(warningAt) + "，催办" + ChineseTimes.text(urgeAt)
                    + "，督办" + ChineseTimes.text(superviseAt) + "，移交纪工委" + ChineseTimes.text(transferAt) + "（规则："
                    + firedRules + "；规则版本 " + ruleSetLabel + "）";
        }
    }

    private final WorkingCalendar calendar;
    private final RuleEngine rules;

    private final RuleSetLabels ruleSetLabels;

    TaskLadder(WorkingCalendar calendar, RuleEngine rules, RuleSetLabels ruleSetLabels) {
        this.ruleSetLabels = ruleSetLabels;
        this.calendar = calendar;
        this.rules = rules;
    }

    Plan plan(Task task, OffsetDateTime now) {
        OffsetDateTime nextReport = calendar.due(now.toInstant(), task.recurrence().workingDays(), TimeLimitUnit.WORKING_DAYS).at();
        OffsetDateTime deadlineAt = task.deadline() == null ? null : calendar.closingTime(task.deadline());
        boolean finalStretch = deadlineAt != null && deadlineAt.isAfter(now)
                && (task.recurrence() == Recurrence.NONE || !deadlineAt.isAfter(nextReport));
        OffsetDateTime due = finalStretch ? deadlineAt : nextReport;
        return plan(task, now, due, finalStretch, TaskLadderFacts.REPORTING);
    }

    /**
     * The stage before acknowledgement (签收): the rules give the working days the unit has to acknowledge the issued
     * task, and the same ladder runs from that due time.
     */
    Plan planAcknowledgement(Task task, OffsetDateTime now) {
        return plan(task, now, null, false, TaskLadderFacts.ACKNOWLEDGEMENT);
    }

    /** A step's own time limit, counted from the moment it is actually taken: never already past when it is issued late. */
    OffsetDateTime limitFrom(OffsetDateTime issuedAt, int workingDays) {
        return calendar.due(issuedAt.toInstant(), Math.max(1, workingDays), TimeLimitUnit.WORKING_DAYS).at();
    }

    private Plan plan(Task task, OffsetDateTime now, OffsetDateTime dueOrNull, boolean finalStretch, String stage) {
        RuleOutcome<TaskLadderPolicy> outcome = rules.taskLadder(new TaskLadderFacts(task.recurrence().chineseLabel(),
                task.itemCode(), task.weight().intValue(), finalStretch, stage));
        TaskLadderPolicy policy = outcome.decision();
        OffsetDateTime due = dueOrNull != null ? dueOrNull : after(now, Math.max(1, policy.dueWorkingDays()));
        OffsetDateTime warningAt = policy.warningBeforeWorkingDays() <= 0 ? due
                : calendar.closingTime(workingDaysBefore(due.toLocalDate(), policy.warningBeforeWorkingDays()));
        if (warningAt.isBefore(now)) {
            warningAt = now;
        }
        OffsetDateTime urgeAt = after(due, policy.graceWorkingDays());
        return new Plan(due, finalStretch, warningAt, urgeAt, after(urgeAt, policy.supervisionAfterWorkingDays()),
                after(urgeAt, policy.transferAfterWorkingDays()), policy, String.join("；", outcome.firedRules()),
                ruleSetLabels.label(outcome.ruleSetVersion()));
    }

    private OffsetDateTime after(OffsetDateTime from, int workingDays) {
        return workingDays <= 0 ? from : calendar.due(from.toInstant(), workingDays, TimeLimitUnit.WORKING_DAYS).at();
    }

    /** The working day {@code n} working days before {@code day}. */
    private LocalDate workingDaysBefore(LocalDate day, int n) {
        LocalDate d = day;
        for (int found = 0; found < n; ) {
            d = d.minusDays(1);
            if (calendar.isWorkingDay(d)) {
                found++;
            }
        }
        return d;
    }
}
