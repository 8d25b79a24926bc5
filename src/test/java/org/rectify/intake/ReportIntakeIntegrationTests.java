package org.rectify.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.support.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@RectifyIntegrationTest
class ReportIntakeIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void aPatrolReportBecomesAnAssignedCaseWithItsProcessAndExplainedDecisions() {
        ObjectNode report = api.patrolReport("STREET_VENDING", "GENERAL");
        report.putArray("photos").add(Api.photo("现场.jpg", TestImages.jpeg(Color.RED)));

        ResponseEntity<JsonNode> response = api.post("patrol", "/api/reports", report);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode receipt = response.getBody();
        assertThat(receipt.get("caseNumber").asText()).matches("ZG-\\d{4}-\\d{6}");
        assertThat(receipt.get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
        assertThat(receipt.at("/leadUnit/code").asText()).isEqualTo("cgj");
        assertThat(receipt.at("/coUnits/0/code").asText()).isEqualTo("cxjd");
        assertThat(receipt.get("deadline").asText()).isNotBlank();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/cases/" + receipt.get("id").asLong());

        JsonNode detail = api.caseDetail(receipt.get("id").asLong());
        assertThat(detail.get("processInstanceId").asText()).isEqualTo(receipt.get("processInstanceId").asText());
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(receipt.get("caseNumber").asText()).count()).isEqualTo(1);
        assertThat(detail.at("/photos/0/stage").asText()).isEqualTo("BEFORE");
        assertThat(detail.at("/photos/0/sha256").asText()).hasSize(64);
        assertThat(detail.at("/history/0/action").asText()).isEqualTo("REPORTED");
        JsonNode timeLimit = decision(detail, "TIME_LIMIT");
        assertThat(timeLimit.get("explanation").asText())
                .startsWith("时限3个工作日：类别=占道经营，严重程度=一般，来源=日常巡查");
        assertThat(timeLimit.get("firedRules").toString()).contains("时限 - 占道经营、店外经营、摆摊设点 - 一般");
        assertThat(timeLimit.get("ruleSetVersion").asText()).hasSize(12);
        assertThat(decision(detail, "ROUTING").get("firedRules").toString()).contains("派遣 - 行业部门牵头，所在街道配合");
    }

    @Test
    void aRetriedReportWithTheSameIdempotencyKeyCreatesOneCase() {
        ObjectNode report = api.patrolReport("FLYERS", "GENERAL");
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", UUID.randomUUID().toString());

        ResponseEntity<JsonNode> first = api.post("patrol", "/api/reports", report, headers);
        long casesAfterFirst = caseCount();
        ResponseEntity<JsonNode> retry = api.post("patrol", "/api/reports", report, headers);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(caseCount()).isEqualTo(casesAfterFirst);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneCase() throws Exception {
        ObjectNode report = api.patrolReport("NOISE", "GENERAL");
        String key = UUID.randomUUID().toString();
        long before = caseCount();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ResponseEntity<JsonNode>>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(() -> {
                    HttpHeaders headers = new HttpHeaders();
                    headers.set("Idempotency-Key", key);
                    return api.post("patrol", "/api/reports", report, headers);
                });
            }
            List<Long> ids = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> result : pool.invokeAll(attempts)) {
                assertThat(result.get().getStatusCode().value()).isEqualTo(201);
                ids.add(result.get().getBody().get("id").asLong());
            }
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(caseCount()).isEqualTo(before + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameKeyWithADifferentReportIsRefused() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        api.post("patrol", "/api/reports", api.patrolReport("FLYERS", "GENERAL"), headers);
        long before = caseCount();

        ResponseEntity<JsonNode> response = api.post("patrol", "/api/reports",
                api.patrolReport("NOISE", "SERIOUS"), headers);

        assertProblem(response, 422, "Idempotency-Key");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void aFailureAfterTheCaseIsInsertedLeavesNothingBehind() {
        // The second photo is refused only after the case row and the first photo were written.
        ObjectNode report = api.patrolReport("STREET_VENDING", "GENERAL");
        report.putArray("photos")
                .add(Api.photo("a.jpg", TestImages.jpeg(Color.BLUE)))
                .add(Api.photo("b.jpg", "这不是图片".getBytes()));
        long cases = caseCount();
        long photos = count("photo");
        long events = count("case_event");
        long instances = runtimeService.createProcessInstanceQuery().count();

        ResponseEntity<JsonNode> response = api.post("patrol", "/api/reports", report);

        assertProblem(response, 400, "b.jpg");
        assertThat(caseCount()).isEqualTo(cases);
        assertThat(count("photo")).isEqualTo(photos);
        assertThat(count("case_event")).isEqualTo(events);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void badReportsAreRefusedInChineseAndStoreNothing() {
        long before = caseCount();

        ObjectNode unknownCategory = api.patrolReport("NO_SUCH_THING", "GENERAL");
        assertProblem(api.post("patrol", "/api/reports", unknownCategory), 400, "问题类别");

        ObjectNode unknownGrid = api.report("FLYERS", "GENERAL", "PATROL", "nowhere-99");
        assertProblem(api.post("patrol", "/api/reports", unknownGrid), 400, "网格");

        ObjectNode missingTitle = api.patrolReport("FLYERS", "GENERAL");
        missingTitle.remove("title");
        assertProblem(api.post("patrol", "/api/reports", missingTitle), 400, "标题");

        ObjectNode oversizedTitle = api.patrolReport("FLYERS", "GENERAL");
        oversizedTitle.put("title", "很".repeat(201));
        assertProblem(api.post("patrol", "/api/reports", oversizedTitle), 400, "200");

        ObjectNode unknownSeverity = api.patrolReport("FLYERS", "TERRIBLE");
        assertProblem(api.post("patrol", "/api/reports", unknownSeverity), 400, "severity");

        ObjectNode notAnImage = api.patrolReport("FLYERS", "GENERAL");
        notAnImage.putArray("photos").add(Api.photo("x.jpg", "GIF89a not really".getBytes()));
        assertProblem(api.post("patrol", "/api/reports", notAnImage), 400, "不是 JPEG 或 PNG");

        ObjectNode notBase64 = api.patrolReport("FLYERS", "GENERAL");
        notBase64.putArray("photos").addObject().put("fileName", "y.jpg").put("contentBase64", "@@@@");
        assertProblem(api.post("patrol", "/api/reports", notBase64), 400, "Base64");

        ObjectNode tooLarge = api.patrolReport("FLYERS", "GENERAL");
        byte[] big = new byte[6 * 1024 * 1024];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        tooLarge.putArray("photos").add(Api.photo("big.jpg", big));
        assertProblem(api.post("patrol", "/api/reports", tooLarge), 400, "MB");

        assertProblem(api.post("patrol", "/api/reports", "{\"categoryCode\": "), 400, "JSON");
        assertProblem(api.postRaw("patrol", "/api/reports", "title=x", MediaType.APPLICATION_FORM_URLENCODED), 415,
                "application/json");
        assertProblem(api.post("patrol", "/api/reports", "{\"categoryCode\":\"FLYERS\",\"colour\":\"red\"}"), 400,
                "colour");

        ResponseEntity<JsonNode> anonymous = rest.postForEntity("/api/reports", api.patrolReport("FLYERS", "GENERAL"),
                JsonNode.class);
        assertProblem(anonymous, 401, "登录");
        ResponseEntity<JsonNode> wrongPassword = rest.withBasicAuth("xfj-handler", "wrong")
                .postForEntity("/api/reports", api.patrolReport("FLYERS", "GENERAL"), JsonNode.class);
        assertProblem(wrongPassword, 401, "登录");
        // Camunda delays the next sign-in after a wrong password; other tests sign in as this account too.
        identityService.unlockUser("xfj-handler");

        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void aCitizenReportWaitsForTheDispatcherAndTheReporterCanFollowIt() {
        JsonNode receipt = api.reportCase(api.report("STAIRWELL_CLUTTER", "GENERAL", "CITIZEN", "jxsq-01"));

        assertThat(receipt.get("status").asText()).isEqualTo("PENDING_CHECK");
        assertThat(receipt.has("leadUnit")).isFalse();
        ResponseEntity<JsonNode> asReporter = api.get("citizen", "/api/cases/" + receipt.get("id").asLong());
        assertThat(asReporter.getStatusCode().value()).isEqualTo(200);
        assertThat(asReporter.getBody().get("statusLabel").asText()).isEqualTo("待核实");
    }

    private static JsonNode decision(JsonNode detail, String kind) {
        for (JsonNode decision : detail.get("decisions")) {
            if (decision.get("kind").asText().equals(kind)) {
                return decision;
            }
        }
        throw new AssertionError("no " + kind + " decision in " + detail.get("decisions"));
    }

    private long caseCount() {
        return count("rectification_case");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
