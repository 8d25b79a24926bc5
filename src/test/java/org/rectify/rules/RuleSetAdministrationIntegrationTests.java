package org.rectify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.rectify.shared.Hashes;

/**
 * Changing the rules of a running application: a saved table in a watched folder, uploads that pass or are
 * refused, re-activation, what-if. Every test leaves the version it found active.
 */
@RectifyIntegrationTest
class RuleSetAdministrationIntegrationTests {

    private static final String STREET_VENDING_RULE = "时限 - 占道经营、店外经营、摆摊设点 - 一般";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuleSets ruleSets;
    @Autowired
    RuleEngine engine;
    @Autowired
    JdbcClient jdbc;

    private Api api;
    private String original;

    @BeforeEach
    void rememberTheActiveVersion() {
        api = new Api(rest);
        original = ruleSets.active().shortVersion();
    }

    @AfterEach
    void leaveTheOriginalVersionActive() {
        if (!ruleSets.active().shortVersion().equals(original)) {
            assertThat(ruleSets.reactivate(original, "test", "测试结束，恢复原规则").orElseThrow().activated()).isTrue();
        }
    }

    @Test
    void anEditedTableInTheWatchedFolderChangesTheNextCasesDeadlineWithoutARestart(@TempDir Path folder) throws Exception {
        copyRulesFolder(folder);
        long before = reportStreetVendingAndGetItsTimeLimit().get("outcome").get("amount").asLong();
        assertThat(before).isEqualTo(3);

        try (RulesFolderWatcher watcher = new RulesFolderWatcher(folder, ruleSets, Duration.ofMillis(300))) {
            // The office changes the table but forgets the scenarios that expect 3 days: refused, rules unchanged.
            Map<String, byte[]> edit = RuleEdits.streetVendingLimit(ruleSets.active().files(), 2);
            Files.write(folder.resolve("time-limits.xlsx"), edit.get("time-limits.xlsx"));
            await(() -> watcher.lastChange() != null);
            assertThat(watcher.lastChange().outcome()).isEqualTo(RuleSetStore.Outcome.REJECTED);
            assertThat(watcher.lastChange().verdict().problems()).extracting(RuleSetProblem::describe)
                    .anySatisfy(text -> assertThat(text).startsWith("tests/time-limits.csv 第2行「占道经营一般问题限3个工作日」：")
                            .contains("期望时限 3个工作日，实际 2个工作日"));
            assertThat(ruleSets.active().shortVersion()).isEqualTo(original);
            assertThat(reportStreetVendingAndGetItsTimeLimit().get("outcome").get("amount").asLong()).isEqualTo(3);

            // With the scenarios updated too, the folder passes the gate and the next case gets 2 working days.
            Files.write(folder.resolve("tests/time-limits.csv"), edit.get("tests/time-limits.csv"));
            await(() -> watcher.lastChange().activated());
        }
        String activated = ruleSets.active().shortVersion();
        assertThat(activated).isNotEqualTo(original).isEqualTo(RuleSetFiles.readFolder(folder).version());
        JsonNode decision = reportStreetVendingAndGetItsTimeLimit();
        assertThat(decision.get("outcome").get("amount").asLong()).isEqualTo(2);
        assertThat(decision.get("ruleSetVersion").asText()).isEqualTo(activated);
        assertThat(decision.get("firedRules").toString()).contains(STREET_VENDING_RULE);
        assertThat(decision.get("explanation").asText())
                .startsWith("时限2个工作日：类别=占道经营，严重程度=一般，来源=日常巡查（经营秩序类一般问题限2个工作日）");
        assertThat(jdbc.sql("select files::text from rule_set where version = :v").param("v", activated)
                .query(String.class).single()).contains("经营秩序类一般问题限2个工作日");
        assertThat(jdbc.sql("select count(*) from rule_set_file where version = :v").param("v", activated)
                .query(Long.class).single()).isEqualTo(ruleSets.active().files().asMap().size());
    }

