package org.rectify.console;

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
import org.rectify.web.UserFacingException;
import org.rectify.workflow.CaseProcess;
import org.springframework.stereotype.Service;

/**
 * The console's forms do what the API's actions do (workflow's CaseActionController), through the same domain
 * checks and by completing the same Camunda task, so a step taken here, in Tasklist or over the API is one
 * and the same step. Input is checked before the engine is touched.
 */
@Service
class CaseActions {

    record NewPhoto(String fileName, byte[] bytes) {
    }

    private final Cases cases;
    private final CaseViews views;
    private final CaseSteps steps;
    private final Assignment assignment;
    private final CaseProcess process;
    private final Photos photos;

    CaseActions(Cases cases, CaseViews views, CaseSteps steps, Assignment assignment, CaseProcess process,
            Photos photos) {
        this.cases = cases;
        this.views = views;
        this.steps = steps;
        this.assignment = assignment;
        this.process = process;
        this.photos = photos;
    }

    /** 核实立案: file (with optional corrections) or reject with a reason. */
    String check(long id, Viewer viewer, String decision, String category, String address, String grid,
            String rejectionReason, String comment, String duplicateOf) {
        Map<String, Object> variables = new HashMap<>();
        if ("REJECT".equals(decision)) {
            steps.checkRejection(id, rejectionReason, duplicateOf);
            if (comment != null && comment.strip().length() > 500) {
                throw UserFacingException.badRequest("too-long", "说明不能超过 500 个字");
            }
            variables.put(CHECK_OUTCOME, "REJECT");
            variables.put(REJECTION_REASON, rejectionReason);
            variables.put(REJECTION_COMMENT, Texts.blankToNull(comment));
            variables.put(DUPLICATE_OF, Texts.blankToNull(duplicateOf));
        } else if ("FILE".equals(decision)) {
            if (address != null && address.strip().length() > 300) {
                throw UserFacingException.badRequest("too-long", "地址不能超过 300 个字");
            }
            variables.put(CHECK_OUTCOME, "FILE");
            variables.put(CORRECTED_CATEGORY, Texts.blankToNull(category));
            variables.put(CORRECTED_ADDRESS, Texts.blankToNull(address));
            variables.put(CORRECTED_GRID, Texts.blankToNull(grid));
        } else {
            throw UserFacingException.badRequest("check-decision", "请选择核实结论：立案或不予立案");
        }
        act(id, viewer, TASK_CHECK, "核实立案", variables);
        return "REJECT".equals(decision) ? "已作不予立案处理" : "已核实立案，系统已按规则派遣";
    }

    /** 签收 or 退回. */
    String accept(long id, Viewer viewer, String outcome, String reason) {
        if ("RETURN".equals(outcome)) {
            steps.checkReturnReason(reason);
            act(id, viewer, TASK_ACCEPT, "退回", Map.of(ACCEPT_OUTCOME, "RETURN", RETURN_REASON, reason.strip()));
            return "已退回创建办，等待改派";
        }
        if (!"ACCEPT".equals(outcome)) {
            throw UserFacingException.badRequest("accept-outcome", "请选择“签收”或“退回”");
        }
        act(id, viewer, TASK_ACCEPT, "签收", Map.of(ACCEPT_OUTCOME, "ACCEPT"));
        return "已签收，请在整改时限前完成整改";
    }

    /** 改派: to the rules' suggestion, or to another unit with a reason. */
    String reassign(long id, Viewer viewer, String unit, String reason) {
        RectificationCase c = visible(id, viewer);
        requireStep(c, TASK_REASSIGN, "改派");
        String chosen = assignment.checkReassignment(id, Texts.blankToNull(unit), Texts.blankToNull(reason));
        Map<String, Object> variables = new HashMap<>();
        variables.put(REASSIGN_UNIT, Texts.blankToNull(unit));
        variables.put(REASSIGN_REASON, Texts.blankToNull(reason));
        act(id, viewer, TASK_REASSIGN, "改派", variables);
        return "已改派，新的责任单位：" + chosen;
    }

    /** 提交整改: what was done, with after-photos. */
    String rectify(long id, Viewer viewer, String note, List<NewPhoto> afterPhotos) {
        steps.checkRectificationNote(note, afterPhotos.size());
        afterPhotos.forEach(p -> photos.checkImage(p.fileName(), p.bytes()));
        Map<String, Object> variables = new HashMap<>();
        variables.put(FIX_OUTCOME, "FIXED");
        variables.put(RECTIFICATION_NOTE, note.strip());
        for (int i = 0; i < afterPhotos.size(); i++) {
            NewPhoto photo = afterPhotos.get(i);
            String fileName = photo.fileName() == null || photo.fileName().isBlank() ? "photo-" + (i + 1) : photo.fileName();
            variables.put(AFTER_PHOTO_PREFIX + (i + 1), Variables.fileValue(fileName).file(photo.bytes()).create());
        }
        act(id, viewer, TASK_FIX, "提交整改", variables);
        return "整改情况已提交，等待督查组核查";
    }

    /** 核查: pass closes the case; fail sends it back for rework with a comment. */
    String verify(long id, Viewer viewer, String outcome, String comment) {
        RectificationCase c = visible(id, viewer);
        requireStep(c, TASK_VERIFY, "核查");
        boolean passed = steps.checkVerification(id, outcome, comment, viewer.user().groupIds());
        Map<String, Object> variables = new HashMap<>();
        variables.put(VERIFICATION_OUTCOME, outcome);
        variables.put(VERIFICATION_COMMENT, Texts.blankToNull(comment));
        act(id, viewer, TASK_VERIFY, "核查", variables);
        return passed ? "核查通过，案件已销号" : "核查不通过，已退回牵头单位返工";
    }

    private void act(long id, Viewer viewer, String step, String stepName, Map<String, Object> variables) {
        RectificationCase c = visible(id, viewer);
        process.complete(c, step, stepName, viewer.user(), variables);
    }

    private RectificationCase visible(long id, Viewer viewer) {
        RectificationCase c = cases.require(id);
        views.requireVisible(c, viewer.user());
        return c;
    }

    private void requireStep(RectificationCase c, String step, String stepName) {
        CaseProcess.OpenStep open = process.openStep(c).orElseThrow(() -> UserFacingException.conflict("no-open-step",
                "案件 " + c.caseNumber() + " 当前（" + c.status().chineseLabel() + "）没有待办环节，不能" + stepName));
        if (!open.key().equals(step)) {
            throw UserFacingException.conflict("wrong-step", "案件 " + c.caseNumber() + " 当前处于“" + open.name()
                    + "”环节，不能" + stepName);
        }
    }
}
