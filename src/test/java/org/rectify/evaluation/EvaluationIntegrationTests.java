package org.rectify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.support.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.rules.RuleEngine;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A month's scores built through the real API and process on June 2025 (Dragon Boat Festival 31 May – 2 June; no
 * other test uses 2025), all problems 占道经营/一般 in grid xhsq-01 (创新街道 星河社区), so 城管局 leads. Every case is
 * reported on Tuesday 3 June at 10:00; 3 working days make the deadline Friday 6 June 18:00.
 * <ul>
 * <li>A — never fixed: urged, supervision order (taken late, its warning recorded as skipped), transfer to discipline
 * once the order expires; open to the month's end: overdue
 * 16 working days (9–30 June);</li>
 * <li>B — fails verification once on 4 June (rework: half of 3 = 2 working days → 6 June 18:00), passes on 6 June;</li>
 * <li>C — closed on 3 June, 3 working days early;</li>
 * <li>D — found by the provincial inspection (2 working days → 5 June 18:00), closed on 3 June, 2 days early;</li>
 * <li>E — returned by 城管局 as misassigned and reassigned to 市场监管局, which leaves it open.</li>
 * </ul>
 * 城管局 by hand: 应结案 4 (A, B, C, D), 结案 3, 按期结案 3, 按时处置 3, 处置 4 (B twice, C, D), 返工 1, 超期 1 (A), 延期 0,
 * 派遣 5 (A–E), 误派 1 (E). Lines: A −3 (超期≥5), A −3 (督办), A −5 (移交纪检), B −1 (返工), D −3 (省级检查), C +0.5,
 * D +0.5 → 86.0. 星河社区 and 创新街道 −3 each for D (属地) → 97.0; 市场监管局: E overdue −3 and 按期结案率 0 % −2 → 95.0.
 */
@RectifyIntegrationTest
class EvaluationIntegrationTests {

