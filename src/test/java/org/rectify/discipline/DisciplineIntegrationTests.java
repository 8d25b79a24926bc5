package org.rectify.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rectify.support.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.calendar.TimeLimitUnit;
import org.rectify.calendar.WorkingCalendar;
import org.rectify.rules.AccountabilityMeasure;
import org.rectify.console.ConsoleSession;
import org.rectify.support.Api;
import org.rectify.support.TasklistSession;
import org.rectify.support.EngineTasks;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The discipline office's process on the real engine and database: transfer, the rules' proposal, the
 * office's decision (confirmed or overridden), the unit's acknowledgement or appeal, the review, the appeal
 * window's timer, and the unit's record feeding the next proposal. Each test works on fresh cases.
 */
@RectifyIntegrationTest
@RecordApplicationEvents
class DisciplineIntegrationTests {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Discipline discipline;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        api = new Api(rest);
    }

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void disciplineDataIsForTheDisciplineOfficeAndAdministratorsOnly() {
        long id = report("STREET_VENDING");
        String transfers = "/api/discipline/cases/" + id + "/transfers";

        assertProblem(api.get("patrol", transfers), 403, "纪工委");
        assertProblem(api.get("cgj-handler", transfers), 403, "纪工委");
        assertProblem(api.get("supervisor", transfers), 403, "纪工委");
        assertProblem(api.get("patrol", "/api/discipline/cases/" + id + "/dossier"), 403, "纪工委");
        assertProblem(api.get("cgj-handler", "/api/discipline/cases/" + id + "/dossier"), 403, "纪工委");
        assertProblem(api.get("patrol", "/api/discipline/units/cgj/record"), 403, "纪工委");
        assertProblem(api.get("dispatcher", "/api/discipline/units/cgj/record"), 403, "纪工委");
        assertThat(api.get("discipline", transfers).getStatusCode().value()).isEqualTo(200);
        assertThat(api.get("admin", transfers).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void otherOfficesSeeThatACaseWasDecidedButNoDisciplineDataThroughAnyDoor() {
        long id = report("STREET_VENDING");
        String instanceId = transfer(id, TransferTrigger.OVERDUE);
        ok(api.post("discipline", "/api/discipline/cases/" + id + "/decision", Map.of()));

        for (String office : List.of("dispatcher", "supervisor")) {
            JsonNode detail = ok(api.get(office, "/api/cases/" + id));
            assertThat(detail.get("history").findValuesAsText("action")).as("/api for %s", office)
                    .contains("TRANSFERRED_TO_DISCIPLINE").noneMatch(a -> a.startsWith("ACCOUNTABILITY_"));
            assertThat(detail.get("decisions").findValuesAsText("kind")).doesNotContain(Accountability.PROPOSAL);
            String page = ConsoleSession.signedIn(port, office).get("/console/cases/" + id).body();
            assertThat(page).as("console case page for %s", office).contains("移交纪工委")
                    .doesNotContain("纪工委决定", "问责建议", "ACCOUNTABILITY");
            TasklistSession tasklist = TasklistSession.signedIn(port, office);
            String variables = tasklist.get(TasklistSession.ENGINE_API + "/history/variable-instance?processInstanceId="
                    + instanceId).body();
            assertThat(variables).as("Tasklist's engine history for %s", office).isEqualTo("[]");
            assertThat(tasklist.get(TasklistSession.ENGINE_API + "/variable-instance?processInstanceIdIn="
                    + instanceId).body()).isEqualTo("[]");
            assertThat(tasklist.get(TasklistSession.ENGINE_API + "/history/process-instance?processDefinitionKey=discipline")
                    .body()).isEqualTo("[]");
        }

        JsonNode unit = ok(api.get("cgj-handler", "/api/cases/" + id));
        assertThat(unit.get("history").findValuesAsText("action")).as("the unit sees its decision once issued")
                .contains("ACCOUNTABILITY_DECIDED");
        assertThat(unit.get("decisions").findValuesAsText("kind")).doesNotContain(Accountability.PROPOSAL);
        assertThat(unit.get("history").findValues("grounds")).as("not the office's notes").isEmpty();
        assertProblem(api.get("jjdd-handler", "/api/cases/" + id), 403, "不属于您的单位");
        assertThat(TasklistSession.signedIn(port, "discipline").get(TasklistSession.ENGINE_API
                + "/history/variable-instance?processInstanceId=" + instanceId).body()).contains("caseNumber");
        assertThat(lastDecision(ok(api.get("discipline", "/api/cases/" + id)), Accountability.PROPOSAL)).isNotNull();
    }

    @Test
    void aTransferProposesAMeasureWhichTheOfficeConfirmsAndTheUnitAcknowledges() {
        JsonNode receipt = api.reportCase(api.patrolReport("STREET_VENDING", "GENERAL"));
        long id = receipt.get("id").asLong();
        ProcessInstance instance = instance(transfer(id, TransferTrigger.OVERDUE));

        assertThat(instance).isWaitingAt(DisciplineVariables.TASK_DECIDE).hasPassed("ServiceTask_Propose");
        assertThat(instance.getBusinessKey()).isEqualTo(receipt.get("caseNumber").asText() + "-JJ1");
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("discipline");
        assertThat(transfer(id, TransferTrigger.REWORKED)).as("one open discipline process per case")
                .isEqualTo(instance.getId());
        assertThat(actions(id)).containsOnlyOnce("TRANSFERRED_TO_DISCIPLINE");
        assertThat(transferCount(id)).isEqualTo(1);

        JsonNode proposal = lastDecision(api.caseDetail(id), Accountability.PROPOSAL);
        assertThat(proposal.get("firedRules")).isNotEmpty();
        assertThat(proposal.get("ruleSetVersion").asText()).hasSize(12);
        assertThat(proposal.get("explanation").asText()).startsWith("建议对").contains("本季度已被问责");

        JsonNode dossier = ok(api.get("discipline", "/api/discipline/cases/" + id + "/dossier"));
        assertThat(dossier.at("/caseDetail/caseNumber").asText()).isEqualTo(receipt.get("caseNumber").asText());
        assertThat(dossier.at("/caseDetail/history").findValuesAsText("action")).contains("TRANSFERRED_TO_DISCIPLINE");
        assertThat(dossier.at("/overdue/summary").asText()).contains("尚未到期");
        assertThat(dossier.get("supervisionOrders").isArray()).isTrue();
        assertThat(dossier.at("/unitRecord/unitCode").asText()).isEqualTo("cgj");
        JsonNode proposed = dossier.at("/transfers/0/proposal");
        assertThat(dossier.at("/transfers/0/openStep").asText()).isEqualTo(DisciplineVariables.TASK_DECIDE);
        assertThat(proposed.get("explanation").asText()).isEqualTo(proposal.get("explanation").asText());
        assertProblem(api.get("cgj-handler", "/api/discipline/cases/" + id + "/dossier"), 403, "纪工委");
        assertProblem(api.get("supervisor", "/api/discipline/cases/" + id + "/dossier"), 403, "纪工委");
        assertThat(api.get("admin", "/api/discipline/cases/" + id + "/dossier").getStatusCode().value()).isEqualTo(200);

        completeAs("discipline", List.of("discipline"), instance, Map.of());

        assertThat(instance).isWaitingAt(DisciplineVariables.TASK_NOTICE).hasPassed("ServiceTask_RecordDecision");
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("cgj");
        AccountabilityDecided decided = events.stream(AccountabilityDecided.class)
                .filter(e -> e.caseId() == id).findFirst().orElseThrow();
        assertThat(decided.measure()).isEqualTo(proposed.get("measureLabel").asText());
        assertThat(decided.target()).isEqualTo(proposed.get("targetName").asText());
        assertThat(decided.reasons()).as("the document states circumstances, never the officer's internal notes")
                .doesNotContain("采纳规则建议", "理由", "说明");
        assertThat(decided.appealWorkingDays()).isEqualTo(proposed.get("appealWorkingDays").asInt());
        assertThat(decided.decidedBy()).isEqualTo("discipline");
        Task notice = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(notice.getDueDate()).isEqualTo(runtimeService.getVariable(instance.getId(), "appealDeadline"));
        JsonNode decidedEvent = lastEvent(id, "ACCOUNTABILITY_DECIDED");
        assertThat(decidedEvent.get("actor").asText()).isEqualTo("discipline");
        assertThat(decidedEvent.get("summary").asText()).contains("申诉").doesNotContain("采纳规则建议");
        assertThat(decidedEvent.at("/details/grounds").asText()).as("the office's notes stay with the office")
                .contains("采纳规则建议");

        JsonNode decisionDocument = api.get("cgj-handler", "/api/cases/" + id + "/documents").getBody();
        assertThat(decisionDocument.findValuesAsText("type")).as("the unit receives the decision in writing")
                .contains("ACCOUNTABILITY_DECISION");

        JsonNode acknowledged = ok(api.post("cgj-handler", "/api/discipline/cases/" + id + "/acknowledgement", null));
        assertThat(acknowledged.get("status").asText()).isEqualTo("EFFECTIVE");
        assertThat(instance).isEnded().hasPassed("ServiceTask_TakeEffect", "EndEvent_Effective");
        assertThat(lastEvent(id, "ACCOUNTABILITY_EFFECTIVE").get("summary").asText()).contains("单位签收");
        JsonNode record = ok(api.get("cgj-handler", "/api/discipline/units/cgj/record"));
        assertThat(record.get("thisYear").findValuesAsText("recordId"))
                .contains(String.valueOf(decided.recordId()));
        assertProblem(api.get("jjdd-handler", "/api/discipline/units/cgj/record"), 403, "本单位");
    }

    @Test
    void overridingTheProposalNeedsAReasonAndARefusalChangesNothing() {
        long id = report("STREET_VENDING");
        ProcessInstance instance = instance(transfer(id, TransferTrigger.OVERDUE));
        JsonNode proposal = ok(api.get("discipline", "/api/discipline/cases/" + id + "/dossier")).at("/transfers/0/proposal");
        String other = "WRITTEN_SELF_CRITICISM".equals(proposal.get("measure").asText()) ? "PUBLIC_CRITICISM"
                : "WRITTEN_SELF_CRITICISM";
        String otherTarget = "WRITTEN_SELF_CRITICISM".equals(other) ? "RESPONSIBLE" : "UNIT";
        String path = "/api/discipline/cases/" + id + "/decision";

        assertProblem(api.post("discipline", path, Map.of("measure", other, "target", otherTarget)), 400, "必须填写理由");
        assertProblem(api.post("discipline", path, Map.of("measure", other, "target", otherTarget, "reason", "  ")), 400,
                "必须填写理由");
        assertProblem(api.post("discipline", path, Map.of("measure", "ADMONISHMENT_TALK", "target", "UNIT", "reason", "x")),
                400, "诫勉谈话是对个人的问责措施");
        assertProblem(api.post("discipline", path, Map.of("measure", "PUBLIC_CRITICISM", "target", "PRINCIPAL",
                "reason", "x")), 400, "问责对象请选择责任单位");
        assertProblem(api.post("discipline", path, Map.of("measure", "BANISHMENT", "reason", "x")), 400, "问责措施“BANISHMENT”无效");
        assertProblem(api.post("discipline", path, Map.of("target", "MAYOR", "reason", "x")), 400, "问责对象“MAYOR”无效");
        assertProblem(api.post("cgj-handler", path, Map.of()), 403, "只有纪工委");
        assertProblem(api.post("supervisor", path, Map.of()), 403, "只有纪工委");
        assertProblem(api.post("cgj-handler", "/api/discipline/cases/" + id + "/appeal", Map.of("reason", "不服")), 409,
                "审查并决定问责");
        assertThatThrownBy(() -> completeAs("discipline", List.of("discipline"), instance,
                Map.of("decisionMeasure", other, "decisionTarget", otherTarget))).hasMessageContaining("必须填写理由");
        assertThat(instance).isWaitingAt(DisciplineVariables.TASK_DECIDE);
        assertThat(recordCount(id)).as("refusals change nothing").isZero();
        assertThat(actions(id)).doesNotContain("ACCOUNTABILITY_DECIDED");

        JsonNode decided = ok(api.post("discipline", path, Map.of("measure", other, "target", otherTarget,
                "reason", "该单位已主动约谈摊主并提交整改方案，酌情调整")));

        assertThat(decided.get("status").asText()).isEqualTo("NOTIFIED");
        assertThat(decided.get("openStep").asText()).isEqualTo(DisciplineVariables.TASK_NOTICE);
        JsonNode record = decided.at("/records/0");
        assertThat(record.get("measure").asText()).isEqualTo(other);
        assertThat(record.get("target").asText()).isEqualTo(otherTarget);
        assertThat(record.get("followsProposal").asBoolean()).isFalse();
        assertThat(record.get("reason").asText()).isEqualTo("该单位已主动约谈摊主并提交整改方案，酌情调整");
        assertThat(record.get("previousMeasureLabel").asText()).isEqualTo(proposal.get("measureLabel").asText());
        assertThat(lastEvent(id, "ACCOUNTABILITY_DECIDED").at("/details/grounds").asText())
                .contains("未采纳规则建议", "酌情调整");
        assertProblem(api.post("discipline", path, Map.of()), 409, "接收问责决定");
    }

    @Test
    void theUnitAppealsOnceAndTheOfficeReviewsWithoutRewritingTheRecord() {
        JsonNode receipt = api.reportCase(api.patrolReport("STREET_VENDING", "GENERAL"));
        long id = receipt.get("id").asLong();
        ProcessInstance instance = instance(transfer(id, TransferTrigger.SUPERVISION_ORDER_EXPIRED));
        ok(api.post("discipline", "/api/discipline/cases/" + id + "/decision", Map.of("measure", "PUBLIC_CRITICISM",
                "target", "UNIT", "reason", "督办后仍未落实，予以通报")));
        String appeal = "/api/discipline/cases/" + id + "/appeal";

        assertProblem(api.post("cgj-handler", appeal, Map.of("reason", " ")), 400, "申诉理由");
        assertProblem(api.post("jjdd-handler", appeal, Map.of("reason", "不服")), 403, "不属于您的单位");
        assertProblem(api.post("discipline", appeal, Map.of("reason", "不服")), 403, "只有该单位人员");
        assertThat(instance).isWaitingAt(DisciplineVariables.TASK_NOTICE);

        JsonNode appealed = ok(api.post("cgj-handler", appeal, Map.of("reason", "督办单送达时已过整改时限，并非拖延不办")));
        assertThat(appealed.get("status").asText()).isEqualTo("APPEALED");
        assertThat(appealed.at("/appeal/filedBy").asText()).isEqualTo("cgj-handler");
        assertThat(instance).isWaitingAt(DisciplineVariables.TASK_REVIEW);
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("discipline");
        assertProblem(api.post("cgj-handler", appeal, Map.of("reason", "再次申诉")), 409, "复核申诉");

        String review = "/api/discipline/cases/" + id + "/appeal-review";
        assertProblem(api.post("discipline", review, Map.of("outcome", "CHANGE", "measure", "ADMONISHMENT_TALK",
                "reason", "加重")), 400, "不得加重");
        assertProblem(api.post("discipline", review, Map.of("outcome", "CHANGE", "measure", "WRITTEN_SELF_CRITICISM")),
                400, "复核理由");
        assertProblem(api.post("discipline", review, Map.of("outcome", "CHANGE", "measure", "PUBLIC_CRITICISM",
                "reason", "x")), 400, "维持原决定");
        assertProblem(api.post("discipline", review, Map.of("outcome", "MAYBE")), 400, "复核结论");
        assertProblem(api.post("cgj-handler", review, Map.of("outcome", "UPHOLD")), 403, "只有纪工委");
        assertThat(recordCount(id)).isEqualTo(1);

        // as Tasklist submits the review form (events are recorded on the test's thread)
        completeAs("discipline", List.of("discipline"), instance, Map.of("reviewOutcome", "CHANGE",
                "reviewMeasure", "WRITTEN_SELF_CRITICISM", "reviewTarget", "RESPONSIBLE",
                "reviewReason", "督办单送达时间属实，改为责令作出书面检查"));
        JsonNode reviewed = ok(api.get("cgj-handler", "/api/discipline/cases/" + id + "/transfers")).get(0);

        assertThat(instance).isEnded().hasPassed("ServiceTask_RecordReview", "ServiceTask_TakeEffect", "EndEvent_Effective");
        assertThat(reviewed.get("status").asText()).isEqualTo("EFFECTIVE");
        JsonNode first = reviewed.at("/records/0");
        JsonNode second = reviewed.at("/records/1");
        assertThat(first.get("measure").asText()).as("the first decision stays as it was").isEqualTo("PUBLIC_CRITICISM");
        assertThat(first.get("current").asBoolean()).isFalse();
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("basis").asText()).isEqualTo("APPEAL_CHANGED");
        assertThat(second.get("measure").asText()).isEqualTo("WRITTEN_SELF_CRITICISM");
        assertThat(second.get("current").asBoolean()).isTrue();
        assertThat(lastEvent(id, "ACCOUNTABILITY_REVIEWED").get("summary").asText()).contains("变更为", "书面检查");
        assertThat(events.stream(AccountabilityDecided.class).filter(e -> e.recordId() == second.get("id").asLong()))
                .singleElement().satisfies(e -> assertThat(e.appealWorkingDays()).isZero());
        JsonNode unitRecord = ok(api.get("discipline", "/api/discipline/units/cgj/record"));
        JsonNode entry = null;
        for (JsonNode e : unitRecord.get("thisYear")) {
            if (e.get("caseId").asLong() == id) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("measure").asText()).as("the record reads the standing version").isEqualTo("WRITTEN_SELF_CRITICISM");
        assertThat(entry.get("status").asText()).isEqualTo("EFFECTIVE");
        assertThatThrownBy(() -> jdbc.sql("update accountability_record set measure = 'PUBLIC_CRITICISM' where case_id = :id")
                .param("id", id).update()).hasMessageContaining("append-only");

        assertThat(transfer(id, TransferTrigger.OVERDUE)).as("a closed transfer leaves room for a new one")
                .isNotEqualTo(instance.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(
                receipt.get("caseNumber").asText() + "-JJ2").count()).isEqualTo(1);
    }

    @Test
    void theDecisionTakesEffectWhenTheAppealWindowPassesUnused() {
        long id = report("STREET_VENDING");
        ProcessInstance instance = instance(transfer(id, TransferTrigger.CLEARANCE_DATE_PASSED));
        JsonNode decided = ok(api.post("discipline", "/api/discipline/cases/" + id + "/decision", Map.of()));
        OffsetDateTime decidedAt = OffsetDateTime.parse(decided.at("/records/0/decidedAt").asText());
        int days = decided.at("/proposal/appealWorkingDays").asInt();

        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(calendar.due(decidedAt.toInstant(), days, TimeLimitUnit.WORKING_DAYS).at().toInstant());
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        try {
            managementService.executeJob(timer.getId());
        } finally {
            ClockUtil.reset();
        }

        assertThat(instance).isEnded().hasPassed(DisciplineVariables.TIMER_APPEAL_WINDOW, "ServiceTask_TakeEffect",
                "EndEvent_Effective").hasNotPassed(DisciplineVariables.TASK_REVIEW);
        assertThat(lastEvent(id, "ACCOUNTABILITY_EFFECTIVE").get("summary").asText()).contains("申诉期满");
        assertProblem(api.post("cgj-handler", "/api/discipline/cases/" + id + "/appeal", Map.of("reason", "迟到的申诉")),
                409, "没有进行中的问责程序");
        JsonNode transfers = ok(api.get("cgj-handler", "/api/discipline/cases/" + id + "/transfers"));
        assertThat(transfers.at("/0/status").asText()).isEqualTo("EFFECTIVE");
    }

    @Test
    void theUnitsRecordMakesASecondTransferInTheSameQuarterHeavier() {
        // 教育局 (jyj): no other test transfers its cases, so its record holds only what this test adds.
        long first = report("SCHOOL_SURROUNDINGS");
        transfer(first, TransferTrigger.OVERDUE);
        JsonNode firstProposal = ok(api.get("discipline", "/api/discipline/cases/" + first + "/dossier"));
        assertThat(firstProposal.at("/unitRecord/unitCode").asText()).isEqualTo("jyj");
        ok(api.post("discipline", "/api/discipline/cases/" + first + "/decision", Map.of()));

        long second = report("SCHOOL_SURROUNDINGS");
        transfer(second, TransferTrigger.OVERDUE);
        JsonNode secondDossier = ok(api.get("discipline", "/api/discipline/cases/" + second + "/dossier"));

        AccountabilityMeasure before = AccountabilityMeasure.valueOf(firstProposal.at("/transfers/0/proposal/measure").asText());
        AccountabilityMeasure after = AccountabilityMeasure.valueOf(secondDossier.at("/transfers/0/proposal/measure").asText());
        assertThat(after.isHeavierThan(before)).as("%s after %s", after, before).isTrue();
        assertThat(secondDossier.at("/unitRecord/quarterCount").asInt())
                .isEqualTo(firstProposal.at("/unitRecord/quarterCount").asInt() + 1);
        JsonNode decision = lastDecision(api.caseDetail(second), Accountability.PROPOSAL);
        assertThat(decision.at("/inputs/本季度已被问责").asText()).isEqualTo(secondDossier.at("/unitRecord/quarterCount").asInt() + "次");
        assertThat(decision.get("firedRules").toString()).contains("加重 - 本季度内");
        assertThat(after.fits(org.rectify.rules.AccountabilityTarget.valueOf(
                secondDossier.at("/transfers/0/proposal/target").asText()))).as("the measure fits whom it targets").isTrue();
    }

    @Test
    void aCaseWithoutAResponsibleUnitCannotBeTransferred() {
        long id = api.reportCase(api.report("FLYERS", "GENERAL", "CITIZEN", null)).get("id").asLong();

        assertThatThrownBy(() -> transfer(id, TransferTrigger.OVERDUE)).isInstanceOf(DomainException.class)
                .hasMessageContaining("尚未派遣");
        assertThat(transferCount(id)).isZero();
    }

    private long report(String category) {
        return api.reportCase(api.patrolReport(category, "GENERAL")).get("id").asLong();
    }

    private String transfer(long caseId, TransferTrigger trigger) {
        return transactions.execute(status -> discipline.transfer(caseId, trigger, "超过整改时限仍未整改（测试）"));
    }

    private ProcessInstance instance(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    }

    private void completeAs(String user, List<String> groups, ProcessInstance instance, Map<String, Object> variables) {
        new EngineTasks(taskService, identityService).completeAs(user, groups, instance.getId(), variables);
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private List<String> actions(long caseId) {
        return api.caseDetail(caseId).get("history").findValuesAsText("action");
    }

    private JsonNode lastEvent(long caseId, String action) {
        JsonNode found = null;
        for (JsonNode event : api.caseDetail(caseId).get("history")) {
            if (event.get("action").asText().equals(action)) {
                found = event;
            }
        }
        assertThat(found).as("history event %s", action).isNotNull();
        return found;
    }

    private static JsonNode lastDecision(JsonNode detail, String kind) {
        JsonNode found = null;
        for (JsonNode decision : detail.get("decisions")) {
            if (decision.get("kind").asText().equals(kind)) {
                found = decision;
            }
        }
        assertThat(found).as("decision %s", kind).isNotNull();
        return found;
    }

    private long transferCount(long caseId) {
        return jdbc.sql("select count(*) from discipline_transfer where case_id = :id").param("id", caseId)
                .query(Long.class).single();
    }

    private long recordCount(long caseId) {
        return jdbc.sql("select count(*) from accountability_record where case_id = :id").param("id", caseId)
                .query(Long.class).single();
    }
}
