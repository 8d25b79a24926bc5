package org.rectify.tasks;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rectify.calendar.WorkingCalendar;
import org.rectify.catalog.Catalog;
import org.rectify.evaluation.ScoreContributor;
import org.rectify.rules.RuleEngine;
import org.rectify.rules.RuleOutcome;
import org.rectify.rules.ScoreLine;
import org.rectify.rules.TaskScoreFacts;
import org.springframework.stereotype.Component;

/**
 * The task list's part of the monthly evaluation, scored by rules/task-scores.drl: per lead unit, each task past its
 * deadline and not achieved, each task supervision and transfer in the period, and the unit's 任务完成率 and 按期完成率
 * over its tasks due by the period's end. Each line names its task.
 */
@Component
class TaskScores implements ScoreContributor {

    private record Item(String unit, TaskScoreFacts facts) {
    }

    private final TaskStore store;
    private final Catalog catalog;
    private final WorkingCalendar calendar;
    private final RuleEngine rules;

    TaskScores(TaskStore store, Catalog catalog, WorkingCalendar calendar, RuleEngine rules) {
        this.store = store;
        this.catalog = catalog;
        this.calendar = calendar;
        this.rules = rules;
    }

    @Override
    public List<ContributedLine> lines(OffsetDateTime start, OffsetDateTime end) {
        List<Task> all = store.tasks(null, null);
        if (all.isEmpty()) {
            return List.of();
        }
        Map<String, int[]> byUnit = new TreeMap<>(); // due, achieved, on time
        List<Item> items = new ArrayList<>();
        Map<Long, Task> byId = new java.util.HashMap<>();
        for (Task t : all) {
            byId.put(t.id(), t);
            if (t.deadline() == null) {
                continue;
            }
            OffsetDateTime deadlineAt = calendar.closingTime(t.deadline());
            if (!deadlineAt.isBefore(end)) {
                continue;
            }
            int[] counts = byUnit.computeIfAbsent(t.leadUnitCode(), u -> new int[3]);
            counts[0]++;
            boolean achievedByEnd = t.achievedAt() != null && t.achievedAt().isBefore(end);
            if (achievedByEnd) {
                counts[1]++;
                if (Boolean.TRUE.equals(t.achievedOnTime())) {
                    counts[2]++;
                }
            }
            // past its deadline at some time in the period and not achieved on time: one deduction in each such period
            boolean lateInPeriod = !Boolean.TRUE.equals(t.achievedOnTime())
                    && (t.achievedAt() == null || !t.achievedAt().isBefore(start));
            if (lateInPeriod) {
                LocalDate until = (achievedByEnd ? t.achievedAt() : end.minusNanos(1)).toLocalDate();
                items.add(new Item(t.leadUnitCode(), facts(TaskScoreFacts.OVERDUE, t, workingDaysBetween(t.deadline(), until))));
            }
        }
        for (TaskStore.Event e : store.eventsOfKinds(Set.of("SUPERVISION", "TRANSFER"), start, end)) {
            Task t = byId.get(e.taskId());
            items.add(new Item(t.leadUnitCode(), facts(e.kind().equals("SUPERVISION") ? TaskScoreFacts.SUPERVISION
                    : TaskScoreFacts.TRANSFER, t, 0)));
        }
        byUnit.forEach((unit, c) -> items.add(new Item(unit, new TaskScoreFacts(TaskScoreFacts.SUMMARY, catalog.unitName(unit),
                null, 0, 0, c[0], c[0] == 0 ? 1.0 : (double) c[1] / c[0], c[0] == 0 ? 1.0 : (double) c[2] / c[0]))));
        List<RuleOutcome<ScoreLine>> scored = rules.taskScores(items.stream().map(Item::facts).toList());
        List<ContributedLine> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            ScoreLine line = scored.get(i).decision();
            if (line.points().signum() != 0) {
                lines.add(new ContributedLine(item.unit(), item.facts().kind(), item.facts().taskNumber(), line.points(),
                        String.join("；", scored.get(i).firedRules()), line.reason()));
            }
        }
        return lines;
    }

    private TaskScoreFacts facts(String kind, Task t, int overdueWorkingDays) {
        return new TaskScoreFacts(kind, catalog.unitName(t.leadUnitCode()), t.taskNo(), t.weight().intValue(),
                overdueWorkingDays, 0, 1.0, 1.0);
    }

    private int workingDaysBetween(LocalDate deadline, LocalDate until) {
        int days = 0;
        for (LocalDate d = deadline.plusDays(1); !d.isAfter(until) && days < 400; d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }
}