    static final String REPORTED = "2025-06-03T10:00:00+08:00";
    /** The volunteer accounts' password: twelve characters or more and not a common one (the password policy). */
    static final String VOLUNTEER_PASSWORD = "lanterns over the west lake";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuleEngine engine;
    @Autowired
    VolunteerPoints volunteerPoints;
    @Autowired
    Evaluations evaluations;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aMonthsScoresTraceEachDeductionToItsCaseAndRuleAndRecomputingKeepsVersions() throws Exception {
        clock(REPORTED);
        long a = patrolCase("PATROL");
        long b = patrolCase("PATROL");
        long c = patrolCase("PATROL");
        long d = patrolCase("PROVINCIAL_INSPECTION");
        long e = patrolCase("PATROL");
        assertThat(api.caseDetail(a).at("/leadUnit/code").asText()).isEqualTo("cgj");
        assertThat(OffsetDateTime.parse(api.caseDetail(a).get("deadline").asText()))
                .isAtSameInstantAs(OffsetDateTime.parse("2025-06-06T18:00:00+08:00"));
        assertThat(OffsetDateTime.parse(api.caseDetail(d).get("deadline").asText()))
                .isAtSameInstantAs(OffsetDateTime.parse("2025-06-05T18:00:00+08:00"));

        clock("2025-06-03T10:05:00+08:00");
        for (long id : List.of(a, b, c, d)) {
            act("cgj-handler", id, "accept", null);
        }
        act("cgj-handler", e, "return", Map.of("reason", "食品摊贩归市场监管局管"));
        act("dispatcher", e, "reassign", Map.of("unit", "scjgj", "reason", "改派市场监管局"));

        clock("2025-06-03T11:00:00+08:00");
        act("cgj-handler", c, "rectification", rectification());
        act("cgj-handler", d, "rectification", rectification());
        clock("2025-06-03T14:00:00+08:00");
        act("supervisor", c, "verification", Map.of("outcome", "PASS"));
        act("supervisor", d, "verification", Map.of("outcome", "PASS"));

        clock("2025-06-04T09:00:00+08:00");
        act("cgj-handler", b, "rectification", rectification());
        clock("2025-06-04T10:00:00+08:00");
        act("supervisor", b, "verification", Map.of("outcome", "FAIL", "comment", "摊位仍在"));
        assertThat(OffsetDateTime.parse(api.caseDetail(b).get("deadline").asText()))
                .isAtSameInstantAs(OffsetDateTime.parse("2025-06-06T18:00:00+08:00"));
        clock("2025-06-06T09:00:00+08:00");
        act("cgj-handler", b, "rectification", rectification());
        clock("2025-06-06T10:00:00+08:00");
        act("supervisor", b, "verification", Map.of("outcome", "PASS"));

        clock("2025-06-20T10:00:00+08:00");
        runDueJobs(api.caseDetail(a).get("processInstanceId").asText());
        // the order issued late on the 20th gives until Wed 25 June 18:00; the transfer waits for it
        clock("2025-06-26T10:00:00+08:00");
        runDueJobs(api.caseDetail(a).get("processInstanceId").asText());
        assertThat(api.caseDetail(a).get("history").findValuesAsText("action"))
                .contains("ESCALATION_SUPERVISION", "ESCALATION_TRANSFER");

        // The timer of the 1st of July computes June.
        clock("2025-07-01T02:00:00+08:00");
        executeTimer("StartEvent_Monthly");

        JsonNode june = api.get("dispatcher", "/api/evaluation/rankings/2025-06").getBody();
        assertThat(june.get("version").asInt()).isEqualTo(1);
        assertThat(june.get("trigger").asText()).isEqualTo("TIMER");
        assertThat(june.get("reason").asText()).isEqualTo("FIRST");
        assertThat(june.get("ruleSetVersion").asText()).isEqualTo(engine.activeVersion());
        JsonNode cgj = row(june, "cgj");
        assertThat(cgj.get("score").decimalValue()).isEqualByComparingTo("86.0");
        assertThat(cgj.get("rank").asInt()).isEqualTo(4);
        JsonNode ind = cgj.get("indicators");
        assertThat(List.of(ind.get("dueCases").asInt(), ind.get("closedCases").asInt(), ind.get("onTimeClosed").asInt(),
                ind.get("handledOnTime").asInt(), ind.get("handled").asInt(), ind.get("reworks").asInt(),
                ind.get("overdueCases").asInt(), ind.get("extendedCases").asInt(), ind.get("assigned").asInt(),
                ind.get("returned").asInt())).containsExactly(4, 3, 3, 3, 4, 1, 1, 0, 5, 1);
        assertThat(ind.get("closureRate").asDouble()).isEqualTo(0.75);
        assertThat(ind.get("onTimeClosureRate").asDouble()).isEqualTo(0.75);
        assertThat(ind.get("onTimeHandlingRate").asDouble()).isEqualTo(0.75);
        assertThat(ind.get("reworkRate").asDouble()).isEqualTo(0.25);
        assertThat(ind.get("extensionRate").asDouble()).isEqualTo(0.0);
        assertThat(ind.get("accurateDispatchRate").asDouble()).isEqualTo(0.8);

        String na = number(a), nb = number(b), nc = number(c), nd = number(d), ne = number(e);
        assertThat(lines(cgj)).containsExactlyInAnyOrder(
                na + " -3.0 案件超期5个工作日以上的，每件扣3分",
                na + " -3.0 案件被下达督办令的，每件扣3分",
                na + " -5.0 案件被移交纪检监察部门问责的，每件扣5分",
                nb + " -1.0 整改经核查不通过需返工的，每次扣1分",
                nd + " -3.0 省级检查发现的问题，每件扣3分",
                nc + " 0.5 提前1个工作日以上办结销号的，每件加0.5分",
                nd + " 0.5 提前1个工作日以上办结销号的，每件加0.5分");
        assertThat(line(cgj, na, "超期案件").get("reason").asText()).isEqualTo(na + " 超期16个工作日");
        assertThat(lines(row(june, "xhsq"))).containsExactly(nd + " -3.0 省级检查发现的问题，每件扣3分");
        assertThat(row(june, "xhsq").get("score").decimalValue()).isEqualByComparingTo("97.0");
        assertThat(row(june, "cxjd").get("score").decimalValue()).isEqualByComparingTo("97.0");
        assertThat(row(june, "xhsq").get("rank").asInt()).isEqualTo(1);
        assertThat(row(june, "cxjd").get("rank").asInt()).isEqualTo(1);
        JsonNode scjgj = row(june, "scjgj");
        assertThat(lines(scjgj)).containsExactlyInAnyOrder(ne + " -3.0 案件超期5个工作日以上的，每件扣3分",
                "null -2.0 按期结案率低于60%的，扣2分");
        assertThat(scjgj.get("rank").asInt()).isEqualTo(3);
        assertThat(!row(june, "jyj").hasNonNull("rank")).as("nothing to assess: unranked").isTrue();

        // Who sees what: every row for everyone, lines only of one's own unit (offices see all).
        JsonNode asHandler = api.get("cgj-handler", "/api/evaluation/rankings/2025-06").getBody();
        assertThat(lines(row(asHandler, "cgj"))).hasSize(7);
        assertThat(!row(asHandler, "scjgj").hasNonNull("lines")).isTrue();
        assertThat(row(asHandler, "scjgj").get("score").decimalValue()).isEqualByComparingTo("95.0");
        JsonNode asPatrol = api.get("patrol", "/api/evaluation/rankings/2025-06").getBody();
        assertThat(!row(asPatrol, "cgj").hasNonNull("lines")).isTrue();
        assertProblem(api.post("cgj-handler", "/api/evaluation/rankings/2025-06/recompute", null), 403,
                "只有创建办或系统管理员可以重新计算月度评比");

        // The quarter's timer: Q2 holds only June's events here.
        clock("2025-07-01T02:30:00+08:00");
        executeTimer("StartEvent_Quarterly");
        JsonNode q2 = api.get("supervisor", "/api/evaluation/assessments/2025-Q2").getBody();
        assertThat(q2.get("label").asText()).isEqualTo("2025年第2季度");
        assertThat(row(q2, "cgj").get("score").decimalValue()).isEqualByComparingTo("86.0");

        // Recomputing with the same rules: the same numbers, nothing new stored.
        ResponseEntity<JsonNode> same = api.post("dispatcher", "/api/evaluation/rankings/2025-06/recompute", null);
        assertThat(same.getStatusCode().value()).isEqualTo(200);
        assertThat(same.getBody().get("stored").asBoolean()).isFalse();
        assertThat(same.getBody().get("identicalToVersion").asInt()).isEqualTo(1);
        assertThat(api.get("dispatcher", "/api/evaluation/rankings/2025-06/versions").getBody()).hasSize(1);

        // The rules change (a rework now costs 2 points): a new version; the old one stays as it was.
        String original = engine.activeVersion();
        try {
            ResponseEntity<JsonNode> uploaded = uploadRules(Map.of(
                    "scores.drl", rulesFile("scores.drl").replace("整改经核查不通过需返工的，每次扣1分", "整改经核查不通过需返工的，每次扣2分")
                            .replace("insert(ScoreLine.of(-1, $f.caseNumber() + \" 核查不通过，返工\"));",
                                    "insert(ScoreLine.of(-2, $f.caseNumber() + \" 核查不通过，返工\"));"),
                    "tests/scores.csv", rulesFile("tests/scores.csv").replace("每次返工扣1分,返工,ZG-2026-000004,牵头单位,日常巡查,,,2,0,100%,50%,-1,整改经核查不通过需返工的，每次扣1分",
                            "每次返工扣2分,返工,ZG-2026-000004,牵头单位,日常巡查,,,2,0,100%,50%,-2,整改经核查不通过需返工的，每次扣2分")));
            assertThat(uploaded.getBody().get("outcome").asText()).as("%s", uploaded.getBody()).isEqualTo("ACTIVATED");

            ResponseEntity<JsonNode> changed = api.post("admin", "/api/evaluation/rankings/2025-06/recompute", null);
            assertThat(changed.getStatusCode().value()).isEqualTo(201);
            JsonNode v2 = changed.getBody().get("evaluation");
            assertThat(v2.get("version").asInt()).isEqualTo(2);
            assertThat(v2.get("reason").asText()).isEqualTo("RULES_CHANGED");
            assertThat(v2.get("ruleSetVersion").asText()).isNotEqualTo(original);
            assertThat(row(v2, "cgj").get("score").decimalValue()).isEqualByComparingTo("85.0");
            assertThat(lines(row(v2, "cgj"))).contains(nb + " -2.0 整改经核查不通过需返工的，每次扣2分");

            JsonNode versions = api.get("dispatcher", "/api/evaluation/rankings/2025-06/versions").getBody();
            assertThat(versions.findValuesAsText("ruleSetVersion")).containsExactly(original, v2.get("ruleSetVersion").asText());
            JsonNode v1 = api.get("dispatcher", "/api/evaluation/rankings/2025-06/versions/1").getBody();
            assertThat(row(v1, "cgj").get("score").decimalValue()).isEqualByComparingTo("86.0");
            assertThat(row(api.get("dispatcher", "/api/evaluation/rankings/2025-06").getBody(), "cgj").get("score")
                    .decimalValue()).isEqualByComparingTo("85.0");
        } finally {
            if (!engine.activeVersion().equals(original)) {
                assertThat(api.post("admin", "/api/admin/rule-sets/" + original + "/activate",
                        Map.of("comment", "测试结束，恢复原规则")).getStatusCode().value()).isEqualTo(200);
            }
        }
    }

