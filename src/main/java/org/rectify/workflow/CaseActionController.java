package org.rectify.workflow;

import static org.rectify.workflow.ProcessVariables.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rectify.cases.CaseSteps;
import org.rectify.cases.CaseViews;
import org.rectify.cases.Photos;
import org.rectify.cases.Cases;
import org.rectify.cases.RectificationCase;
import org.rectify.cases.StepOutcomes;
import org.rectify.escalation.Extensions;
import org.rectify.escalation.Suspensions;
import org.rectify.escalation.Voiding;
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same actions as the Tasklist forms: each completes the case's open Camunda task, and the process's
 * listeners apply it, so both ways take one path. The input is checked here first, so a refusal never
 * touches the engine.
 */
@RestController
@Tag(name = "办理", description = "核实、签收、退回、改派、整改、核查")
class CaseActionController {

    record CheckRequest(@NotNull(message = "请填写核实结论 decision（FILE 立案 或 REJECT 不予立案）") StepOutcomes.CheckOutcome decision,
            @Size(max = 40) String correctedCategory, @Size(max = 300, message = "地址不能超过 300 个字") String correctedAddress,
            @Size(max = 40) String correctedGrid, String rejectionReason,
            @Size(max = 500, message = "说明不能超过 500 个字") String comment, @Size(max = 30) String duplicateOf) {
    }

    record ReturnRequest(@NotBlank(message = "请填写退回理由 reason") @Size(max = 500, message = "退回理由不能超过 500 个字") String reason) {
    }

    record ReassignRequest(@Size(max = 40) String unit, @Size(max = 500, message = "改派理由不能超过 500 个字") String reason) {
    }

    record Photo(@Size(max = 200) String fileName, @NotBlank(message = "照片内容 contentBase64 不能为空") String contentBase64) {
    }

    record RectificationRequest(@NotBlank(message = "请填写整改情况说明 note") @Size(max = 2000, message = "整改情况说明不能超过 2000 个字") String note,
            @NotNull(message = "请上传整改后照片 photos") @Size(min = 1, max = 9, message = "请上传 1 到 9 张整改后照片") List<@Valid Photo> photos) {
    }

    record VerificationRequest(@NotNull(message = "请填写核查结论 outcome（PASS 通过 或 FAIL 不通过）") StepOutcomes.VerificationOutcome outcome,
            @Size(max = 500, message = "核查意见不能超过 500 个字") String comment) {
    }

    record ExtensionRequest(@NotBlank(message = "请填写申请延期至的日期 until（如 2026-12-01）") String until,
            @NotBlank(message = "请填写延期理由 reason") @Size(max = 500, message = "延期理由不能超过 500 个字") String reason) {
    }

    record Decision(@NotNull(message = "请填写审批结论 decision（APPROVE 同意 或 REFUSE 不同意）") StepOutcomes.Decision decision,
            String until, @Size(max = 500, message = "意见不能超过 500 个字") String comment) {
    }

    record ReasonRequest(@NotBlank(message = "请填写理由 reason") @Size(max = 500, message = "理由不能超过 500 个字") String reason) {
    }

    record CommentRequest(@Size(max = 500, message = "说明不能超过 500 个字") String comment) {
    }

    private final Cases cases;
    private final CaseViews views;
    private final CaseTasks tasks;
    private final Extensions extensions;
    private final Suspensions suspensions;
    private final Voiding voiding;
    private final CaseProcess process;
    private final CurrentUsers currentUsers;

    CaseActionController(Cases cases, CaseViews views, CaseTasks tasks, Extensions extensions, Suspensions suspensions,
            Voiding voiding, CaseProcess process, CurrentUsers currentUsers) {
        this.extensions = extensions;
        this.suspensions = suspensions;
        this.voiding = voiding;
        this.cases = cases;
        this.views = views;
        this.tasks = tasks;
        this.process = process;
        this.currentUsers = currentUsers;
    }

