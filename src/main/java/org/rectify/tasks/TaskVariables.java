package org.rectify.tasks;

/** Names of processes/task.bpmn's variables and elements, in one place. */
final class TaskVariables {

    static final String PROCESS_KEY = "task";

    static final String TASK_ID = "taskId";
    static final String TASK_NO = "taskNo";
    static final String UNIT_CODE = "unitCode";
    static final String UNIT_NAME = "unitName";
    static final String CONTENT = "content";
    static final String STANDARD = "standard";
    static final String TARGET = "targetText";
    static final String ITEM = "itemText";
    static final String DEADLINE_TEXT = "deadlineText";
    static final String RECURRENCE_TEXT = "recurrenceText";
    static final String EVIDENCE_TEXT = "evidenceText";
    static final String NEEDS_FIGURE = "needsFigure";

    // the current reporting cycle, set by ServiceTask_PlanLadder
    static final String CYCLE = "cycle";
    static final String DUE_AT = "dueAt";
    static final String DUE_TEXT = "dueText";
    static final String WARNING_AT = "warningAt";
    static final String URGE_AT = "urgeAt";
    static final String SUPERVISE_AT = "superviseAt";
    static final String TRANSFER_AT = "transferAt";
    static final String LADDER_TEXT = "ladderText";
    static final String RETURN_REASON = "returnReason";

    // what a step's completion submits
    static final String REPORT_KIND = "reportKind";
    static final String REPORT_TEXT = "reportText";
    static final String REPORT_FIGURE = "reportFigure";
    static final String PHOTO = "photo";
    static final String PHOTO_2 = "photo2";
    static final String DOCUMENT = "document";
    static final String REVIEW_OUTCOME = "reviewOutcome";
    static final String REVIEW_REASON = "reviewReason";

    static final String PROGRESS = "PROGRESS";
    static final String COMPLETION = "COMPLETION";
    static final String PASS = "PASS";
    static final String FAIL = "FAIL";

    static final String STEP_ACKNOWLEDGE = "UserTask_Acknowledge";
    static final String STEP_REPORT = "UserTask_Report";
    static final String STEP_REVIEW = "UserTask_Review";

    private TaskVariables() {
    }
}
