package org.rectify.tasks;

import java.util.Arrays;
import java.util.Optional;
import org.rectify.rules.TaskLadderFacts;

/** How often the responsible unit reports on a task (一周一反馈). */
enum Recurrence {
    WEEKLY(TaskLadderFacts.WEEKLY, 5), MONTHLY(TaskLadderFacts.MONTHLY, 21), NONE(TaskLadderFacts.NONE, 5);

    private final String chineseLabel;
    /** a reporting cycle on the working calendar: a working week, a working month; a deadline-only task checks in weekly too */
    private final int workingDays;

    Recurrence(String chineseLabel, int workingDays) {
        this.chineseLabel = chineseLabel;
        this.workingDays = workingDays;
    }

    String chineseLabel() {
        return chineseLabel;
    }

    int workingDays() {
        return workingDays;
    }

    static Optional<Recurrence> parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equals("无") || t.equals("按期限")) {
            return Optional.of(NONE);
        }
        if (t.equals("每周") || t.equals("一周一反馈") || t.equals("周")) {
            return Optional.of(WEEKLY);
        }
        if (t.equals("每月") || t.equals("一月一反馈") || t.equals("月")) {
            return Optional.of(MONTHLY);
        }
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(t) || r.chineseLabel.equals(t)).findFirst();
    }
}
