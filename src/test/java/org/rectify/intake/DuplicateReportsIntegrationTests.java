package org.rectify.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.support.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
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

/** 重复上报: a report of a problem an open case already holds joins that case instead of starting a second one. */
@RectifyIntegrationTest
class DuplicateReportsIntegrationTests {

    /** About 30 m and 80 m northwards, in degrees of latitude. */
    private static final BigDecimal METRES_30 = new BigDecimal("0.000270");
    private static final BigDecimal METRES_80 = new BigDecimal("0.000720");
    /** Each test works at its own spot, a kilometre from the others and from every other test's reports. */
    private static final AtomicInteger SPOTS = new AtomicInteger();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtimeService;

    Api api;
    BigDecimal latitude;
    BigDecimal longitude;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        latitude = new BigDecimal("25.000000").add(BigDecimal.valueOf(SPOTS.incrementAndGet(), 2));
        longitude = new BigDecimal("110.000000");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aSecondReportNearbyJoinsTheOpenCaseWithoutASecondProcess() {
        JsonNode first = api.reportCase(at("STREET_VENDING", "PATROL", latitude));
        long casesBefore = caseCount();

        ResponseEntity<JsonNode> second = api.post("patrol", "/api/reports",
                reporter(at("STREET_VENDING", "CITIZEN", latitude.add(METRES_30)), "citizen", "张女士", "13800000001"));

        assertThat(second.getStatusCode().value()).isEqualTo(200);
        JsonNode link = second.getBody();
        assertThat(link.get("linked").asBoolean()).isTrue();
        assertThat(link.get("caseNumber").asText()).isEqualTo(first.get("caseNumber").asText());
        assertThat(link.get("reportCount").asInt()).isEqualTo(2);
        assertThat(link.get("message").asText()).contains("已并入案件 " + first.get("caseNumber").asText()).contains("累计上报2次");
        assertThat(second.getHeaders().getLocation()).hasToString("/api/cases/" + first.get("id").asLong());
        assertThat(caseCount()).isEqualTo(casesBefore);
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(first.get("caseNumber").asText()).count()).isEqualTo(1);

        JsonNode detail = api.caseDetail(first.get("id").asLong());
        assertThat(detail.get("reportCount").asInt()).isEqualTo(2);
        assertThat(detail.at("/duplicateReports/0/reporter").asText()).isEqualTo("citizen");
        assertThat(detail.at("/duplicateReports/0/reporterPhone").asText()).isEqualTo("13800000001");
        assertThat(detail.at("/duplicateReports/0/distanceMetres").asInt()).isBetween(28, 32);
        assertThat(detail.get("history").findValuesAsText("summary"))
                .anyMatch(s -> s.startsWith("重复上报：市民随手拍反映") && s.endsWith("累计2次"));
        JsonNode decision = decision(detail, "DUPLICATE");
        assertThat(decision.get("firedRules").toString()).contains("重复 - 同类问题在规定距离和时间内");
        assertThat(decision.get("explanation").asText()).contains("相距").contains("不超过50米");
        assertThat(decision.get("ruleSetVersion").asText()).hasSize(12);
        // kept for the volunteers' points: who reported, linked to which case
        assertThat(jdbc.sql("select count(*) from duplicate_report where case_id = :id and reporter = 'citizen'")
                .param("id", first.get("id").asLong()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void peopleReportingOneProblemAtTheSameMomentMakeOneCase() throws Exception {
        long casesBefore = caseCount();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Callable<ResponseEntity<JsonNode>>> reports = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ObjectNode report = at("E_BIKE", "CITIZEN", latitude);
                reports.add(() -> api.post("patrol", "/api/reports", report));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            java.util.Set<String> numbers = new java.util.HashSet<>();
            for (java.util.concurrent.Future<ResponseEntity<JsonNode>> answer : pool.invokeAll(reports)) {
                statuses.add(answer.get().getStatusCode().value());
                numbers.add(answer.get().getBody().get("caseNumber").asText());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 200, 200, 200);
            assertThat(numbers).hasSize(1);
            assertThat(caseCount()).isEqualTo(casesBefore + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReportFurtherAwayThanTheRuleDistanceBecomesItsOwnCase() {
        JsonNode first = api.reportCase(at("STREET_VENDING", "PATROL", latitude));

        ResponseEntity<JsonNode> second = api.post("patrol", "/api/reports", at("STREET_VENDING", "PATROL", latitude.add(METRES_80)));

        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getBody().get("linked").asBoolean()).isFalse();
        assertThat(second.getBody().get("caseNumber").asText()).isNotEqualTo(first.get("caseNumber").asText());
        assertThat(api.caseDetail(first.get("id").asLong()).get("reportCount").asInt()).isEqualTo(1);
    }

    @Test
    void aReportAfterTheTimeWindowBecomesItsOwnCaseAndSaysWhy() {
        JsonNode first = api.reportCase(at("STREET_VENDING", "PATROL", latitude));
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(73 * 60 + 30))));

        ResponseEntity<JsonNode> later = api.post("patrol", "/api/reports", at("STREET_VENDING", "PATROL", latitude));

        assertThat(later.getStatusCode().value()).isEqualTo(201);
        assertThat(later.getBody().get("caseNumber").asText()).isNotEqualTo(first.get("caseNumber").asText());
        JsonNode decision = decision(api.caseDetail(later.getBody().get("id").asLong()), "DUPLICATE");
        assertThat(decision.get("explanation").asText()).contains(first.get("caseNumber").asText()).contains("超过72小时");
        assertThat(decision.get("firedRules").toString()).contains("不重复 - 类别、距离或时间不符的，另行立案");
    }