    @Test
    void twoNodesComputingTheSameMonthAtOnceStoreOneVersion() throws Exception {
        Period february = Period.month(java.time.YearMonth.of(2025, 2));
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Evaluations.Recomputed>> done = new ArrayList<>();
            for (String node : List.of("node-1", "node-2")) {
                done.add(nodes.submit(() -> {
                    start.await();
                    return evaluations.recompute(february, "TIMER", node);
                }));
            }
            start.countDown();
            List<Boolean> stored = new ArrayList<>();
            for (var result : done) {
                stored.add(result.get().stored());
            }
            assertThat(stored).containsExactlyInAnyOrder(true, false);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(evaluations.versions(february)).hasSize(1);
    }

    @Test
    void periodsAreCheckedAndOnlyClosedOnesAreStored() {
        assertProblem(api.get("dispatcher", "/api/evaluation/rankings/2025-13"), 400, "月份“2025-13”格式不对");
        assertProblem(api.get("dispatcher", "/api/evaluation/assessments/2025-Q5"), 400, "应为 yyyy-Qn");
        assertProblem(api.get("dispatcher", "/api/evaluation/rankings/2025-01"), 404, "2025年1月的月度评比尚未计算");
        assertProblem(api.post("dispatcher", "/api/evaluation/rankings/2099-01/recompute", null), 422, "2099年1月尚未结束");
        assertProblem(api.get("dispatcher", "/api/evaluation/rankings/2025-01/versions/3"), 404, "没有第3版");
    }

