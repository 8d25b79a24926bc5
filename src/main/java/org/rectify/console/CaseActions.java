package org.rectify.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rectify.cases.CaseSteps;
import org.rectify.cases.CaseViews;
import org.rectify.cases.Cases;
import org.rectify.escalation.Extensions;
import org.rectify.escalation.Suspensions;
import org.rectify.shared.DomainException;
import org.rectify.workflow.CaseProcess;
import org.rectify.workflow.CaseTasks;
import org.rectify.workflow.ProcessVariables;
import org.springframework.stereotype.Service;

/**
 * The console's forms do what the API's actions do (workflow's CaseActionController): both go through
 * workflow's CaseTasks, so a step taken here, in Tasklist or over the API is one and the same step. What is
 * left here is what a form needs and a JSON body gets from bean validation: the choice between two outcomes,
 * the length limits, and the words the page shows afterwards.
 */
@Service
class CaseActions {

    private final CaseTasks tasks;
    private final CaseProcess process;
    private final Cases cases;
    private final CaseViews views;
    private final Extensions extensions;
    private final Suspensions suspensions;

    CaseActions(CaseTasks tasks, CaseProcess process, Cases cases, CaseViews views, Extensions extensions, Suspensions suspensions) {
        this.tasks = tasks;
        this.process = process;
        this.cases = cases;
        this.views = views;
        this.extensions = extensions;
        this.suspensions = suspensions;
    }

    /** 核实立案: file (with optional corrections) or reject with a reason. */
    String check(long id, Viewer viewer, String decision, String category, String address, String grid,
            String rejectionReason, String comment, String duplicateOf) {
        if ("REJECT".equals(decision)) {
            if (comment != null && comment.strip().length() > 500) {
                throw DomainException.invalid("too-long", "说明不能超过 500 个字");
            }
        } else if ("FILE".equals(decision)) {
            if (address != null && address.strip().length() > 300) {
                throw DomainException.invalid("too-long", "地址不能超过 300 个字");
            }
        } else {
            throw DomainException.invalid("check-decision", "请选择核实结论：立案或不予立案");
        }
        tasks.check(id, viewer.user(), decision, category, address, grid, rejectionReason, comment, duplicateOf);
        return "REJECT".equals(decision) ? "已作不予立案处理" : "已核实立案，系统已按规则派遣";
    }

    /** 签收 or 退回. */
    String accept(long id, Viewer viewer, String outcome, String reason) {
        if ("RETURN".equals(outcome)) {
            tasks.giveBack(id, viewer.user(), reason);
            return "已退回创建办，等待改派";
        }
        if (!"ACCEPT".equals(outcome)) {
            throw DomainException.invalid("accept-outcome", "请选择“签收”或“退回”");
        }
        tasks.accept(id, viewer.user());
        return "已签收，请在整改时限前完成整改";
    }

    /** 改派: to the rules' suggestion, or to another unit with a reason. */
    String reassign(long id, Viewer viewer, String unit, String reason) {
        return "已改派，新的责任单位：" + tasks.reassign(id, viewer.user(), unit, reason);
    }

    /** 提交整改: what was done, with after-photos. */
    String rectify(long id, Viewer viewer, String note, List<CaseSteps.NewPhoto> afterPhotos) {
        tasks.rectify(id, viewer.user(), note, afterPhotos);
        return "整改情况已提交，等待督查组核查";
    }

    /** 核查: pass closes the case; fail sends it back for rework with a comment. */
    String verify(long id, Viewer viewer, String outcome, String comment) {
        return tasks.verify(id, viewer.user(), outcome, comment) ? "核查通过，案件已销号" : "核查不通过，已退回牵头单位返工";
    }

    // The requests and decisions below take the same variables as the API's (workflow.CaseActionController) and
    // complete the step through the same CaseProcess.complete; they belong in CaseTasks once it offers them.

    /** 申请延期: the unit asks once for a later deadline, with a reason. */
    String requestExtension(long id, Viewer viewer, String until, String reason) {
        visible(id, viewer);
        extensions.checkRequest(id, until, reason);
        process.complete(visible(id, viewer), ProcessVariables.TASK_FIX, "申请延期", viewer.user(),
                Map.of(ProcessVariables.FIX_OUTCOME, "EXTENSION", ProcessVariables.EXTENSION_UNTIL, until.strip(),
                        ProcessVariables.EXTENSION_REASON, reason));
        return "延期申请已提交，等待督查组审批；审批前请继续整改";
    }

    /** 申请挂账: the problem cannot be fixed within any deadline (money, a demolition decision, another authority). */
    String requestSuspension(long id, Viewer viewer, String reason) {
        suspensions.checkRequest(reason);
        process.complete(visible(id, viewer), ProcessVariables.TASK_FIX, "申请挂账", viewer.user(),
                Map.of(ProcessVariables.FIX_OUTCOME, "SUSPENSION", ProcessVariables.SUSPENSION_REASON, reason));
        return "挂账申请已提交，等待督查组审批";
    }

    /** 审批延期 (supervisor). */
    String decideExtension(long id, Viewer viewer, String decision, String until, String comment) {
        visible(id, viewer);
        extensions.checkDecision(id, decision, until, comment);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.EXTENSION_DECISION, decision);
        variables.put(ProcessVariables.EXTENSION_UNTIL, Texts.blankToNull(until));
        variables.put(ProcessVariables.EXTENSION_COMMENT, comment);
        process.complete(visible(id, viewer), ProcessVariables.TASK_DECIDE_EXTENSION, "审批延期", viewer.user(), variables);
        return "APPROVE".equals(decision) ? "已同意延期，新的时限已通知牵头单位" : "已不同意延期，牵头单位按原时限整改";
    }

    /** 审批挂账 (supervisor). */
    String decideSuspension(long id, Viewer viewer, String decision, String comment) {
        suspensions.checkDecision(decision, comment);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.SUSPENSION_DECISION, decision);
        variables.put(ProcessVariables.SUSPENSION_COMMENT, comment);
        process.complete(visible(id, viewer), ProcessVariables.TASK_DECIDE_SUSPENSION, "审批挂账", viewer.user(), variables);
        return "APPROVE".equals(decision) ? "已同意挂账，案件停表" : "已不同意挂账，牵头单位继续整改";
    }

    private org.rectify.cases.RectificationCase visible(long id, Viewer viewer) {
        org.rectify.cases.RectificationCase c = cases.require(id);
        views.requireVisible(c, viewer.user());
        return c;
    }
}
