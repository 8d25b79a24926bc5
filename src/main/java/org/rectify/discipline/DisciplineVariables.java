package org.rectify.discipline;

/** Names of the discipline process's variables and elements, in one place for the BPMN, the forms and the code. */
final class DisciplineVariables {

    static final String PROCESS_KEY = "discipline";

    // facts the forms show (caseNumber, title and categoryName also fill the shared Tasklist filters' columns)
    static final String CASE_ID = "caseId";
    static final String CASE_NUMBER = "caseNumber";
    static final String TITLE = "title";
    static final String CATEGORY_NAME = "categoryName";
    static final String SOURCE_LABEL = "sourceLabel";
    static final String SEVERITY_LABEL = "severityLabel";
    static final String ADDRESS = "address";
    static final String TRANSFER_ID = "transferId";
    static final String TRANSFER_SEQUENCE = "transferSequence";
    static final String TRIGGER_LABEL = "triggerLabel";
    static final String TRANSFER_DETAIL = "transferDetail";
    /** The unit held to account; the notice task's candidate group. */
    static final String ACCOUNTABLE_UNIT = "accountableUnit";
    static final String ACCOUNTABLE_UNIT_NAME = "accountableUnitName";

    // the rules' proposal
    static final String PROPOSED_MEASURE = "proposedMeasure";
    static final String PROPOSED_MEASURE_LABEL = "proposedMeasureLabel";
    static final String PROPOSED_TARGET = "proposedTarget";
    static final String PROPOSED_TARGET_LABEL = "proposedTargetLabel";
    static final String PROPOSED_TARGET_NAME = "proposedTargetName";
    static final String PROPOSAL_EXPLANATION = "proposalExplanation";
    static final String APPEAL_WORKING_DAYS = "appealWorkingDays";

    // the decision in force
    static final String RECORD_ID = "recordId";
    static final String DECIDED_MEASURE = "decidedMeasure";
    static final String DECIDED_MEASURE_LABEL = "decidedMeasureLabel";
    static final String DECIDED_TARGET = "decidedTarget";
    static final String DECIDED_TARGET_LABEL = "decidedTargetLabel";
    static final String DECIDED_TARGET_NAME = "decidedTargetName";
    static final String DECISION_REASON_TEXT = "decisionReasonText";
    /** A date: the notice task's due date and its boundary timer. */
    static final String APPEAL_DEADLINE = "appealDeadline";
    static final String APPEAL_DEADLINE_TEXT = "appealDeadlineText";

    // what the forms (and the API) submit
    static final String DECISION_MEASURE = "decisionMeasure";
    static final String DECISION_TARGET = "decisionTarget";
    static final String DECISION_REASON = "decisionReason";
    static final String NOTICE_OUTCOME = "noticeOutcome";
    static final String APPEAL_REASON = "appealReason";
    static final String REVIEW_OUTCOME = "reviewOutcome";
    static final String REVIEW_MEASURE = "reviewMeasure";
    static final String REVIEW_TARGET = "reviewTarget";
    static final String REVIEW_REASON = "reviewReason";
    /** Who completed the decision and the review, captured when they complete their task. */
    static final String DECIDED_BY = "decidedBy";
    static final String REVIEWED_BY = "reviewedBy";

    // elements
    static final String TASK_DECIDE = "UserTask_Decide";
    static final String TASK_NOTICE = "UserTask_Notice";
    static final String TASK_REVIEW = "UserTask_ReviewAppeal";
    static final String TIMER_APPEAL_WINDOW = "BoundaryEvent_AppealWindow";

    private DisciplineVariables() {
    }
}