    @Test
    void aReporterEarnsPointsOnceForEachVerifiedReportAndAStarAtTheThreshold() {
        String reporter = volunteerAccount();
        clock("2025-03-04T10:00:00+08:00");
        long urgent = verifiedVolunteerCase(reporter, "URGENT");
        long serious = verifiedVolunteerCase(reporter, "SERIOUS");
        JsonNode account = api.get("dispatcher", "/api/volunteers/" + reporter + "/points").getBody();
        assertThat(account.get("points").asInt()).isEqualTo(8);
        assertThat(account.get("stars").asInt()).isZero();
        assertThat(account.get("starLabel").asText()).isEqualTo("未评星");

        long rejected = volunteerReport(reporter, "GENERAL");
        act("dispatcher", rejected, "check", Map.of("decision", "REJECT", "rejectionReason", "NOT_A_PROBLEM"));
        assertThat(api.get("dispatcher", "/api/volunteers/" + reporter + "/points").getBody().get("points").asInt())
                .as("a rejected report earns nothing").isEqualTo(8);

        long general = verifiedVolunteerCase(reporter, "GENERAL");
        account = api.get("admin", "/api/volunteers/" + reporter + "/points").getBody();
        assertThat(account.get("points").asInt()).isEqualTo(10);
        assertThat(account.get("stars").asInt()).isEqualTo(1);
        assertThat(account.get("starLabel").asText()).isEqualTo("一星志愿者");
        assertThat(account.get("entries").findValuesAsText("caseNumber"))
                .containsExactly(number(urgent), number(serious), number(general));
        assertThat(account.get("entries").get(0).get("rules").toString())
                .contains("紧急问题经核实整改销号的，积5分");
        assertThat(account.get("entries").get(2).get("rules").toString()).contains("累计积分达到10分的，评为一星志愿者");
        assertThat(account.get("entries").get(2).get("ruleSetVersion").asText()).isEqualTo(engine.activeVersion());

        volunteerPoints.award(general, OffsetDateTime.parse("2025-03-10T10:00:00+08:00"));
        assertThat(api.get("admin", "/api/volunteers/" + reporter + "/points").getBody().get("entries"))
                .as("exactly once per case").hasSize(3);
        assertThat(api.caseDetail(general).toString()).contains("VOLUNTEER_POINTS");

        JsonNode ranking = api.get("patrol", "/api/volunteers/ranking?limit=500").getBody();
        assertThat(ranking.findValuesAsText("reporterId")).contains(reporter);
        List<Integer> rankedPoints = new ArrayList<>();
        ranking.forEach(r -> rankedPoints.add(r.get("points").asInt()));
        assertThat(rankedPoints).as("most points first").isSortedAccordingTo(Comparator.reverseOrder());
        JsonNode mine = StreamSupport.stream(ranking.spliterator(), false)
                .filter(r -> r.get("reporterId").asText().equals(reporter)).findFirst().orElseThrow();
        assertThat(List.of(mine.get("points").asInt(), mine.get("stars").asInt())).containsExactly(10, 1);
        assertThat(api.get("patrol", "/api/volunteers/ranking?limit=1").getBody()).hasSize(1);
        assertProblem(api.get("patrol", "/api/volunteers/" + reporter + "/points"), 403, "只能查看本人的积分");
        assertThat(api.get("patrol", "/api/volunteers/patrol/points").getStatusCode().value()).isEqualTo(200);
        JsonNode never = api.get("patrol", "/api/volunteers/patrol/points").getBody();
        assertThat(never.get("points").asInt()).as("a reporter never awarded has nought").isZero();
        assertThat(never.get("entries")).isEmpty();
        assertThat(never.get("starLabel").asText()).isEqualTo("未评星");
    }

