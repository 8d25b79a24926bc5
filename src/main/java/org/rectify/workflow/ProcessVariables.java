package org.rectify.workflow;

/** Names of the rectification process's variables and elements, in one place for the BPMN, forms and code. */
public final class ProcessVariables {

    public static final String PROCESS_KEY = "rectification";

    // facts the forms show
    public static final String CASE_ID = "caseId";
    public static final String CASE_NUMBER = "caseNumber";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String ADDRESS = "address";
    public static final String CATEGORY_NAME = "categoryName";
    public static final String SEVERITY_LABEL = "severityLabel";
    public static final String SOURCE_LABEL = "sourceLabel";
    public static final String NEEDS_CHECK = "needsCheck";
    public static final String LEAD_UNIT = "leadUnit";
    public static final String LEAD_UNIT_NAME = "leadUnitName";
    public static final String CO_UNIT_NAMES = "coUnitNames";
    public static final String DEADLINE = "deadline";
    public static final String DEADLINE_TEXT = "deadlineText";
    public static final String REWORK_COUNT = "reworkCount";
    public static final String SUGGESTED_UNIT = "suggestedUnit";
    public static final String SUGGESTED_UNIT_NAME = "suggestedUnitName";

    // the escalation ladder, planned before each round of rectification
    public static final String WARNING_AT = "warningAt";
    public static final String SUPERVISE_AT = "superviseAt";
    public static final String ORDER_DEADLINE = "orderDeadline";
    public static final String TRANSFER_AT = "transferAt";
    public static final String TRANSFER_REASON = "transferReason";
    /** Local to the transfer path: the supervision order issued late has not expired yet, so the transfer waits. */
    public static final String TRANSFER_WAITS = "transferWaits";
    public static final String REWORK_TRANSFER_DUE = "reworkTransferDue";
    public static final String SUSPENSION_REVIEW_CYCLE = "suspensionReviewCycle";
    public static final String EXTENSION_APPROVED_UNTIL = "extensionApprovedUntil";

    // what the forms (and the API) submit
    public static final String CHECK_OUTCOME = "checkOutcome";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String REJECTION_COMMENT = "rejectionComment";
    public static final String DUPLICATE_OF = "duplicateOf";
    public static final String CORRECTED_CATEGORY = "correctedCategory";
    public static final String CORRECTED_ADDRESS = "correctedAddress";
    public static final String CORRECTED_GRID = "correctedGrid";
    public static final String ACCEPT_OUTCOME = "acceptOutcome";
    public static final String RETURN_REASON = "returnReason";
    public static final String REASSIGN_UNIT = "reassignUnit";
    public static final String REASSIGN_REASON = "reassignReason";
    public static final String RECTIFICATION_NOTE = "rectificationNote";
    /** After-photos arrive as File variables afterPhoto1 … afterPhotoN. */
    public static final String AFTER_PHOTO_PREFIX = "afterPhoto";
    /** FIXED (default), EXTENSION or SUSPENSION. */
    public static final String FIX_OUTCOME = "fixOutcome";
    public static final String EXTENSION_UNTIL = "extensionUntil";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String EXTENSION_DECISION = "extensionDecision";
    public static final String EXTENSION_COMMENT = "extensionComment";
    public static final String SUSPENSION_REASON = "suspensionReason";
    public static final String SUSPENSION_DECISION = "suspensionDecision";
    public static final String SUSPENSION_COMMENT = "suspensionComment";
    public static final String RESUME_COMMENT = "resumeComment";
    public static final String VOID_REASON = "voidReason";
    public static final String VOIDED_BY = "voidedBy";
    public static final String VERIFICATION_OUTCOME = "verificationOutcome";
    public static final String VERIFICATION_COMMENT = "verificationComment";

    // user tasks
    public static final String TASK_CHECK = "UserTask_Check";
    public static final String TASK_ACCEPT = "UserTask_Accept";
    public static final String TASK_REASSIGN = "UserTask_Reassign";
    public static final String TASK_FIX = "UserTask_Fix";
    public static final String TASK_VERIFY = "UserTask_Verify";
    public static final String TASK_DECIDE_EXTENSION = "UserTask_DecideExtension";
    public static final String TASK_DECIDE_SUSPENSION = "UserTask_DecideSuspension";
    public static final String TASK_SUSPENDED = "UserTask_Suspended";

    public static final String MESSAGE_VOID = "VoidCase";
    /** Where a case reopened by the reporter's follow-up starts again. */
    public static final String SERVICE_TASK_REWORK = "ServiceTask_Rework";

    private ProcessVariables() {
    }
}