    @PostMapping(path = "/api/cases/{id}/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "核实立案（创建办）：立案（可更正类别、地址、网格）或不予立案（理由：NOT_A_PROBLEM、OUTSIDE_ZONE、DUPLICATE）")
    CaseViews.Detail check(@PathVariable long id, @Valid @RequestBody CheckRequest request) {
        tasks.check(id, currentUsers.require(), request.decision().name(), request.correctedCategory(),
                request.correctedAddress(), request.correctedGrid(), request.rejectionReason(), request.comment(),
                request.duplicateOf());
        return detail(id);
    }

    @PostMapping(path = "/api/cases/{id}/accept")
    @Operation(summary = "签收（牵头单位）")
    CaseViews.Detail accept(@PathVariable long id) {
        tasks.accept(id, currentUsers.require());
        return detail(id);
    }

    @PostMapping(path = "/api/cases/{id}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "退回（牵头单位认为不属于本单位，须说明理由）")
    CaseViews.Detail giveBack(@PathVariable long id, @Valid @RequestBody ReturnRequest request) {
        tasks.giveBack(id, currentUsers.require(), request.reason());
        return detail(id);
    }

    @PostMapping(path = "/api/cases/{id}/reassign", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "改派（创建办）：不填单位则按规则建议；改派给其他单位须说明理由")
    CaseViews.Detail reassign(@PathVariable long id, @Valid @RequestBody ReassignRequest request) {
        tasks.reassign(id, currentUsers.require(), request.unit(), request.reason());
        return detail(id);
    }

    @PostMapping(path = "/api/cases/{id}/rectification", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "提交整改（牵头单位）：整改情况说明和整改后照片（JPEG/PNG，Base64）")
    CaseViews.Detail rectify(@PathVariable long id, @Valid @RequestBody RectificationRequest request) {
        List<CaseSteps.NewPhoto> photos = request.photos().stream().map(photo -> new CaseSteps.NewPhoto(
                photo.fileName(), Photos.decodeBase64(photo.fileName(), photo.contentBase64()))).toList();
        tasks.rectify(id, currentUsers.require(), request.note(), photos);
        return detail(id);
    }

    @PostMapping(path = "/api/cases/{id}/verification", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "核查（督查组，非整改单位人员）：通过则销号，不通过须填写意见并返工")
    CaseViews.Detail verify(@PathVariable long id, @Valid @RequestBody VerificationRequest request) {
        tasks.verify(id, currentUsers.require(), request.outcome().name(), request.comment());
        return detail(id);
    }

    @PostMapping(path = "/api/cases/{id}/extension-request", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "申请延期（牵头单位，整改期间）：新的日期和理由；按规则每案限一次且不超过原时限")
    CaseViews.Detail requestExtension(@PathVariable long id, @Valid @RequestBody ExtensionRequest request) {
        RectificationCase c = visible(id);
        requireStep(c, TASK_FIX, "申请延期");
        extensions.checkRequest(id, request.until(), request.reason());
        return act(id, TASK_FIX, "申请延期", Map.of(FIX_OUTCOME, "EXTENSION", EXTENSION_UNTIL, request.until(),
                EXTENSION_REASON, request.reason()));
    }

    @PostMapping(path = "/api/cases/{id}/extension-decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "审批延期（督查组）：同意（可改定日期）或不同意（须填写意见）")
    CaseViews.Detail decideExtension(@PathVariable long id, @Valid @RequestBody Decision request) {
        RectificationCase c = visible(id);
        requireStep(c, TASK_DECIDE_EXTENSION, "审批延期");
        extensions.checkDecision(id, request.decision().name(), request.until(), request.comment());
        Map<String, Object> variables = new HashMap<>();
        variables.put(EXTENSION_DECISION, request.decision().name());
        variables.put(EXTENSION_UNTIL, request.until());
        variables.put(EXTENSION_COMMENT, request.comment());
        return act(id, TASK_DECIDE_EXTENSION, "审批延期", variables);
    }

    @PostMapping(path = "/api/cases/{id}/suspension-request", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "申请挂账（牵头单位）：确实无法限期整改（需资金、拆除决定、其他部门）时说明理由")
    CaseViews.Detail requestSuspension(@PathVariable long id, @Valid @RequestBody ReasonRequest request) {
        suspensions.checkRequest(request.reason());
        return act(id, TASK_FIX, "申请挂账", Map.of(FIX_OUTCOME, "SUSPENSION", SUSPENSION_REASON, request.reason()));
    }

    @PostMapping(path = "/api/cases/{id}/suspension-decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "审批挂账（督查组）：同意则停表，不同意须填写意见")
    CaseViews.Detail decideSuspension(@PathVariable long id, @Valid @RequestBody Decision request) {
        suspensions.checkDecision(request.decision().name(), request.comment());
        Map<String, Object> variables = new HashMap<>();
        variables.put(SUSPENSION_DECISION, request.decision().name());
        variables.put(SUSPENSION_COMMENT, request.comment());
        return act(id, TASK_DECIDE_SUSPENSION, "审批挂账", variables);
    }

    @PostMapping(path = "/api/cases/{id}/resume", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "恢复整改（督查组）：挂账案件恢复计时，续算挂账时剩余的时间")
    CaseViews.Detail resume(@PathVariable long id, @Valid @RequestBody CommentRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(RESUME_COMMENT, request.comment());
        return act(id, TASK_SUSPENDED, "恢复整改", variables);
    }

    @PostMapping(path = "/api/cases/{id}/void", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "作废（督查组）：误立的案件作废，须说明理由；全过程记录保留")
    CaseViews.Detail voidCase(@PathVariable long id, @Valid @RequestBody ReasonRequest request) {
        RectificationCase c = visible(id);
        CurrentUser user = currentUsers.require();
        if (!user.isSupervisor() && !user.isAdmin()) {
            throw DomainException.forbidden("supervisor-only", "只有督查组可以作废案件");
        }
        voiding.check(c, request.reason());
        process.voidCase(c, request.reason(), user);
        return detail(id);
    }

    private CaseViews.Detail act(long id, String step, String stepName, Map<String, Object> variables) {
        process.complete(visible(id), step, stepName, currentUsers.require(), variables);
        return detail(id);
    }

    private CaseViews.Detail detail(long id) {
        return views.detailFor(cases.require(id), currentUsers.require());
    }

    private void requireStep(RectificationCase c, String step, String stepName) {
        tasks.requireStep(c, step, stepName);
    }

    private RectificationCase visible(long id) {
        return tasks.visible(id, currentUsers.require());
    }
}
