package org.rectify.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Another feature's part of the monthly and quarterly scores (e.g. the task list's 任务完成率 and 按期完成率): lines already
 * scored by that feature's own rules, each traced to what it is about. The evaluation adds them to the units' case lines;
 * the result is stored and versioned with them.
 */
public interface ScoreContributor {

    /** The lines of the period [start, end). */
    List<ContributedLine> lines(OffsetDateTime start, OffsetDateTime end);

    /**
     * @param reference what the line is about, shown where a case number would be (e.g. the task number)
     * @param rule      the rule that scored it (its name, as the units read it)
     */
    record ContributedLine(String unitCode, String kind, String reference, BigDecimal points, String rule, String reason) {
    }
}
