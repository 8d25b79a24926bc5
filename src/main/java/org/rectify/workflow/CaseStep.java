package org.rectify.workflow;

import static org.rectify.workflow.ProcessVariables.*;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rectify.cases.CaseStatus;
import org.rectify.cases.StepOutcomes;
import org.rectify.security.Roles;

/**
 * The user tasks of processes/rectification.bpmn, each with everything the one gate ({@link StepGate}) checks: the
 * task key, who acts (the case's lead unit, or a role's group), the case statuses the step belongs to, and the
 * only variables a completion may send — the fields its Tasklist form declares ({@code cam-variable-name}) and the
 * API fills in. This list is the one place those are declared: a variable not named here is refused at every door.
 */
public enum CaseStep {

    CHECK(TASK_CHECK, "核实立案", "case.check", Roles.DISPATCHER, EnumSet.of(CaseStatus.PENDING_CHECK),
            StepOutcomes.CheckOutcome.class, List.of(CHECK_OUTCOME, CORRECTED_CATEGORY, CORRECTED_ADDRESS,
                    CORRECTED_GRID, REJECTION_REASON, REJECTION_COMMENT, DUPLICATE_OF)),
    ACCEPT(TASK_ACCEPT, "签收", "case.accept", null, EnumSet.of(CaseStatus.AWAITING_ACCEPTANCE),
            StepOutcomes.AcceptOutcome.class, List.of(ACCEPT_OUTCOME, RETURN_REASON)),
    REASSIGN(TASK_REASSIGN, "改派", "case.reassign", Roles.DISPATCHER, EnumSet.of(CaseStatus.RETURNED),
            null, List.of(REASSIGN_UNIT, REASSIGN_REASON)),
    /** The after-photos come as File variables afterPhoto1 … afterPhotoN, hence the prefix. */
    FIX(TASK_FIX, "限期整改", "case.fix", null, EnumSet.of(CaseStatus.IN_RECTIFICATION),
            StepOutcomes.FixOutcome.class, List.of(FIX_OUTCOME, RECTIFICATION_NOTE, EXTENSION_UNTIL, EXTENSION_REASON,
                    SUSPENSION_REASON), AFTER_PHOTO_PREFIX),
    DECIDE_EXTENSION(TASK_DECIDE_EXTENSION, "审批延期申请", "case.extension-decision", Roles.SUPERVISOR,
            EnumSet.of(CaseStatus.AWAITING_EXTENSION_DECISION), StepOutcomes.Decision.class,
            List.of(EXTENSION_DECISION, EXTENSION_UNTIL, EXTENSION_COMMENT)),
    DECIDE_SUSPENSION(TASK_DECIDE_SUSPENSION, "审批挂账申请", "case.suspension-decision", Roles.SUPERVISOR,
            EnumSet.of(CaseStatus.AWAITING_SUSPENSION_DECISION), StepOutcomes.Decision.class,
            List.of(SUSPENSION_DECISION, SUSPENSION_COMMENT)),
    RESUME(TASK_SUSPENDED, "挂账复核", "case.resume", Roles.SUPERVISOR, EnumSet.of(CaseStatus.SUSPENDED),
            null, List.of(RESUME_COMMENT)),
    VERIFY(TASK_VERIFY, "核查验收", "case.verify", Roles.SUPERVISOR, EnumSet.of(CaseStatus.AWAITING_VERIFICATION),
            StepOutcomes.VerificationOutcome.class, List.of(VERIFICATION_OUTCOME, VERIFICATION_COMMENT));

    private final String taskKey;
    private final String stepName;
    private final String action;
    private final String role;
    private final Set<CaseStatus> statuses;
    private final Class<? extends Enum<?>> outcomes;
    private final List<String> variables;
    private final String variablePrefix;

    CaseStep(String taskKey, String stepName, String action, String role, Set<CaseStatus> statuses,
            Class<? extends Enum<?>> outcomes, List<String> variables) {
        this(taskKey, stepName, action, role, statuses, outcomes, variables, null);
    }

    CaseStep(String taskKey, String stepName, String action, String role, Set<CaseStatus> statuses,
            Class<? extends Enum<?>> outcomes, List<String> variables, String variablePrefix) {
        this.taskKey = taskKey;
        this.stepName = stepName;
        this.action = action;
        this.role = role;
        this.statuses = statuses;
        this.outcomes = outcomes;
        this.variables = variables;
        this.variablePrefix = variablePrefix;
    }

    /** The rectification process's declarations, for the guard on Camunda's doors. */
    @org.springframework.stereotype.Component
    static class Declarations implements org.rectify.shared.DeclaredTaskForms {
        @Override
        public Optional<DeclaredForm> formOf(String processKey, String taskKey) {
            return of(processKey, taskKey).map(step -> new DeclaredForm(step.stepName(), step.action(), step::allows,
                    step.declaredText()));
        }
    }

    /** The step of the rectification process's task {@code taskKey}; empty for any other process's task. */
    public static Optional<CaseStep> of(String processKey, String taskKey) {
        if (!PROCESS_KEY.equals(processKey)) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(step -> step.taskKey.equals(taskKey)).findFirst();
    }

    public String taskKey() {
        return taskKey;
    }

    /** The step as users name it (the BPMN task's name). */
    public String stepName() {
        return stepName;
    }

    /** The audit trail's name of the act, e.g. {@code case.accept}. */
    public String action() {
        return action;
    }

    /** The group whose members act at this step, or {@code null} when the case's lead unit does. */
    public String role() {
        return role;
    }

    public boolean isUnitStep() {
        return role == null;
    }

    public Set<CaseStatus> statuses() {
        return statuses;
    }

    /** The enum of this step's outcomes (the values its gateway compares), or {@code null} if it has no choice. */
    public Class<? extends Enum<?>> outcomes() {
        return outcomes;
    }

    /** The variables a completion may set, in the order the form shows them. */
    public List<String> variables() {
        return variables;
    }

    /** The prefix of numbered File variables the step takes, or {@code null}. */
    public String variablePrefix() {
        return variablePrefix;
    }

    public boolean allows(String variable) {
        return variables.contains(variable) || (variablePrefix != null && variable != null
                && variable.startsWith(variablePrefix) && variable.substring(variablePrefix.length()).matches("[1-9][0-9]?"));
    }

    /** The names among {@code sent} this step does not declare. */
    public List<String> undeclared(Collection<String> sent) {
        return sent.stream().filter(name -> !allows(name)).sorted().toList();
    }

    /** What a user is told the step accepts: "acceptOutcome、returnReason". */
    public String declaredText() {
        return String.join("、", variables) + (variablePrefix == null ? "" : "、" + variablePrefix + "1…" + variablePrefix + "9");
    }
}
