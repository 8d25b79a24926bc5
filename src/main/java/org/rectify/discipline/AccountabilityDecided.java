package org.rectify.discipline;

/**
 * An accountability decision entered the unit's record: the office's first decision, or a measure changed on
 * appeal (an upheld decision publishes nothing new). Published inside the transaction that records it, so a
 * listener that fails rolls the decision back.
 *
 * @param recordId          the row of {@code accountability_record}
 * @param measure           the measure in Chinese, e.g. 通报批评
 * @param target            to whom, in Chinese, e.g. 高新区城市管理局 or 高新区城市管理局包保领导王建国
 * @param reasons           the grounds in Chinese: the rules' reasons, or the office's reason where it chose otherwise
 * @param appealWorkingDays working days the unit has to appeal; 0 when no appeal is open (a decision on appeal is final)
 * @param decidedBy         the account of the officer who decided
 */
public record AccountabilityDecided(long caseId, long recordId, String measure, String target, String reasons,
        int appealWorkingDays, String decidedBy) {
}