    @Test
    void aBrokenDrlIsRefusedWithItsLineAndTheOldRulesKeepDeciding() {
        String broken = ruleSets.active().files().text("routing.drl").replace("not RoutingDecision()", "not RoutingDecision(");

        ResponseEntity<JsonNode> response = upload(Map.of("routing.drl", broken.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().get("code").asText()).isEqualTo("rule-set-rejected");
        assertThat(response.getBody().get("detail").asText()).contains("原规则（版本 " + original + "）继续使用", "routing.drl 第");
        assertThat(response.getBody().get("errors").get(0).get("file").asText()).isEqualTo("routing.drl");
        assertThat(response.getBody().get("errors").get(0).get("place").asText()).matches("第\\d+行");
        assertThat(ruleSets.active().shortVersion()).isEqualTo(original);
        long id = api.reportCase(api.patrolReport("NOISE", "GENERAL")).get("id").asLong();
        assertThat(decision(id, "ROUTING").get("ruleSetVersion").asText()).isEqualTo(original);
        assertThat(lastAttempt()).containsEntry("outcome", "REJECTED").containsEntry("attempted_by", "admin");
    }

    @Test
    void aBrokenTableRowIsRefusedWithItsRow() {
        byte[] table = RuleEdits.setTableCell(ruleSets.active().files().bytes("time-limits.xlsx"), "时限 - 乱搭乱建", "时限", "十五");

        ResponseEntity<JsonNode> response = upload(Map.of("time-limits.xlsx", table));

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().get("errors").get(0).get("text").asText())
                .isEqualTo("time-limits.xlsx 第14行“时限”：“十五”不是整数，请只填阿拉伯数字（如 3）");
        assertThat(ruleSets.active().shortVersion()).isEqualTo(original);
        assertThat(engine.activeVersion()).isEqualTo(original);
    }

