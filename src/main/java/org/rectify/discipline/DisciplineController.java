package org.rectify.discipline;

import static org.rectify.discipline.DisciplineVariables.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rectify.cases.CaseViews;
import org.rectify.cases.Cases;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.rectify.clock.BusinessClock;
import org.rectify.rules.AccountabilityMeasure;
import org.rectify.rules.AccountabilityTarget;
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The discipline office's dossier and the same actions as its Tasklist forms: each completes the open task of
 * the case's discipline process, and the process's listeners apply it, so both ways take one path. Input is
 * checked here first, so a refusal never touches the engine.
 */
@RestController
@Tag(name = "纪工委问责", description = "问责卷宗、问责决定、签收与申诉、申诉复核、单位问责记录")
class DisciplineController {

    record DecisionRequest(@Size(max = 40) String measure, @Size(max = 20) String target,
            @Size(max = 2000, message = "理由过长") String reason) {
    }

    record AppealRequest(@Size(max = 4000, message = "申诉理由过长") String reason) {
    }

    record ReviewRequest(@Size(max = 20) String outcome, @Size(max = 40) String measure, @Size(max = 20) String target,
            @Size(max = 2000, message = "复核理由过长") String reason) {
    }

    private final Cases cases;
    private final CaseViews views;
    private final Catalog catalog;
    private final DisciplineTransfers transfers;
    private final DisciplineProcess process;
    private final Accountability accountability;
    private final Dossiers dossiers;
    private final Discipline discipline;
    private final CurrentUsers currentUsers;
    private final BusinessClock clock;

