package org.rectify.console;

import java.util.List;
import org.rectify.cases.CaseSteps;
import org.rectify.shared.DomainException;
import org.rectify.workflow.CaseTasks;
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

    CaseActions(CaseTasks tasks) {
        this.tasks = tasks;
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
}