    @Test
    void aFailingScenarioIsRefusedWithItsRow() {
        byte[] scenarios = RuleEdits.setScenarioCell(ruleSets.active().files().bytes("tests/routing.csv"),
                "行业部门牵头，所在街道配合", "期望配合单位", "无");

        ResponseEntity<JsonNode> response = upload(Map.of("tests/routing.csv", scenarios));

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().get("errors").get(0).get("text").asText())
                .startsWith("tests/routing.csv 第2行「行业部门牵头，所在街道配合」：期望配合单位 无，实际 cxjd");
        assertThat(response.getBody().get("scenarios").get("failed")).hasSize(1);
        assertThat(ruleSets.active().shortVersion()).isEqualTo(original);
    }

    @Test
    void anUploadThatPassesIsActiveAtOnceAndAnOldVersionCanBeActivatedAgain() {
        ResponseEntity<JsonNode> uploaded = upload(RuleEdits.streetVendingLimit(ruleSets.active().files(), 4));
        assertThat(uploaded.getStatusCode().value()).isEqualTo(200);
        String changed = uploaded.getBody().get("version").asText();
        assertThat(uploaded.getBody().get("outcome").asText()).isEqualTo("ACTIVATED");
        assertThat(uploaded.getBody().get("previousVersion").asText()).isEqualTo(original);
        assertThat(uploaded.getBody().get("scenarios").get("failed")).isEmpty();
        assertThat(engine.activeVersion()).isEqualTo(changed);
        assertThat(reportStreetVendingAndGetItsTimeLimit().get("outcome").get("amount").asLong()).isEqualTo(4);
        assertThat(upload(RuleEdits.streetVendingLimit(ruleSets.active().files(), 4)).getBody().get("outcome").asText())
                .as("the same files again").isEqualTo("UNCHANGED");

        ResponseEntity<JsonNode> reactivated = api.post("admin", "/api/admin/rule-sets/" + original + "/activate",
                Map.of("comment", "恢复原时限"));

        assertThat(reactivated.getStatusCode().value()).isEqualTo(200);
        assertThat(reactivated.getBody().get("outcome").asText()).isEqualTo("ACTIVATED");
        assertThat(engine.activeVersion()).isEqualTo(original);
        assertThat(reportStreetVendingAndGetItsTimeLimit().get("outcome").get("amount").asLong()).isEqualTo(3);
        JsonNode overview = api.get("admin", "/api/admin/rule-sets").getBody();
        assertThat(overview.get("active").get("version").asText()).isEqualTo(original);
        assertThat(overview.get("activations").get(0).get("how").asText()).isEqualTo("REACTIVATION");
        assertThat(overview.get("activations").get(0).get("comment").asText()).isEqualTo("恢复原时限");
        assertThat(overview.get("activations").get(0).get("previousVersion").asText()).isEqualTo(changed);
        assertThat(overview.get("versions").findValuesAsText("version")).contains(original, changed);
    }

    @Test
    void whatIfCountsTheOpenCasesWhoseDeadlineWouldChangeAndChangesNothing() {
        for (int i = 0; i < 3; i++) {
            api.reportCase(api.patrolReport("ILLEGAL_BUILDING", "GENERAL"));
        }
        api.reportCase(api.patrolReport("ILLEGAL_BUILDING", "URGENT"));
        long affected = jdbc.sql("""
                select count(*) from rectification_case where category_code = 'ILLEGAL_BUILDING'
                and status not in ('CLOSED', 'REJECTED', 'VOIDED') and severity <> 'URGENT' and rework_count = 0""")
                .query(Long.class).single();
        long open = jdbc.sql("""
                select count(*) from rectification_case where category_code = 'ILLEGAL_BUILDING'
                and status not in ('CLOSED', 'REJECTED', 'VOIDED')""").query(Long.class).single();
        long decisions = jdbc.sql("select count(*) from decision").query(Long.class).single();
        RuleSetFiles files = ruleSets.active().files();
        byte[] table = RuleEdits.setTableCell(files.bytes("time-limits.xlsx"), "时限 - 乱搭乱建", "时限", "10");
        byte[] scenarios = RuleEdits.setScenarioCell(files.bytes("tests/time-limits.csv"), "乱搭乱建限15个工作日", "期望时限", "10个工作日");
        scenarios = RuleEdits.setScenarioCell(scenarios, "国家级检查发现的乱搭乱建时限减半", "期望时限", "5个工作日");

        JsonNode report = multipart(HttpMethod.POST, "/api/admin/rule-sets/what-if?category=ILLEGAL_BUILDING",
                Map.of("time-limits.xlsx", table, "tests/time-limits.csv", scenarios)).getBody();

        assertThat(report.get("candidatePassesGate").asBoolean()).isTrue();
        assertThat(report.get("activeVersion").asText()).isEqualTo(original);
        assertThat(report.get("openCases").asLong()).isEqualTo(open);
        assertThat(affected).isGreaterThanOrEqualTo(3);
        assertThat(report.get("changes").get("时限").asLong()).isEqualTo(affected);
        assertThat(report.get("changes").get("派遣").asLong()).isZero();
        assertThat(report.get("changes").get("升级").asLong()).isZero();
        assertThat(report.get("changedCases").asLong()).isEqualTo(affected);
        assertThat(report.get("timeLimitChangesByCategory").get("乱搭乱建").asLong()).isEqualTo(affected);
        JsonNode change = report.get("sample").get(0).get("changes").get(0);
        assertThat(change.get("what").asText()).isEqualTo("时限");
        assertThat(change.get("before").asText()).isIn("15个工作日", "8个工作日");
        assertThat(change.get("after").asText()).isIn("10个工作日", "5个工作日");
        assertThat(change.get("effect").asText()).contains("不会自动改动");
        assertThat(ruleSets.active().shortVersion()).as("what-if activates nothing").isEqualTo(original);
        assertThat(jdbc.sql("select count(*) from decision").query(Long.class).single()).isEqualTo(decisions);

        JsonNode broken = multipart(HttpMethod.POST, "/api/admin/rule-sets/what-if",
                Map.of("time-limits.xlsx", RuleEdits.setTableCell(table, "时限 - 乱搭乱建", "单位", "周"))).getBody();
        assertThat(broken.get("candidatePassesGate").asBoolean()).isFalse();
        assertThat(broken.get("gateProblems").get(0).get("place").asText()).isEqualTo("第14行“单位”");
    }

    @Test
    void aVersionShowsItsFilesAndWhereEachRuleIsWritten() {
        JsonNode version = api.get("admin", "/api/admin/rule-sets/active").getBody();

        assertThat(version.get("version").asText()).isEqualTo(original);
        assertThat(version.get("active").asBoolean()).isTrue();
        assertThat(version.get("files").findValuesAsText("path"))
                .contains("routing.drl", "routing.xlsx", "time-limits.drl", "time-limits.xlsx", "escalation.xlsx",
                        "penalties.drl", "tests/time-limits.csv");
        assertThat(version.get("rules").toString()).contains("\"rule\":\"时限 - 一般问题\",\"file\":\"time-limits.xlsx\",\"place\":\"第18行\"");
        JsonNode table = find(version.get("files"), "time-limits.xlsx");
        assertThat(table.get("text").asText()).contains("时限 - 一般问题,,（其他类别）,一般,,5,工作日,一般问题限5个工作日");
        assertThat(table.get("generatedDrl").asText()).contains("rule \"时限 - 一般问题\"");

        ResponseEntity<byte[]> xlsx = rest.withBasicAuth("admin", Api.PASSWORD)
                .getForEntity("/api/admin/rule-sets/active/files?path=time-limits.xlsx", byte[].class);
        assertThat(xlsx.getHeaders().getContentType().toString()).startsWith(RuleSetController.XLSX);
        assertThat(Hashes.sha256(xlsx.getBody())).isEqualTo(table.get("sha256").asText());

        JsonNode run = api.post("admin", "/api/admin/rule-sets/" + original + "/scenarios/run", null).getBody();
        assertThat(run.get("total").asInt()).isGreaterThanOrEqualTo(50).isEqualTo(run.get("passed").asInt());
        assertThat(run.get("rulesWithoutScenario")).isEmpty();
    }

    @Test
    void onlyTheAdministratorChangesTheRules() {
        assertThat(api.get("dispatcher", "/api/admin/rule-sets").getStatusCode().value()).isEqualTo(403);
        assertThat(api.post("dispatcher", "/api/admin/rule-sets/" + original + "/activate", null).getStatusCode().value())
                .isEqualTo(403);
        assertThat(api.get("admin", "/api/admin/rule-sets/000000000000").getStatusCode().value()).isEqualTo(404);
    }

    private JsonNode reportStreetVendingAndGetItsTimeLimit() {
        long id = api.reportCase(api.patrolReport("STREET_VENDING", "GENERAL")).get("id").asLong();
        return decision(id, "TIME_LIMIT");
    }

    private JsonNode decision(long caseId, String kind) {
        JsonNode decisions = api.caseDetail(caseId).get("decisions");
        for (JsonNode decision : decisions) {
            if (decision.get("kind").asText().equals(kind)) {
                return decision;
            }
        }
        throw new AssertionError("no " + kind + " decision in " + decisions);
    }

    private Map<String, Object> lastAttempt() {
        return jdbc.sql("select outcome, attempted_by from rule_set_attempt order by id desc limit 1").query().singleRow();
    }

    private ResponseEntity<JsonNode> upload(Map<String, byte[]> files) {
        return multipart(HttpMethod.PUT, "/api/admin/rule-sets", files);
    }

    private ResponseEntity<JsonNode> multipart(HttpMethod method, String path, Map<String, byte[]> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        files.forEach((name, bytes) -> {
            boolean test = name.startsWith("tests/");
            String fileName = test ? name.substring("tests/".length()) : name;
            parts.add(test ? "tests" : "files", org.rectify.support.Api.file(fileName, bytes));
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("admin", Api.PASSWORD).exchange(path, method, new HttpEntity<>(parts, headers),
                JsonNode.class);
    }

    private static JsonNode find(JsonNode files, String path) {
        for (JsonNode file : files) {
            if (file.get("path").asText().equals(path)) {
                return file;
            }
        }
        throw new AssertionError("no file " + path);
    }

    private static void copyRulesFolder(Path target) throws IOException {
        Path source = Path.of("rules");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }

    static List<String> texts(JsonNode array) {
        return array.findValuesAsText("text");
    }
}
