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
    public static final String VERIFICATION_OUTCOME = "verificationOutcome";
    public static final String VERIFICATION_COMMENT = "verificationComment";

    // user tasks
    public static final String TASK_CHECK = "UserTask_Check";
    public static final String TASK_ACCEPT = "UserTask_Accept";
    public static final String TASK_REASSIGN = "UserTask_Reassign";
    public static final String TASK_FIX = "UserTask_Fix";
    public static final String TASK_VERIFY = "UserTask_Verify";

    private ProcessVariables() {
    }
}