    // ---- helpers ----

    private long patrolCase(String source) {
        ObjectNode report = api.report("STREET_VENDING", "GENERAL", source, "xhsq-01");
        return api.reportCase(report).get("id").asLong();
    }

    /**
     * A registered volunteer of its own (points go only to volunteer accounts), so the totals start at nought. Registered
     * like any real account, with a password the policy accepts (only the demo accounts are exempt).
     */
    private String volunteerAccount() {
        String id = "vol-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        org.camunda.bpm.engine.identity.User user = identityService.newUser(id);
        user.setFirstName("小张");
        user.setLastName("志愿者");
        user.setPassword(VOLUNTEER_PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(id, "volunteer");
        return id;
    }

    private long volunteerReport(String reporter, String severity) {
        ObjectNode report = api.report("STREET_VENDING", severity, "VOLUNTEER", "xhsq-01");
        ((ObjectNode) report.get("reporter")).put("id", reporter).put("name", "志愿者小张");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> filed = rest.withBasicAuth(reporter, VOLUNTEER_PASSWORD).exchange("/api/reports",
                HttpMethod.POST, new HttpEntity<>(report.toString(), headers), JsonNode.class);
        assertThat(filed.getStatusCode().value()).as("%s", filed.getBody()).isEqualTo(201);
        return filed.getBody().get("id").asLong();
    }

    private long verifiedVolunteerCase(String reporter, String severity) {
        long id = volunteerReport(reporter, severity);
        act("dispatcher", id, "check", Map.of("decision", "FILE"));
        act("cgj-handler", id, "accept", null);
        act("cgj-handler", id, "rectification", rectification());
        act("supervisor", id, "verification", Map.of("outcome", "PASS"));
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("CLOSED");
        return id;
    }

    private String number(long id) {
        return api.caseDetail(id).get("caseNumber").asText();
    }

    private JsonNode act(String user, long id, String action, Object body) {
        ResponseEntity<JsonNode> response = api.post(user, "/api/cases/" + id + "/" + action, body);
        assertThat(response.getStatusCode().value()).as("%s %s: %s", user, action, response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private static Map<String, Object> rectification() {
        return Map.of("note", "已整改", "photos", List.of(Map.of("fileName", "after.png",
                "contentBase64", Base64.getEncoder().encodeToString(TestImages.png(Color.GREEN)))));
    }

    private void runDueJobs(String processInstanceId) {
        org.rectify.support.EngineJobs.runDue(managementService, processInstanceId);
    }

    private void executeTimer(String startEvent) {
        JobDefinition definition = managementService.createJobDefinitionQuery().processDefinitionKey(startEvent.equals("StartEvent_Monthly") ? "evaluationMonthly" : "evaluationQuarterly")
                .activityIdIn(startEvent).list().stream().reduce((first, second) -> second).orElseThrow();
        Job job = managementService.createJobQuery().jobDefinitionId(definition.getId()).singleResult();
        managementService.executeJob(job.getId());
    }

    private static JsonNode row(JsonNode evaluation, String unit) {
        for (JsonNode row : evaluation.get("rows")) {
            if (row.get("unitCode").asText().equals(unit)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + unit + " in " + evaluation);
    }

    private static List<String> lines(JsonNode row) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : row.get("lines")) {
            lines.add((line.hasNonNull("caseNumber") ? line.get("caseNumber").asText() : "null") + " " + line.get("points").decimalValue().toPlainString() + " "
                    + line.get("rule").asText());
        }
        return lines;
    }

    private static JsonNode line(JsonNode row, String caseNumber, String kind) {
        for (JsonNode line : row.get("lines")) {
            if (line.path("caseNumber").asText().equals(caseNumber) && line.get("kind").asText().equals(kind)) {
                return line;
            }
        }
        throw new AssertionError("no line " + kind + " for " + caseNumber);
    }

    private static String rulesFile(String path) throws Exception {
        return Files.readString(Path.of("rules").resolve(path), StandardCharsets.UTF_8);
    }

    private ResponseEntity<JsonNode> uploadRules(Map<String, String> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        files.forEach((name, text) -> {
            boolean test = name.startsWith("tests/");
            String fileName = test ? name.substring("tests/".length()) : name;
            parts.add(test ? "tests" : "files", org.rectify.support.Api.file(fileName, text.getBytes(StandardCharsets.UTF_8)));
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("admin", Api.PASSWORD).exchange("/api/admin/rule-sets", HttpMethod.PUT,
                new HttpEntity<>(parts, headers), JsonNode.class);
    }

    private static void clock(String at) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(at).toInstant()));
    }
}