    DisciplineController(Cases cases, CaseViews views, Catalog catalog, DisciplineTransfers transfers,
            DisciplineProcess process, Accountability accountability, Dossiers dossiers, Discipline discipline,
            CurrentUsers currentUsers, BusinessClock clock) {
        this.cases = cases;
        this.views = views;
        this.catalog = catalog;
        this.transfers = transfers;
        this.process = process;
        this.accountability = accountability;
        this.dossiers = dossiers;
        this.discipline = discipline;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    record Choice(String code, String label, Integer weight) {
    }

    record Choices(List<Choice> measures, List<Choice> targets) {
    }

    /** What the discipline forms offer: the forms ask here rather than keep their own copy of the lists. */
    @GetMapping("/api/discipline/measures")
    @Operation(summary = "问责措施（由轻到重，weight 越大越重）和问责对象，供纪工委表单选择")
    Choices measures() {
        currentUsers.require();
        return new Choices(
                Arrays.stream(AccountabilityMeasure.values())
                        .map(m -> new Choice(m.name(), m.chineseLabel(), m.weight())).toList(),
                Arrays.stream(AccountabilityTarget.values()).filter(AccountabilityTarget::isSelectable)
                        .map(t -> new Choice(t.name(), t.chineseLabel(), null)).toList());
    }

    @GetMapping("/api/discipline/cases/{caseId}/dossier")
    @Operation(summary = "问责卷宗（纪工委、系统管理员）：案件及全过程记录、超期情况、督办单、历次移交与问责决定、责任单位本季度和本年度问责记录")
    Dossiers.Dossier dossier(@PathVariable long caseId) {
        requireOffice(currentUsers.require(), "查看问责卷宗");
        return dossiers.of(cases.require(caseId), currentUsers.require());
    }

    @GetMapping("/api/discipline/cases/{caseId}/transfers")
    @Operation(summary = "案件的历次移交问责及决定（纪工委、系统管理员）；责任单位在决定下达后可查看针对本单位的决定（不含规则建议）")
    List<Dossiers.TransferView> transfers(@PathVariable long caseId) {
        CurrentUser user = currentUsers.require();
        RectificationCase c = cases.require(caseId);
        views.requireVisible(c, user);
        List<Transfer> all = transfers.forCase(caseId);
        if (user.isDiscipline() || user.isAdmin()) {
            return all.stream().map(t -> dossiers.view(t, user)).toList();
        }
        List<Transfer> ours = all.stream().filter(t -> user.handlesFor(t.unitCode())).toList();
        if (ours.isEmpty()) {
            throw DomainException.forbidden("discipline-only",
                    "问责移交、规则建议和卷宗只对纪工委和系统管理员开放；责任单位可在问责决定下达后查看针对本单位的决定");
        }
        // A unit learns the decision once it is issued, never the proposal the office weighed nor an undecided transfer.
        return ours.stream().filter(t -> t.status() != Transfer.Status.AWAITING_DECISION
                        && t.status() != Transfer.Status.CANCELLED)
                .map(t -> dossiers.view(t, user)).map(DisciplineController::withoutProposal).toList();
    }

    private static Dossiers.TransferView withoutProposal(Dossiers.TransferView v) {
        return new Dossiers.TransferView(v.id(), v.sequence(), v.businessKey(), v.trigger(), v.triggerLabel(),
                v.detail(), v.transferredAt(), v.status(), v.statusLabel(), v.effectiveAt(), v.processInstanceId(),
                v.openStep(), v.openStepName(), null, v.records(), v.appeal());
    }

    @GetMapping("/api/discipline/units/{unitCode}/record")
    @Operation(summary = "单位本季度、本年度问责记录（纪工委、系统管理员及本单位人员）")
    UnitRecord unitRecord(@PathVariable String unitCode) {
        CurrentUser user = currentUsers.require();
        if (catalog.unit(unitCode).isEmpty()) {
            throw DomainException.notFound("unit-not-found", "单位“" + unitCode + "”不存在");
        }
        if (!user.isDiscipline() && !user.isAdmin() && !user.handlesFor(unitCode)) {
            throw DomainException.forbidden("not-your-unit", "问责记录只对纪工委、系统管理员和本单位人员开放");
        }
        return discipline.unitRecord(unitCode);
    }

    @PostMapping(path = "/api/discipline/cases/{caseId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "作出问责决定（纪工委）：不填 measure、target 即采纳规则建议；与建议不同时必须填写理由 reason")
    Dossiers.TransferView decide(@PathVariable long caseId, @Valid @RequestBody DecisionRequest request) {
        CurrentUser user = currentUsers.require();
        requireOffice(user, "作出问责决定");
        Transfer t = openTransfer(caseId, "作出问责决定");
        process.requireStep(t, TASK_DECIDE, "作出问责决定", user);
        accountability.checkDecision(t, request.measure(), request.target(), request.reason());
        Map<String, Object> variables = new HashMap<>();
        variables.put(DECISION_MEASURE, request.measure());
        variables.put(DECISION_TARGET, request.target());
        variables.put(DECISION_REASON, request.reason());
        return complete(t, TASK_DECIDE, "作出问责决定", user, variables);
    }

    @PostMapping(path = "/api/discipline/cases/{caseId}/acknowledgement")
    @Operation(summary = "签收问责决定，不申诉（责任单位）：决定随即生效")
    Dossiers.TransferView acknowledge(@PathVariable long caseId) {
        CurrentUser user = currentUsers.require();
        Transfer t = unitTransfer(caseId, user, "签收问责决定");
        accountability.checkNotice(t, Accountability.NoticeOutcome.ACKNOWLEDGE.name(), null, clock.now());
        return complete(t, TASK_NOTICE, "签收问责决定", user, Map.of(NOTICE_OUTCOME, "ACKNOWLEDGE"));
    }

    @PostMapping(path = "/api/discipline/cases/{caseId}/appeal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "申诉（责任单位）：在申诉期限内提出一次，须写明理由，由纪工委复核")
    Dossiers.TransferView appeal(@PathVariable long caseId, @Valid @RequestBody AppealRequest request) {
        CurrentUser user = currentUsers.require();
        Transfer t = unitTransfer(caseId, user, "申诉");
        accountability.checkNotice(t, Accountability.NoticeOutcome.APPEAL.name(), request.reason(), clock.now());
        Map<String, Object> variables = new HashMap<>();
        variables.put(NOTICE_OUTCOME, "APPEAL");
        variables.put(APPEAL_REASON, request.reason());
        return complete(t, TASK_NOTICE, "申诉", user, variables);
    }

    @PostMapping(path = "/api/discipline/cases/{caseId}/appeal-review", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "复核申诉（纪工委）：UPHOLD 维持原决定，或 CHANGE 改为更轻的措施 measure（须填写理由 reason）")
    Dossiers.TransferView review(@PathVariable long caseId, @Valid @RequestBody ReviewRequest request) {
        CurrentUser user = currentUsers.require();
        requireOffice(user, "复核申诉");
        Transfer t = openTransfer(caseId, "复核申诉");
        process.requireStep(t, TASK_REVIEW, "复核申诉", user);
        accountability.checkReview(t, request.outcome(), request.measure(), request.target(), request.reason());
        Map<String, Object> variables = new HashMap<>();
        variables.put(REVIEW_OUTCOME, request.outcome());
        variables.put(REVIEW_MEASURE, request.measure());
        variables.put(REVIEW_TARGET, request.target());
        variables.put(REVIEW_REASON, request.reason());
        return complete(t, TASK_REVIEW, "复核申诉", user, variables);
    }

    private Dossiers.TransferView complete(Transfer t, String step, String stepName, CurrentUser user,
            Map<String, Object> variables) {
        process.complete(t, step, stepName, user, variables);
        return dossiers.view(transfers.require(t.id()), user);
    }

    /** The open transfer of a case the user may see, for the unit held to account (403 for anyone else). */
    private Transfer unitTransfer(long caseId, CurrentUser user, String action) {
        RectificationCase c = cases.require(caseId);
        views.requireVisible(c, user);
        Transfer t = openTransfer(caseId, action);
        if (!user.isAdmin() && !user.handlesFor(t.unitCode())) {
            throw DomainException.forbidden("not-your-unit", "问责决定针对" + catalog.unitName(t.unitCode())
                    + "，只有该单位人员可以" + action);
        }
        process.requireStep(t, TASK_NOTICE, action, user);
        return t;
    }

    private Transfer openTransfer(long caseId, String action) {
        RectificationCase c = cases.require(caseId);
        return transfers.findOpen(caseId).orElseThrow(() -> DomainException.conflict("no-open-transfer",
                "案件 " + c.caseNumber() + " 没有进行中的问责程序，不能" + action));
    }

    private static void requireOffice(CurrentUser user, String action) {
        if (!user.isDiscipline() && !user.isAdmin()) {
            throw DomainException.forbidden("discipline-only", "只有纪工委可以" + action);
        }
    }
}
