package org.rectify.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rectify.support.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ladder on the engine's clock, across the 2026 Mid-Autumn and National Day holidays and the make-up
 * working day of Sunday 20 September. Dates were counted by hand on the State Council's 2026 notice.
 */
@RectifyIntegrationTest
class EscalationLadderIntegrationTests {

    // Friday 18 September 2026, 10:00; NOISE/SERIOUS has 3 working days: Sun 20 (make-up), Mon 21, Tue 22
    static final String REPORTED = "2026-09-18T10:00:00+08:00";
    static final String DEADLINE = "2026-09-22T18:00:00+08:00";
    // 80 % of 30.5 office hours = 24 h 24 min: Fri 6.5 h, Sun 8 h, Mon 8 h, Tue 08:30 + 1 h 54 min
    static final String WARNING = "2026-09-22T10:24:00+08:00";
    // 3 working days overdue: Wed 23, Thu 24, (25–27 Mid-Autumn off) Mon 28
    static final String SUPERVISION = "2026-09-28T18:00:00+08:00";
    // the order's own 3 working days: Tue 29, Wed 30, (1–7 October off) Thu 8 — before 7 days overdue (Fri 9)
    static final String TRANSFER = "2026-10-08T18:00:00+08:00";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EscalationLadder ladder;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    Api api;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        api = new Api(rest);
        clock(REPORTED);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachStepFiresOnceOnTheRightWorkingDay() {
        long id = acceptedCase("NOISE", "SERIOUS");
        ProcessInstance instance = instance(id);

        assertThat(timerDueDates(instance)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BoundaryEvent_Warning", instant(WARNING),
                "BoundaryEvent_Due", instant(DEADLINE),
                "BoundaryEvent_Supervise", instant(SUPERVISION),
                "BoundaryEvent_Transfer", instant(TRANSFER)));

        clock("2026-09-22T10:23:00+08:00");
        runDueJobs(instance);
        assertThat(steps(id)).isEmpty();

        clock("2026-09-22T10:25:00+08:00");
        runDueJobs(instance);
        assertThat(steps(id)).containsExactly("ESCALATION_WARNING");

        clock("2026-09-22T18:01:00+08:00");
        runDueJobs(instance);
        assertThat(steps(id)).containsExactly("ESCALATION_WARNING", "ESCALATION_URGING");
        assertThat(api.caseDetail(id).get("overdue").asBoolean()).isTrue();

        clock("2026-09-25T09:00:00+08:00"); // a holiday: three working days are not yet over
        runDueJobs(instance);
        assertThat(steps(id)).hasSize(2);

        clock("2026-09-28T18:01:00+08:00");
        runDueJobs(instance);
        assertThat(steps(id)).endsWith("ESCALATION_SUPERVISION");

        clock("2026-10-08T17:59:00+08:00");
        runDueJobs(instance);
        assertThat(steps(id)).doesNotContain("ESCALATION_TRANSFER");

        clock("2026-10-08T18:01:00+08:00");
        runDueJobs(instance);
        assertThat(steps(id)).containsExactly("ESCALATION_WARNING", "ESCALATION_URGING", "ESCALATION_SUPERVISION",
                "ESCALATION_TRANSFER");
        JsonNode transfer = lastEvent(id, "ESCALATION_TRANSFER");
        assertThat(transfer.at("/details/trigger").asText()).isEqualTo("SUPERVISION_ORDER_EXPIRED");
        assertThat(instance).isWaitingAt("UserTask_Fix");
        assertThat(disciplineProcesses(id)).as("the discipline office has the case").isEqualTo(1);
        JsonNode documents = api.get("admin", "/api/cases/" + id + "/documents").getBody();
        assertThat(documents.findValuesAsText("type"))
                .containsExactly("RECTIFICATION_NOTICE", "URGING_NOTICE", "SUPERVISION_ORDER");
        assertThat(documents.findValuesAsText("number").get(2)).matches("督办〔2026〕\\d+号");

