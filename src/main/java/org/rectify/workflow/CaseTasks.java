package org.rectify.workflow;

import static org.rectify.workflow.ProcessVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.rectify.cases.Assignment;
import org.rectify.cases.CaseSteps;
import org.rectify.cases.CaseViews;
import org.rectify.cases.Cases;
import org.rectify.cases.Photos;
import org.rectify.cases.RectificationCase;
import org.rectify.security.CurrentUser;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Service;

/**
 * The handling steps as the API and the console take them: the case must be visible to the user, the input is
 * checked first (so a refusal never touches the engine), then the values go into the same task variables the
 * Tasklist forms use and the case's open Camunda task is completed. The domain trims and blanks the values
 * itself, so they are passed as they came.
 */
@Service
public class CaseTasks {

    private final Cases cases;
    private final CaseViews views;
    private final CaseSteps steps;
    private final Assignment assignment;
    private final Photos photos;
    private final CaseProcess process;

    CaseTasks(Cases cases, CaseViews views, CaseSteps steps, Assignment assignment, Photos photos, CaseProcess process) {
        this.cases = cases;
        this.views = views;
        this.steps = steps;
        this.assignment = assignment;
        this.photos = photos;
        this.process = process;
    }

    /** 核实立案: {@code decision} is FILE (with optional corrections) or REJECT (with reason, comment, duplicate). */
    public void check(long id, CurrentUser user, String decision, String correctedCategory, String correctedAddress,
            String correctedGrid, String rejectionReason, String comment, String duplicateOf) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CHECK_OUTCOME, decision);
        if ("REJECT".equals(decision)) {
            steps.checkRejection(id, rejectionReason, duplicateOf);
            variables.put(REJECTION_REASON, rejectionReason);
            variables.put(REJECTION_COMMENT, comment);
            variables.put(DUPLICATE_OF, duplicateOf);
        } else {
            variables.put(CORRECTED_CATEGORY, correctedCategory);
            variables.put(CORRECTED_ADDRESS, correctedAddress);
            variables.put(CORRECTED_GRID, correctedGrid);
        }
        process.complete(visible(id, user), TASK_CHECK, "核实立案", user, variables);
    }

    /** 签收. */
    public void accept(long id, CurrentUser user) {
        process.complete(visible(id, user), TASK_ACCEPT, "签收", user, Map.of(ACCEPT_OUTCOME, "ACCEPT"));
    }

    /** 退回 with a reason. */
    public void giveBack(long id, CurrentUser user, String reason) {
        steps.checkReturnReason(reason);
        process.complete(visible(id, user), TASK_ACCEPT, "退回", user, Map.of(ACCEPT_OUTCOME, "RETURN", RETURN_REASON, reason));
    }

    /** 改派: to the rules' suggestion (no unit) or to another unit with a reason; returns the unit chosen. */
    public String reassign(long id, CurrentUser user, String unit, String reason) {
        RectificationCase c = visible(id, user);
        requireStep(c, TASK_REASSIGN, "改派");
        String chosen = assignment.checkReassignment(id, unit, reason);
        Map<String, Object> variables = new HashMap<>();
        variables.put(REASSIGN_UNIT, unit);
        variables.put(REASSIGN_REASON, reason);
        process.complete(c, TASK_REASSIGN, "改派", user, variables);
        return chosen;
    }

    /** 提交整改: what was done, with the after-photos. */
    public void rectify(long id, CurrentUser user, String note, List<CaseSteps.NewPhoto> afterPhotos) {
        steps.checkRectificationNote(note, afterPhotos.size());
        afterPhotos.forEach(p -> photos.checkImage(p.fileName(), p.bytes()));
        Map<String, Object> variables = new HashMap<>();
        variables.put(FIX_OUTCOME, "FIXED");
        variables.put(RECTIFICATION_NOTE, note);
        for (int i = 0; i < afterPhotos.size(); i++) {
            CaseSteps.NewPhoto photo = afterPhotos.get(i);
            String fileName = photo.fileName() == null || photo.fileName().isBlank() ? "photo-" + (i + 1) : photo.fileName();
            variables.put(AFTER_PHOTO_PREFIX + (i + 1), Variables.fileValue(fileName).file(photo.bytes()).create());
        }
        process.complete(visible(id, user), TASK_FIX, "提交整改", user, variables);
    }

    /** 核查 by someone outside the rectifying unit; returns whether it passed (the case is closed). */
    public boolean verify(long id, CurrentUser user, String outcome, String comment) {
        RectificationCase c = visible(id, user);
        requireStep(c, TASK_VERIFY, "核查");
        boolean passed = steps.checkVerification(id, outcome, comment, user.groupIds());
        Map<String, Object> variables = new HashMap<>();
        variables.put(VERIFICATION_OUTCOME, outcome);
        variables.put(VERIFICATION_COMMENT, comment);
        process.complete(c, TASK_VERIFY, "核查", user, variables);
        return passed;
    }

    /** The case, if the user may see it. */
    RectificationCase visible(long id, CurrentUser user) {
        RectificationCase c = cases.require(id);
        views.requireVisible(c, user);
        return c;
    }

    /** Refuses a step the case is not waiting at, naming the step it is waiting at. */
    void requireStep(RectificationCase c, String step, String stepName) {
        CaseProcess.OpenStep open = process.openStep(c).orElseThrow(() -> DomainException.conflict("no-open-step",
                "案件 " + c.caseNumber() + " 当前（" + c.status().chineseLabel() + "）没有待办环节，不能" + stepName));
        if (!open.key().equals(step)) {
            throw DomainException.conflict("wrong-step", "案件 " + c.caseNumber() + " 当前处于“" + open.name()
                    + "”环节，不能" + stepName);
        }
    }
}
