package org.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.support.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The lifecycle of one problem driven through the HTTP API, as a client program or the console would. */
@RectifyIntegrationTest
class LifecycleIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    HistoryService historyService;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void happyPathFromReportToClosure() {
        long id = report("STREET_VENDING");

        assertThat(act("cgj-handler", id, "accept", null).get("status").asText()).isEqualTo("IN_RECTIFICATION");
        JsonNode fixed = act("cgj-handler", id, "rectification", rectification("已清理占道水果摊，恢复通行"));
        assertThat(fixed.get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
        JsonNode closed = act("supervisor", id, "verification", Map.of("outcome", "PASS", "comment", "现场已恢复"));

        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("closedAt").asText()).isNotBlank();
        assertThat(actions(closed)).containsExactly("REPORTED", "ASSIGNED", "DOCUMENT_ISSUED", "ACCEPTED", "RECTIFIED",
                "VERIFIED", "CLOSED");
        assertThat(closed.get("photos").findValuesAsText("stage")).containsExactly("BEFORE", "AFTER");
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(closed.get("processInstanceId").asText()).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_Closed");
        JsonNode accepted = closed.get("history").get(3);
        assertThat(accepted.get("actor").asText()).isEqualTo("cgj-handler");
    }

    @Test
    void aReturnedCaseIsReassignedOnTheRulesSuggestionOrWithAReason() {
        long id = report("STREET_VENDING");

        ResponseEntity<JsonNode> noReason = api.post("cgj-handler", "/api/cases/" + id + "/return", Map.of("reason", " "));
        assertProblem(noReason, 400, "退回理由");
        JsonNode returned = act("cgj-handler", id, "return", Map.of("reason", "该摊位位于小区内部，属物业管理范围"));
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");

        ResponseEntity<JsonNode> overrideWithoutReason = api.post("dispatcher", "/api/cases/" + id + "/reassign",
                Map.of("unit", "zjj"));
        assertProblem(overrideWithoutReason, 400, "改派理由");
        assertProblem(api.post("dispatcher", "/api/cases/" + id + "/reassign", Map.of("unit", "nobody")), 400, "不存在");
        assertThat(api.caseDetail(id).get("status").asText()).as("refusals change nothing").isEqualTo("RETURNED");

        JsonNode reassigned = act("dispatcher", id, "reassign", Map.of());
        assertThat(reassigned.at("/leadUnit/code").asText()).as("the rules suggest the street once the department returned it")
                .isEqualTo("cxjd");
        assertThat(reassigned.get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
        assertThat(api.post("cgj-handler", "/api/cases/" + id + "/accept", null).getStatusCode().value())
                .as("the unit that returned it can no longer act").isEqualTo(403);

        JsonNode returnedAgain = act("cxjd-handler", id, "return", Map.of("reason", "需住建部门协调物业"));
        assertThat(returnedAgain.get("status").asText()).isEqualTo("RETURNED");
        JsonNode overridden = act("dispatcher", id, "reassign", Map.of("unit", "zjj", "reason", "小区物业归住建局监管"));
        assertThat(overridden.at("/leadUnit/code").asText()).isEqualTo("zjj");
        assertThat(last(overridden, "ASSIGNED").get("summary").asText()).contains("理由：小区物业归住建局监管");
        assertThat(act("zjj-handler", id, "accept", null).get("status").asText()).isEqualTo("IN_RECTIFICATION");
    }

    @Test
    void failedVerificationsSendTheCaseBackWithShorterDeadlines() {
        long id = report("STREET_VENDING");
        act("cgj-handler", id, "accept", null);
        act("cgj-handler", id, "rectification", rectification("已劝离"));
        OffsetDateTime firstDeadline = OffsetDateTime.parse(api.caseDetail(id).get("deadline").asText());

        assertProblem(api.post("supervisor", "/api/cases/" + id + "/verification", Map.of("outcome", "FAIL")), 400,
                "意见");
        JsonNode firstRework = act("supervisor", id, "verification", Map.of("outcome", "FAIL", "comment", "摊位仍在"));
        assertThat(firstRework.get("status").asText()).isEqualTo("IN_RECTIFICATION");
        assertThat(firstRework.get("reworkCount").asInt()).isEqualTo(1);
        JsonNode firstReworkLimit = lastDecision(firstRework, "REWORK_TIME_LIMIT");
        assertThat(firstReworkLimit.at("/outcome/amount").asInt()).as("half of 3 working days, rounded up").isEqualTo(2);

        act("cgj-handler", id, "rectification", rectification("再次清理"));
        JsonNode secondRework = act("supervisor", id, "verification", Map.of("outcome", "FAIL", "comment", "仍有杂物"));
        assertThat(secondRework.get("reworkCount").asInt()).isEqualTo(2);
        assertThat(lastDecision(secondRework, "REWORK_TIME_LIMIT").at("/outcome/amount").asInt()).isEqualTo(1);
        assertThat(lastDecision(secondRework, "REWORK_TIME_LIMIT").get("firedRules").toString())
                .contains("返工 - 再次返工限1个工作日");
        assertThat(OffsetDateTime.parse(secondRework.get("deadline").asText())).isBeforeOrEqualTo(firstDeadline);

        act("cgj-handler", id, "rectification", rectification("彻底清理并设置隔离桩"));
        JsonNode closed = act("supervisor", id, "verification", Map.of("outcome", "PASS"));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("photos").findValuesAsText("stage")).containsExactly("BEFORE", "AFTER", "AFTER", "AFTER");
    }

    @Test
    void anActionThatDoesNotFitTheCurrentStepIsAConflict() {
        long id = report("FLYERS");

        assertProblem(api.post("supervisor", "/api/cases/" + id + "/verification", Map.of("outcome", "PASS")), 409,
                "签收");
        assertProblem(api.post("cxjd-handler", "/api/cases/" + id + "/rectification", rectification("x")), 409, "签收");
        act("cxjd-handler", id, "accept", null);
        assertProblem(api.post("cxjd-handler", "/api/cases/" + id + "/accept", null), 409, "限期整改");
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("IN_RECTIFICATION");
    }

    @Test
    void eachUnitSeesAndActsOnlyOnItsOwnCases() {
        long vending = report("STREET_VENDING");
        long parking = report("ILLEGAL_PARKING");

        assertProblem(api.get("jjdd-handler", "/api/cases/" + vending), 403, "不属于您的单位");
        assertProblem(api.post("jjdd-handler", "/api/cases/" + vending + "/accept", null), 403, "不属于您的单位");
        assertProblem(api.post("patrol", "/api/cases/" + vending + "/accept", null), 403, "无权");
        assertThat(api.get("jjdd-handler", "/api/cases/" + parking).getStatusCode().value()).isEqualTo(200);
        JsonNode list = api.get("jjdd-handler", "/api/cases?size=200").getBody();
        List<Long> listed = new ArrayList<>();
        list.get("items").forEach(item -> listed.add(item.get("id").asLong()));
        assertThat(listed).contains(parking).doesNotContain(vending);
        list.get("items").forEach(item -> assertThat(item.at("/leadUnit/code").asText()).isEqualTo("jjdd"));
        assertThat(api.get("supervisor", "/api/cases?size=200").getBody().get("total").asLong())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void camundasOwnRestApiAnswersOnlySignedInAdministratorsAndIntegrationAccounts() {
        // Other test classes start further application contexts in this JVM, and Camunda's REST API finds its engine
        // in a JVM-wide registry by the name "default": make sure it is this context's engine.
        org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(processEngine);
        long vending = report("STREET_VENDING");
        String number = api.caseDetail(vending).get("caseNumber").asText();

        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(401);
        // Units work in Tasklist (the webapp's own engine API), the console and /api: /engine-rest is not theirs.
        ResponseEntity<String> handler = rest.withBasicAuth("cgj-handler", "demo").getForEntity("/engine-rest/task", String.class);
        assertThat(handler.getStatusCode().value()).isEqualTo(403);
        assertThat(handler.getBody()).contains("仅供系统管理员和集成账号使用");
        assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/engine-rest/task", String.class).getBody())
                .contains(number);
    }

    @Test
    void aSupervisorFromTheFixingUnitMayNotVerify() {
        long id = report("STREET_VENDING");
        act("cgj-handler", id, "accept", null);
        act("cgj-handler", id, "rectification", rectification("已整改"));

        assertProblem(api.post("cgj-handler", "/api/cases/" + id + "/verification", Map.of("outcome", "PASS")), 403,
                "核查人不能是整改单位");
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
    }

    @Test
    void theDispatcherFilesOrRejectsPublicReports() {
        JsonNode citizen = api.reportCase(api.report("FLYERS", "GENERAL", "CITIZEN", null));
        long filedId = citizen.get("id").asLong();
        JsonNode filed = act("dispatcher", filedId, "check", Map.of("decision", "FILE",
                "correctedCategory", "STAIRWELL_CLUTTER", "correctedGrid", "qysq-02"));
        assertThat(filed.at("/category/code").asText()).isEqualTo("STAIRWELL_CLUTTER");
        assertThat(filed.at("/leadUnit/code").asText()).as("territorial category led by the grid's street").isEqualTo("ygjd");
        assertThat(filed.get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");

        long rejectedId = api.reportCase(api.report("NOISE", "GENERAL", "HOTLINE", null)).get("id").asLong();
        assertProblem(api.post("dispatcher", "/api/cases/" + rejectedId + "/check",
                Map.of("decision", "REJECT", "rejectionReason", "DUPLICATE")), 400, "案件编号");
        assertProblem(api.post("dispatcher", "/api/cases/" + rejectedId + "/check",
                Map.of("decision", "REJECT", "rejectionReason", "BORING")), 400, "理由");
        JsonNode rejected = act("dispatcher", rejectedId, "check", Map.of("decision", "REJECT",
                "rejectionReason", "DUPLICATE", "duplicateOf", citizen.get("caseNumber").asText()));
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.at("/rejection/reasonLabel").asText()).isEqualTo("与已有案件重复");
        assertThat(rejected.at("/rejection/duplicateOf").asText()).isEqualTo(citizen.get("caseNumber").asText());
        JsonNode asReporter = api.get("hotline", "/api/cases/" + rejectedId).getBody();
        assertThat(asReporter.get("statusLabel").asText()).as("the reporter sees what became of the report")
                .isEqualTo("不予立案");
        assertThat(asReporter.get("history").findValuesAsText("action")).containsExactly("REPORTED", "REJECTED");
        assertThat(asReporter.get("decisions")).as("rule internals are for the offices and units").isEmpty();
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(rejected.get("processInstanceId").asText()).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_Rejected");
    }

    private long report(String category) {
        var report = api.patrolReport(category, "GENERAL");
        report.putArray("photos").add(Api.photo("before.jpg", TestImages.jpeg(Color.ORANGE)));
        return api.reportCase(report).get("id").asLong();
    }

    private JsonNode act(String user, long id, String action, Object body) {
        ResponseEntity<JsonNode> response = api.post(user, "/api/cases/" + id + "/" + action, body);
        assertThat(response.getStatusCode().value()).as("%s %s: %s", user, action, response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private static Map<String, Object> rectification(String note) {
        return Map.of("note", note, "photos", List.of(Map.of("fileName", "after.png",
                "contentBase64", java.util.Base64.getEncoder().encodeToString(TestImages.png(Color.GREEN)))));
    }

    private static List<String> actions(JsonNode detail) {
        return detail.get("history").findValuesAsText("action");
    }

    private static JsonNode last(JsonNode detail, String action) {
        JsonNode found = null;
        for (JsonNode event : detail.get("history")) {
            if (event.get("action").asText().equals(action)) {
                found = event;
            }
        }
        return found;
    }

    private static JsonNode lastDecision(JsonNode detail, String kind) {
        JsonNode found = null;
        for (JsonNode decision : detail.get("decisions")) {
            if (decision.get("kind").asText().equals(kind)) {
                found = decision;
            }
        }
        return found;
    }
}