        clock("2026-12-31T12:00:00+08:00");
        runDueJobs(instance);
        assertThat(steps(id)).as("nothing fires twice").hasSize(4);
    }

    @Test
    void stepsThatFallDueTogetherAreTakenInLadderOrder() {
        long id = acceptedCase("NOISE", "SERIOUS");

        clock("2026-11-30T09:00:00+08:00"); // the engine was down for weeks: every timer is due at once
        runDueJobs(instance(id));

        assertThat(steps(id)).as("a warning after the deadline is recorded as skipped; the order is issued now and "
                + "the transfer waits for its deadline").containsExactly("ESCALATION_SKIPPED", "ESCALATION_URGING",
                "ESCALATION_SUPERVISION");
        clock("2026-12-03T18:01:00+08:00"); // the order's 3 working days: Tue 1, Wed 2, Thu 3 December
        runDueJobs(instance(id));
        assertThat(steps(id)).endsWith("ESCALATION_TRANSFER");
    }

    /**
     * The catch-up test: the engine's clock jumps ten working days past the deadline (the server was down) and the
     * timers run. Every document issued then counts from the moment it is issued: its overdue count is ten working
     * days, the order's deadline is after its issue, and the warning that lost its purpose is recorded as skipped
     * with the moment it was due, not back-dated.
     */
    @Test
    void afterTenWorkingDaysDownEveryDocumentCountsFromTheMomentItIsIssued() {
        long id = acceptedCase("NOISE", "SERIOUS");
        // ten working days after Tue 22 September: 23, 24, (25–27 off) 28, 29, 30, (1–7 October off) 8, 9,
        // Sat 10 (make-up working day), 12, 13
        clock("2026-10-13T10:00:00+08:00");
        runDueJobs(instance(id));

        JsonNode skipped = lastEvent(id, "ESCALATION_SKIPPED");
        assertThat(skipped.at("/details/step").asText()).isEqualTo("WARNING");
        assertThat(OffsetDateTime.parse(skipped.at("/details/dueAt").asText())).isEqualTo(OffsetDateTime.parse(WARNING));
        assertThat(OffsetDateTime.parse(skipped.get("occurredAt").asText()))
                .as("recorded when it was found due, not back-dated").isEqualTo(OffsetDateTime.parse("2026-10-13T10:00:00+08:00"));
        assertThat(lastEvent(id, "ESCALATION_SUPERVISION").get("summary").asText())
                .contains("应于2026年9月28日18时执行", "实际执行于2026年10月13日10时");

        List<Map<String, Object>> documents = jdbc.sql("""
                select type, issued_at, html from document where case_id = :id and type <> 'RECTIFICATION_NOTICE'
                order by id""").param("id", id).query().listOfRows();
        assertThat(documents).extracting(d -> d.get("type")).containsExactly("URGING_NOTICE", "SUPERVISION_ORDER");
        for (Map<String, Object> document : documents) {
            String html = (String) document.get("html");
            assertThat(html).as("%s counts the working days up to its issue", document.get("type"))
                    .contains("已超过整改期限10个工作日").doesNotContain("已到整改期限");
            OffsetDateTime issued = ((java.sql.Timestamp) document.get("issued_at")).toInstant().atOffset(
                    java.time.ZoneOffset.ofHours(8));
            for (OffsetDateTime ordered : orderedDeadlines(html)) {
                assertThat(ordered).as("a deadline the %s gives", document.get("type")).isAfter(issued);
                assertThat(ordered.toLocalDate()).as("never only the day of issue").isAfter(issued.toLocalDate());
            }
        }
        assertThat(orderedDeadlines((String) documents.get(1).get("html")))
                .containsExactly(OffsetDateTime.parse("2026-10-16T18:00:00+08:00")); // 14, 15, 16 October

        clock("2026-10-16T17:59:00+08:00");
        runDueJobs(instance(id));
        assertThat(steps(id)).as("no transfer before the order's own deadline").doesNotContain("ESCALATION_TRANSFER");
        clock("2026-10-16T18:01:00+08:00");
        runDueJobs(instance(id));
        assertThat(steps(id)).containsExactly("ESCALATION_SKIPPED", "ESCALATION_URGING", "ESCALATION_SUPERVISION",
                "ESCALATION_TRANSFER");
        assertThat(disciplineProcesses(id)).isEqualTo(1);
        assertThat(jdbc.sql("select stage from case_ladder_stage where case_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("TRANSFERRED");
    }

    /** The deadlines a document orders (in bold: 于…前), as moments. */
    private static List<OffsetDateTime> orderedDeadlines(String html) {
        var matcher = java.util.regex.Pattern.compile("<strong>(\\d{4})年(\\d+)月(\\d+)日(\\d+)时(?:(\\d+)分)?前</strong>")
                .matcher(html);
        List<OffsetDateTime> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(OffsetDateTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)),
                    matcher.group(5) == null ? 0 : Integer.parseInt(matcher.group(5)), 0, 0,
                    java.time.ZoneOffset.ofHours(8)));
        }
        return found;
    }

    @Test
    void submittingTheFixStopsTheLadderAtOnce() {
        long id = acceptedCase("NOISE", "SERIOUS");
        ProcessInstance instance = instance(id);
        clock("2026-09-22T10:25:00+08:00");
        runDueJobs(instance);

        act("sthjj-handler", id, "rectification", rectification());

        assertThat(timerDueDates(instance)).isEmpty();
        clock("2026-12-31T12:00:00+08:00");
        runDueJobs(instance);
        assertThat(steps(id)).containsExactly("ESCALATION_WARNING");
    }

    @Test
    void closingTheCaseBeforeTheWarningMeansNoStepAtAll() {
        long id = acceptedCase("NOISE", "SERIOUS");
        act("sthjj-handler", id, "rectification", rectification());
        act("supervisor", id, "verification", Map.of("outcome", "PASS"));

        clock("2026-12-31T12:00:00+08:00");
        runDueJobs(pi(id));
        assertThat(steps(id)).isEmpty();
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void aStepIsTakenOnceEvenWhenItsJobRunsAgain() {
        long id = acceptedCase("NOISE", "SERIOUS");
        ProcessInstance instance = instance(id);
        clock("2026-09-22T10:25:00+08:00");
        Job warning = managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId("BoundaryEvent_Warning").singleResult();

        managementService.executeJob(warning.getId());
        // A retry after a failure elsewhere, or a second node, runs the step's logic again for the same round.
        boolean takenAgain = transactions.execute(status -> ladder.take(id, EscalationStepTaken.Step.WARNING, Map.of(), "again",
                        OffsetDateTime.parse("2026-09-22T10:26:00+08:00")));

        assertThat(takenAgain).isFalse();
        assertThat(steps(id)).containsExactly("ESCALATION_WARNING");
        assertThat(jdbc.sql("select count(*) from escalation_step where case_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void threeFailedVerificationsTransferTheCase() {
        long id = acceptedCase("STREET_VENDING", "GENERAL");
        for (int round = 1; round <= 3; round++) {
            act("cgj-handler", id, "rectification", rectification());
            act("supervisor", id, "verification", Map.of("outcome", "FAIL", "comment", "第" + round + "次核查未通过"));
            assertThat(steps(id).contains("ESCALATION_TRANSFER")).as("after rework %d", round).isEqualTo(round == 3);
        }
        assertThat(lastEvent(id, "ESCALATION_TRANSFER").at("/details/trigger").asText()).isEqualTo("REWORKED");
        assertThat(disciplineProcesses(id)).isEqualTo(1);
        assertThat(instance(id)).isWaitingAt("UserTask_Fix").hasPassed("ServiceTask_TransferReworked");
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndTheTimers() {
        long id = acceptedCase("NOISE", "SERIOUS");
        ProcessInstance instance = instance(id);

        // at most as long again as the original 3 working days: Wed 23, Thu 24, (Mid-Autumn) Mon 28
        assertProblem(api.post("sthjj-handler", "/api/cases/" + id + "/extension-request",
                Map.of("until", "2026-09-29", "reason", "需采购隔音设备")), 400, "最晚可延至2026年9月28日18时");
        act("sthjj-handler", id, "extension-request", Map.of("until", "2026-09-25", "reason", "需采购隔音设备"));
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("AWAITING_EXTENSION_DECISION");
        assertThat(timerDueDates(instance)).as("the clock keeps running while the request waits").hasSize(4);

        assertProblem(api.post("supervisor", "/api/cases/" + id + "/extension-decision",
                Map.of("decision", "APPROVE", "until", "2026-09-21")), 400, "晚于现有时限");
        JsonNode extended = act("supervisor", id, "extension-decision",
                Map.of("decision", "APPROVE", "until", "2026-09-28", "comment", "同意，延至原时限的上限"));

        assertThat(OffsetDateTime.parse(extended.get("deadline").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-09-28T18:00:00+08:00"));
        assertThat(extended.get("status").asText()).isEqualTo("IN_RECTIFICATION");
        assertThat(instance).isWaitingAt("UserTask_Fix").hasPassed("ServiceTask_ApplyExtension");
        assertThat(timerDueDates(instance).get("BoundaryEvent_Due")).isEqualTo(instant("2026-09-28T18:00:00+08:00"));
        assertProblem(api.post("sthjj-handler", "/api/cases/" + id + "/extension-request",
                Map.of("until", "2026-10-09", "reason", "再次申请")), 409, "最多可延期 1 次");
    }

    @Test
    void aRefusedExtensionLeavesTheDeadline() {
        long id = acceptedCase("NOISE", "SERIOUS");
        act("sthjj-handler", id, "extension-request", Map.of("until", "2026-09-24", "reason", "人手不足"));

        assertProblem(api.post("supervisor", "/api/cases/" + id + "/extension-decision", Map.of("decision", "REFUSE")),
                400, "意见");
        JsonNode refused = act("supervisor", id, "extension-decision", Map.of("decision", "REFUSE", "comment", "理由不充分"));

        assertThat(OffsetDateTime.parse(refused.get("deadline").asText())).isEqualTo(OffsetDateTime.parse(DEADLINE));
        assertThat(refused.get("status").asText()).isEqualTo("IN_RECTIFICATION");
        assertThat(timerDueDates(instance(id)).get("BoundaryEvent_Due")).isEqualTo(instant(DEADLINE));
    }

    @Test
    void aSuspensionStopsTheClockAndResumingGivesBackTheTimeLeft() {
        long id = acceptedCase("NOISE", "SERIOUS");
        ProcessInstance instance = instance(id);
        clock("2026-09-21T09:30:00+08:00"); // Monday: 09:30–12:00 and 13:30–18:00 (7 h) and Tue (8 h) are left
        act("sthjj-handler", id, "suspension-request", Map.of("reason", "需区财政立项拨款"));
        JsonNode suspended = act("supervisor", id, "suspension-decision", Map.of("decision", "APPROVE"));

        assertThat(suspended.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(instance).isWaitingAt("UserTask_Suspended");
        clock("2026-11-02T09:00:00+08:00");
        runDueJobs(instance);
        assertThat(steps(id)).as("no escalation while suspended").isEmpty();
        assertThat(api.caseDetail(id).get("overdue").asBoolean()).isFalse();
        assertThat(api.caseDetail(id).get("history").findValuesAsText("action")).contains("SUSPENSION_REVIEW_DUE");

        JsonNode resumed = act("supervisor", id, "resume", Map.of("comment", "资金已到位"));

        // Mon 2 Nov 09:00 + 15 office hours: Mon 09:00–12:00 and 13:30–18:00 (7.5 h), Tue 08:30–12:00 (3.5 h),
        // then 13:30 + 4 h
        assertThat(OffsetDateTime.parse(resumed.get("deadline").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-11-03T17:30:00+08:00"));
        assertThat(instance).isWaitingAt("UserTask_Fix");
        assertThat(timerDueDates(instance).get("BoundaryEvent_Due")).isEqualTo(instant("2026-11-03T17:30:00+08:00"));
    }

    @Test
    void aSupervisorVoidsACaseFiledInError() {
        long id = acceptedCase("NOISE", "GENERAL");
        ProcessInstance instance = instance(id);

        assertProblem(api.post("sthjj-handler", "/api/cases/" + id + "/void", Map.of("reason", "误报")), 403, "督查组");
        assertProblem(api.post("supervisor", "/api/cases/" + id + "/void", Map.of("reason", " ")), 400, "理由");
        JsonNode voided = act("supervisor", id, "void", Map.of("reason", "重复录入"));

        assertThat(voided.get("status").asText()).isEqualTo("VOIDED");
        assertThat(instance).isEnded().hasPassed("EndEvent_Voided");
        assertThat(lastEvent(id, "VOIDED").get("actor").asText()).isEqualTo("supervisor");
        assertProblem(api.post("supervisor", "/api/cases/" + id + "/void", Map.of("reason", "再次作废")), 409, "已作废");
    }

    private long acceptedCase(String category, String severity) {
        var report = api.patrolReport(category, severity);
        long id = api.reportCase(report).get("id").asLong();
        String unit = api.caseDetail(id).at("/leadUnit/code").asText();
        act(unit + "-handler", id, "accept", null);
        return id;
    }

    private ProcessInstance instance(long id) {
        String pi = api.caseDetail(id).get("processInstanceId").asText();
        return runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult();
    }

    private String pi(long id) {
        return api.caseDetail(id).get("processInstanceId").asText();
    }

    private Map<String, Date> timerDueDates(ProcessInstance instance) {
        return timerDueDates(instance.getId());
    }

    private Map<String, Date> timerDueDates(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
                .collect(Collectors.toMap(job -> managementService.createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId(), Job::getDuedate));
    }

    private void runDueJobs(ProcessInstance instance) {
        runDueJobs(instance.getId());
    }

    private void runDueJobs(String processInstanceId) {
        org.rectify.support.EngineJobs.runDue(managementService, processInstanceId);
    }

    private long disciplineProcesses(long id) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("discipline")
                .processInstanceBusinessKey(api.caseDetail(id).get("caseNumber").asText() + "-JJ1").count();
    }

    private List<String> steps(long id) {
        return api.caseDetail(id).get("history").findValuesAsText("action").stream()
                .filter(action -> action.startsWith("ESCALATION_")).toList();
    }

    private JsonNode lastEvent(long id, String action) {
        JsonNode found = null;
        for (JsonNode event : api.caseDetail(id).get("history")) {
            if (event.get("action").asText().equals(action)) {
                found = event;
            }
        }
        return found;
    }

    private JsonNode act(String user, long id, String action, Object body) {
        var response = api.post(user, "/api/cases/" + id + "/" + action, body);
        assertThat(response.getStatusCode().value()).as("%s %s: %s", user, action, response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private static Map<String, Object> rectification() {
        return Map.of("note", "已整改", "photos", List.of(Map.of("fileName", "after.png",
                "contentBase64", java.util.Base64.getEncoder().encodeToString(TestImages.png(Color.GREEN)))));
    }

    private static void clock(String at) {
        ClockUtil.setCurrentTime(instant(at));
    }

    private static Date instant(String at) {
        return Date.from(OffsetDateTime.parse(at).toInstant());
    }
}