    @Test
    void aRecentCaseIsFoundAmongManyOlderOnesAtTheSameSpot() {
        // higher-level inspection findings are never linked: twenty cases at one spot, then out of the window
        for (int i = 0; i < 20; i++) {
            api.reportCase(at("STREET_VENDING", "PROVINCIAL_INSPECTION", latitude));
        }
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(80))));
        JsonNode recent = api.reportCase(at("STREET_VENDING", "PATROL", latitude));

        ResponseEntity<JsonNode> again = api.post("patrol", "/api/reports", at("STREET_VENDING", "CITIZEN", latitude));

        assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(200);
        assertThat(again.getBody().get("caseNumber").asText()).isEqualTo(recent.get("caseNumber").asText());
    }

    @Test
    void aReportOfAnotherCategoryAtTheSameSpotBecomesItsOwnCase() {
        api.reportCase(at("STREET_VENDING", "PATROL", latitude));

        ResponseEntity<JsonNode> other = api.post("patrol", "/api/reports", at("OUT_OF_SHOP", "PATROL", latitude));

        assertThat(other.getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aReportOfAClosedProblemBecomesANewCase() {
        JsonNode first = api.reportCase(at("STREET_VENDING", "PATROL", latitude));
        long id = first.get("id").asLong();
        ok(api.post("cgj-handler", "/api/cases/" + id + "/accept", null));
        ok(api.post("cgj-handler", "/api/cases/" + id + "/rectification", Map.of("note", "已清理", "photos",
                List.of(Api.photo("after.png", TestImages.png(Color.GREEN))))));
        assertThat(ok(api.post("supervisor", "/api/cases/" + id + "/verification", Map.of("outcome", "PASS")))
                .get("status").asText()).isEqualTo("CLOSED");

        ResponseEntity<JsonNode> again = api.post("patrol", "/api/reports", at("STREET_VENDING", "PATROL", latitude));

        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody().get("caseNumber").asText()).isNotEqualTo(first.get("caseNumber").asText());
    }

    @Test
    void withoutCoordinatesTheSameGridCellDecides() {
        JsonNode first = api.reportCase(withoutCoordinates("ACCESSIBILITY", "stsq-02"));

        ResponseEntity<JsonNode> second = api.post("patrol", "/api/reports", withoutCoordinates("ACCESSIBILITY", "stsq-02"));

        assertThat(second.getStatusCode().value()).isEqualTo(200);
        assertThat(second.getBody().get("caseNumber").asText()).isEqualTo(first.get("caseNumber").asText());
        assertThat(decision(api.caseDetail(first.get("id").asLong()), "DUPLICATE").get("firedRules").toString())
                .contains("重复 - 缺少坐标时，同类问题在同一网格内和规定时间内");
    }

    @Test
    void theThirdReportRaisesTheSeverityWithAnExplainedDecisionAndKeepsTheDeadline() {
        JsonNode first = api.reportCase(at("GARBAGE_COLLECTION", "PATROL", latitude));
        long id = first.get("id").asLong();
        String deadline = api.caseDetail(id).get("deadline").asText();

        JsonNode second = api.post("patrol", "/api/reports", at("GARBAGE_COLLECTION", "CITIZEN", latitude.add(METRES_30))).getBody();
        assertThat(second.get("severity").asText()).isEqualTo("GENERAL");
        JsonNode third = api.post("patrol", "/api/reports", at("GARBAGE_COLLECTION", "VOLUNTEER", latitude)).getBody();

        assertThat(third.get("reportCount").asInt()).isEqualTo(3);
        assertThat(third.get("severity").asText()).isEqualTo("SERIOUS");
        JsonNode detail = api.caseDetail(id);
        assertThat(detail.get("severity").asText()).isEqualTo("SERIOUS");
        assertThat(detail.get("deadline").asText()).isEqualTo(deadline);
        assertThat(detail.get("history").findValuesAsText("summary"))
                .contains("累计上报3次，严重程度由一般提高为较重，已定的整改时限不变");
        JsonNode raise = lastDecision(detail, "DUPLICATE");
        assertThat(raise.get("firedRules").toString()).contains("提级 - 累计上报3次及以上的，提高为较重");
        assertThat(raise.get("explanation").asText()).contains("累计上报3次（3次及以上），严重程度提高为较重");
        assertThat(raise.at("/outcome/severity").asText()).isEqualTo("SERIOUS");
        assertThat(runtimeService.getVariable(detail.get("processInstanceId").asText(), "severityLabel")).isEqualTo("较重");
    }

    @Test
    void aRetriedLinkedReportAnswersTheSameLink() {
        JsonNode first = api.reportCase(at("FLYERS", "PATROL", latitude));
        ObjectNode repeat = at("FLYERS", "CITIZEN", latitude.add(METRES_30));
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", UUID.randomUUID().toString());

        ResponseEntity<JsonNode> linked = api.post("patrol", "/api/reports", repeat, headers);
        ResponseEntity<JsonNode> retry = api.post("patrol", "/api/reports", repeat, headers);

        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getBody().get("duplicateReportId")).isEqualTo(linked.getBody().get("duplicateReportId"));
        assertThat(retry.getBody().get("caseNumber").asText()).isEqualTo(first.get("caseNumber").asText());
        JsonNode detail = api.caseDetail(first.get("id").asLong());
        assertThat(detail.get("reportCount").asInt()).isEqualTo(2);
        assertThat(detail.get("duplicateReports")).hasSize(1);
    }

    @Test
    void aDispatcherUnlinksAWrongMatchIntoItsOwnCaseOnlyOnce() {
        JsonNode first = api.reportCase(at("NOISE", "PATROL", latitude));
        long id = first.get("id").asLong();
        ObjectNode repeat = at("NOISE", "CITIZEN", latitude.add(METRES_30));
        byte[] jpeg = TestImages.jpeg(Color.BLUE);
        repeat.putArray("photos").add(Api.photo("夜间施工.jpg", jpeg));
        JsonNode link = api.post("patrol", "/api/reports", repeat).getBody();
        long reportId = link.get("duplicateReportId").asLong();
        String path = "/api/cases/" + id + "/duplicate-reports/" + reportId + "/unlink";
        String photoUrl = api.caseDetail(id).at("/duplicateReports/0/photoUrls/0").asText();
        ResponseEntity<byte[]> photo = rest.withBasicAuth("dispatcher", Api.PASSWORD).getForEntity(photoUrl, byte[].class);
        assertThat(photo.getStatusCode().value()).isEqualTo(200);
        assertThat(photo.getHeaders().getContentType().isCompatibleWith(MediaType.IMAGE_JPEG)).isTrue();
        assertThat(photo.getBody()).isEqualTo(jpeg);
        assertThat(rest.withBasicAuth("dispatcher", Api.PASSWORD)
                .getForEntity(photoUrl.replaceAll("\\d+$", "0"), String.class).getStatusCode().value()).isEqualTo(404);

        ResponseEntity<JsonNode> unlinked = api.post("dispatcher", path, Map.of("reason", "一处是工地噪声，一处是广场舞，不是同一问题"));

        assertThat(unlinked.getStatusCode().value()).isEqualTo(201);
        JsonNode newCase = unlinked.getBody().get("newCase");
        assertThat(newCase.get("caseNumber").asText()).isNotEqualTo(first.get("caseNumber").asText());
        assertThat(unlinked.getBody().get("originalReportCount").asInt()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(newCase.get("caseNumber").asText()).count()).isEqualTo(1);
        JsonNode created = api.caseDetail(newCase.get("id").asLong());
        assertThat(created.get("status").asText()).isEqualTo("PENDING_CHECK");
        assertThat(created.get("reporter").asText()).as("the citizen who reported it").isEqualTo("citizen");
        assertThat(created.at("/photos/0/fileName").asText()).isEqualTo("夜间施工.jpg");
        assertThat(created.get("history").findValuesAsText("action")).contains("UNLINKED_FROM_DUPLICATE");
        JsonNode original = api.caseDetail(id);
        assertThat(original.get("reportCount").asInt()).isEqualTo(1);
        assertThat(original.get("history").findValuesAsText("summary"))
                .anyMatch(s -> s.startsWith("解除重复关联：") && s.contains(newCase.get("caseNumber").asText()));
        assertThat(original.at("/duplicateReports/0/newCaseNumber").asText()).isEqualTo(newCase.get("caseNumber").asText());

        assertProblem(api.post("dispatcher", path, Map.of("reason", "再试一次")), 409, "不能再次解除");
    }

    @Test
    void onlyTheOfficesUnlinkAndOnlyTheCaseUnitsReadTheLinkedReports() {
        JsonNode first = api.reportCase(at("STREET_VENDING", "PATROL", latitude));
        long id = first.get("id").asLong();
        long reportId = api.post("patrol", "/api/reports", at("STREET_VENDING", "CITIZEN", latitude.add(METRES_30)))
                .getBody().get("duplicateReportId").asLong();
        String path = "/api/cases/" + id + "/duplicate-reports/" + reportId + "/unlink";

        assertProblem(api.post("patrol", path, Map.of("reason", "不是同一个摊位")), 403, "创建办");
        assertProblem(api.post("cgj-handler", path, Map.of("reason", "不是同一个摊位")), 403, "创建办");
        assertProblem(api.post("dispatcher", path, Map.of("reason", " ")), 400, "原因");
        ResponseEntity<JsonNode> forUnit = api.get("cgj-handler", "/api/cases/" + id + "/duplicate-reports");
        assertThat(forUnit.getStatusCode().value()).isEqualTo(200);
        assertThat(forUnit.getBody().get("reportCount").asInt()).isEqualTo(2);
        assertThat(forUnit.getBody().at("/reports/0/id").asLong()).isEqualTo(reportId);
        assertProblem(api.get("jjdd-handler", "/api/cases/" + id + "/duplicate-reports"), 403, "不属于您的单位");
        assertThat(api.caseDetail(id).get("reportCount").asInt()).isEqualTo(2);
    }

    private ObjectNode at(String category, String source, BigDecimal lat) {
        ObjectNode report = api.report(category, "GENERAL", source, "xhsq-01");
        ObjectNode location = (ObjectNode) report.get("location");
        location.put("latitude", lat);
        location.put("longitude", longitude);
        return report;
    }

    private ObjectNode withoutCoordinates(String category, String grid) {
        ObjectNode report = api.report(category, "GENERAL", "PATROL", grid);
        ObjectNode location = (ObjectNode) report.get("location");
        location.remove("latitude");
        location.remove("longitude");
        return report;
    }

    private static ObjectNode reporter(ObjectNode report, String id, String name, String phone) {
        ObjectNode reporter = (ObjectNode) report.get("reporter");
        reporter.put("id", id);
        reporter.put("name", name);
        reporter.put("phone", phone);
        return report;
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private long caseCount() {
        return jdbc.sql("select count(*) from rectification_case").query(Long.class).single();
    }

    private static JsonNode decision(JsonNode detail, String kind) {
        for (JsonNode decision : detail.get("decisions")) {
            if (decision.get("kind").asText().equals(kind)) {
                return decision;
            }
        }
        throw new AssertionError("no " + kind + " decision in " + detail.get("decisions"));
    }

    private static JsonNode lastDecision(JsonNode detail, String kind) {
        JsonNode last = null;
        for (JsonNode decision : detail.get("decisions")) {
            if (decision.get("kind").asText().equals(kind)) {
                last = decision;
            }
        }
        assertThat(last).as("a %s decision", kind).isNotNull();
        return last;
    }
}
