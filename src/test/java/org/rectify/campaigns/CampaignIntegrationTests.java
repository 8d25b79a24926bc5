package org.rectify.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.support.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.Api;
import org.rectify.support.EngineJobs;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
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

/**
 * Campaigns on the real engine and database: creating one, importing an inspection list with good and bad rows,
 * importing it again, the clearance-date cap on deadlines, the escalation when the clearance date passes, the
 * board. Dates are on the 2026 calendar (Monday 14 September 2026, 10:00 Beijing time).
 */
@RectifyIntegrationTest
class CampaignIntegrationTests {

    static final String NOW = "2026-09-14T10:00:00+08:00";
    static final String HEADER = "序号,问题类别,位置,问题描述,照片文件名,严重程度,建议责任单位,网格\n";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ClearanceEscalation escalation;
    @Autowired
    ListImports imports;
    @Autowired
    CampaignStore campaignStore;
    @Autowired
    CampaignStore campaigns;
    @Autowired
    org.rectify.security.CurrentUsers currentUsers;
    @Autowired
    ProcessEngine engine;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(NOW).toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anImportReportsEachBadRowStoresNothingOfItAndAReImportAddsNothingTwice() {
        long campaign = campaign("省级复审问题清单（导入）", "2026-09-30");
        String csv = "\uFEFF" + HEADER
                + "1,占道经营,创新大道88号东侧人行道,水果摊占道经营,1-1.jpg,一般,高新区城市管理局,xhsq-01\n"
                + "2,飞碟降落,科技城路1号,不明类别,无,一般,,jxsq-01\n"
                + "3,小广告,云谷路5号公交站,站台张贴小广告,无,很重,,qysq-01\n"
                + "4,楼道杂物,星河小区3栋2单元,楼道堆放杂物,4.jpg、4-2.png,较重,,\n"
                + "1,噪声扰民,重复的序号,重复,无,一般,,\n";

        JsonNode report = importAndWait(campaign, "清单.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.get("state").asText()).isEqualTo("DONE");
        assertThat(report.get("totalRows").asInt()).isEqualTo(5);
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(3);
        JsonNode rows = report.get("rows");
        assertThat(rows.get(0).get("outcome").asText()).isEqualTo("IMPORTED");
        assertThat(rows.get(1).get("message").asText()).contains("第3行", "问题类别“飞碟降落”不存在");
        assertThat(rows.get(2).get("message").asText()).contains("第4行", "严重程度“很重”无效");
        assertThat(rows.get(4).get("message").asText()).contains("第6行", "序号“1”与第2行重复");
        assertThat(rows.get(3).get("outcome").asText()).isEqualTo("IMPORTED");
        assertThat(casesOf(campaign)).isEqualTo(2);
        assertThat(jdbc.sql("select item_no from campaign_item where campaign_id = :c order by item_no")
                .param("c", campaign).query(String.class).list()).containsExactly("1", "4");

        long caseId = rows.get(0).get("caseId").asLong();
        JsonNode detail = api.caseDetail(caseId);
        assertThat(detail.get("source").asText()).isEqualTo("PROVINCIAL_INSPECTION");
        assertThat(detail.at("/leadUnit/code").asText()).isEqualTo("cgj");

        JsonNode again = importAndWait(campaign, "清单.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(2);
        assertThat(again.get("rows").get(0).get("message").asText()).contains("已于先前导入为案件", "未重复导入");
        assertThat(casesOf(campaign)).as("nothing twice").isEqualTo(2);
    }

    @Test
    void theShippedDemoListImportsFortyNineItemsAndNamesItsOneBadRow() {
        long campaign = campaign("演示：省级创卫复审问题清单", "2026-10-30");
        JsonNode report = importAndWait(campaign, "演示问题清单.xlsx", ListFiles.xlsx(ListFiles.DEMO));

        assertThat(report.get("totalRows").asInt()).isEqualTo(50);
        assertThat(report.get("imported").asInt()).isEqualTo(49);
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        JsonNode bad = report.get("rows").get(36);
        assertThat(bad.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(bad.get("message").asText()).isEqualTo("第38行（序号 37）：问题类别“共享单车乱停放”不存在");
        assertThat(jdbc.sql("select count(*) from campaign_item where campaign_id = :c and item_no = '37'")
                .param("c", campaign).query(Long.class).single()).isZero();
        assertThat(casesOf(campaign)).isEqualTo(49);
        assertThat(jdbc.sql("select photo_file_names from campaign_item where campaign_id = :c and item_no = '4'")
                .param("c", campaign).query(String.class).single()).isEqualTo("QD004-1.jpg、QD004-2.jpg");
    }

    @Test
    void aListSavedByExcelInGbkIsReadToo() {
        long campaign = campaign("GBK 编码清单", "2026-10-30");
        JsonNode report = importAndWait(campaign, "gbk.csv", (HEADER + "1,门前三包,云谷大道96号,门前卫生脏乱,无,一般,,qysq-01\n")
                .getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThat(report.get("imported").asInt()).as("%s", report).isEqualTo(1);
        assertThat(api.caseDetail(report.get("rows").get(0).get("caseId").asLong()).at("/category/code").asText())
                .isEqualTo("THREE_GUARANTEES");
    }

    @Test
    void badInputIsRefusedInChineseAndStoresNothing() {
        long before = jdbc.sql("select count(*) from campaign").query(Long.class).single();
        assertProblem(api.post("dispatcher", "/api/campaigns", Map.of("name", "x", "sourceLevel", "省级",
                "clearanceDate", "2026-09-30", "categories", List.of("飞碟降落"))), 400, "问题类别“飞碟降落”不存在");
        assertProblem(api.post("dispatcher", "/api/campaigns", Map.of("name", "x", "sourceLevel", "省级",
                "clearanceDate", "2026-13-45")), 400, "不是有效的日期");
        assertProblem(api.post("dispatcher", "/api/campaigns", Map.of("name", "x", "sourceLevel", "外星",
                "clearanceDate", "2026-09-30")), 400, "问题来源级别");
        assertProblem(api.post("patrol", "/api/campaigns", Map.of("name", "x", "sourceLevel", "省级",
                "clearanceDate", "2026-09-30")), 403, "创建办");
        assertThat(jdbc.sql("select count(*) from campaign").query(Long.class).single()).isEqualTo(before);

        long campaign = campaign("错误文件测试", "2026-09-30");
        long imports = jdbc.sql("select count(*) from campaign_import").query(Long.class).single();
        assertProblem(upload("dispatcher", campaign, "清单.xlsx", "这不是工作簿".getBytes(StandardCharsets.UTF_8)), 400,
                "不是有效的 .xlsx");
        assertProblem(upload("dispatcher", campaign, "清单.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8)), 400,
                "只能导入 .xlsx 或 .csv");
        assertProblem(upload("dispatcher", campaign, "清单.csv", "编号,内容\n1,x\n".getBytes(StandardCharsets.UTF_8)), 400,
                "问题清单缺少列");
        assertProblem(upload("patrol", campaign, "清单.csv", (HEADER + "1,小广告,某处,某事,无,一般,,\n")
                .getBytes(StandardCharsets.UTF_8)), 403, "创建办");
        assertThat(jdbc.sql("select count(*) from campaign_import").query(Long.class).single()).isEqualTo(imports);
        assertThat(casesOf(campaign)).isZero();
    }

    @Test
    void deadlinesInsideACampaignNeverPassItsClearanceDate() {
        long campaign = campaign("乱搭乱建专项整治", "2026-09-16");
        // ILLEGAL_BUILDING has 15 working days, halved for a provincial inspection to 8: well past Wednesday 16th.
        JsonNode report = importAndWait(campaign, "清单.csv", (HEADER
                + "1,乱搭乱建,科技城路9号楼顶,楼顶违章搭建彩钢棚,无,一般,,jxsq-02\n"
                + "2,路灯不亮,云谷路中段,路灯不亮,无,一般,,\n").getBytes(StandardCharsets.UTF_8));
        JsonNode building = api.caseDetail(report.get("rows").get(0).get("caseId").asLong());
        assertThat(OffsetDateTime.parse(building.get("deadline").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-09-16T23:59:59+08:00"));
        JsonNode decision = timeLimitDecision(building);
        assertThat(decision.get("explanation").asText()).contains("清零时限封顶", "不得超过清零时限");
        assertThat(decision.get("firedRules").toString()).contains("时限 - 专项整治的问题不得超过清零时限");

        // STREET_LIGHT: 2 working days halved to 1 → the end of Tuesday 15th, before the clearance date: not capped.
        JsonNode light = api.caseDetail(report.get("rows").get(1).get("caseId").asLong());
        assertThat(OffsetDateTime.parse(light.get("deadline").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-09-15T18:00:00+08:00"));
        assertThat(timeLimitDecision(light).get("explanation").asText()).doesNotContain("封顶").endsWith("未超过清零时限");

        // Nor does an extension reach past it.
        long buildingId = building.get("id").asLong();
        act(handler(buildingId), buildingId, "accept", null);
        assertProblem(api.post(handler(buildingId), "/api/cases/" + buildingId + "/extension-request",
                Map.of("until", "2026-09-18", "reason", "需协调产权单位")), 400, "不得超过清零时限");
    }

    @Test
    void whenTheClearanceDatePassesEveryUnclearedItemIsTransferredOnceAndClearedOnesAreLeftAlone() {
        long campaign = campaign("国家卫生城市复审问题清单", "2026-09-30 18:00");
        JsonNode report = importAndWait(campaign, "清单.csv", (HEADER
                + "1,占道经营,创新大道1号,占道经营,无,一般,,xhsq-01\n"
                + "2,小广告,创新大道2号,小广告,无,一般,,xhsq-02\n"
                + "3,占道经营,科技城路3号,占道经营,无,较重,,jxsq-01\n").getBytes(StandardCharsets.UTF_8));
        long closed = report.get("rows").get(0).get("caseId").asLong();
        long accepted = report.get("rows").get(1).get("caseId").asLong();
        long untouched = report.get("rows").get(2).get("caseId").asLong();
        act(handler(closed), closed, "accept", null);
        act(handler(closed), closed, "rectification", rectification());
        act("supervisor", closed, "verification", Map.of("outcome", "PASS", "comment", "现场已整改"));
        act(handler(accepted), accepted, "accept", null);

        JsonNode board = api.get("dispatcher", "/api/campaigns/" + campaign + "/board").getBody();
        assertThat(board.at("/total/total").asInt()).isEqualTo(3);
        assertThat(board.at("/total/cleared").asInt()).isEqualTo(1);
        assertThat(board.at("/total/inProgress").asInt()).isEqualTo(2);
        assertThat(board.at("/total/overdue").asInt()).isZero();
        int byUnit = 0;
        for (JsonNode unit : board.get("byUnit")) {
            byUnit += unit.get("total").asInt();
        }
        assertThat(byUnit).isEqualTo(3);
        assertThat(board.get("byStreet").findValuesAsText("name")).contains("创新街道办事处", "科技城街道办事处");
        assertThat(board.at("/projection/text").asText()).contains("预计", "清零");
        assertThat(board.get("atRisk").findValuesAsText("reason")).as("the item due Wednesday; the one due Thursday 18:00 is further than 3 days").containsExactly("3天内到期");

        String processInstance = jdbc.sql("select process_instance_id from campaign where id = :id").param("id", campaign)
                .query(String.class).single();
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-09-30T17:59:00+08:00").toInstant()));
        assertThat(dueJobs(processInstance)).as("not before the clearance date").isEmpty();

        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-10-09T09:00:00+08:00").toInstant()));
        List<Job> due = dueJobs(processInstance);
        assertThat(due).hasSize(1);
        managementService.executeJob(due.get(0).getId());
        List<Job> perItem = dueJobs(processInstance);
        assertThat(perItem).as("one job, one transaction for each of the two open items").hasSize(2);
        perItem.forEach(job -> managementService.executeJob(job.getId()));
        dueJobs(processInstance).forEach(job -> managementService.executeJob(job.getId()));

        for (long open : List.of(accepted, untouched)) {
            assertThat(steps(open)).containsExactly("ESCALATION_WARNING", "ESCALATION_URGING", "ESCALATION_SUPERVISION",
                    "ESCALATION_TRANSFER");
            assertThat(lastTransferTrigger(open)).isEqualTo("CLEARANCE_DATE_PASSED");
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("discipline")
                    .processInstanceBusinessKey(api.caseDetail(open).get("caseNumber").asText() + "-JJ1").count()).isEqualTo(1);
        }
        assertThat(steps(closed)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstance).count())
                .as("the campaign's process has ended").isZero();

        // A retried job or another node finds every step taken.
        for (long open : List.of(accepted, untouched)) {
            assertThat(escalation.escalate(campaignStore.require(campaign), open,
                    OffsetDateTime.parse("2026-10-09T09:05:00+08:00"))).isFalse();
        }
        assertThat(steps(accepted)).hasSize(4);
        assertThat(steps(untouched)).hasSize(4);
        JsonNode after = api.get("dispatcher", "/api/campaigns/" + campaign + "/board").getBody();
        assertThat(after.at("/total/overdue").asInt()).isEqualTo(2);
        assertThat(after.get("atRisk").findValuesAsText("reason")).containsExactly("已超期", "已超期");
    }

    @Test
    void theDemoClockMovesOnlyForAnAdmin() {
        ClockUtil.reset();
        assertProblem(api.post("dispatcher", "/api/demo/clock", Map.of("at", "2027-01-04T09:00:00+08:00")), 403, "管理员");
        assertProblem(api.post("admin", "/api/demo/clock", Map.of("at", "下周一")), 400, "格式不正确");
        JsonNode moved = api.post("admin", "/api/demo/clock", Map.of("at", "2027-01-04T09:00:00+08:00")).getBody();
        assertThat(OffsetDateTime.parse(moved.get("now").asText()))
                .isBetween(OffsetDateTime.parse("2027-01-04T08:59:59+08:00"), OffsetDateTime.parse("2027-01-04T09:05:00+08:00"));
        rest.withBasicAuth("admin", Api.PASSWORD).delete("/api/demo/clock");
        assertThat(ClockUtil.getCurrentTime()).isCloseTo(new Date(), 60_000);
    }

    // ---- helpers ----

    @Test
    void anImportIsFiledByEngineJobsThatAnyNodeMayRunAndFinishesWhereItStopped() {
        long done = campaign("省级复审问题清单（中断前）", "2026-09-30");
        String csv = HEADER + "1,占道经营,创新大道1号,占道经营,无,一般,,xhsq-01\n"
                + "2,小广告,云谷路2号,小广告,无,一般,,qysq-01\n"
                + "3,楼道杂物,星河小区1栋,楼道杂物,无,一般,,xhsq-02\n";
        long finished = importAndWait(done, "清单.csv", csv.getBytes(StandardCharsets.UTF_8)).get("id").asLong();
        // A node stopped while filing an import: its rows wait, pending, and its batch is a job in the engine's
        // table, which any node's job executor takes once the stopped node's lock has expired.
        long campaign = campaign("省级复审问题清单（中断）", "2026-09-30");
        long abandoned = jdbc.sql("""
                insert into campaign_import (campaign_id, file_name, file_sha256, state, total_rows, rows_done,
                    started_by, started_at, updated_at)
                values (:campaign, '清单.csv', 'x', 'RUNNING', 3, 0, 'dispatcher', :at, :at) returning id""")
                .param("campaign", campaign).param("at", OffsetDateTime.parse(NOW)).query(Long.class).single();
        jdbc.sql("""
                insert into campaign_import_row (import_id, row_number, item_no, outcome, data)
                select :abandoned, row_number, item_no, 'PENDING', data from campaign_import_row where import_id = :finished""")
                .param("abandoned", abandoned).param("finished", finished).update();
        imports.startProcess(abandoned, campaign, 3);
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("import-" + abandoned)
                .singleResult().getId();
        assertThat(managementService.createJobQuery().processInstanceId(instance).count())
                .as("the batch waits as an engine job, not in a node's memory").isEqualTo(1);

        JsonNode report = waitFor(campaign, abandoned, Duration.ofMinutes(1));
        assertThat(report.get("state").asText()).isEqualTo("DONE");
        assertThat(report.get("imported").asInt()).isEqualTo(3);
        assertThat(casesOf(campaign)).isEqualTo(3);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
                .as("the import process has ended").isZero();
    }

    @Test
    void twoRunsOfTheSameImportAtOnceFileAndCountEachRowOnce() throws Exception {
        // A batch's job retried on another node while the first node, taken for stopped, still runs it: two runs
        // file the same pending rows at the same time.
        long done = campaign("省级复审问题清单（两次续导前）", "2026-09-30");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 6; i++) {
            csv.append(i).append(",小广告,云谷路").append(i).append("号,小广告,无,一般,,qysq-01\n");
        }
        long finished = importAndWait(done, "清单.csv", csv.toString().getBytes(StandardCharsets.UTF_8)).get("id").asLong();
        long campaign = campaign("省级复审问题清单（两次续导）", "2026-09-30");
        long importId = jdbc.sql("""
                insert into campaign_import (campaign_id, file_name, file_sha256, state, total_rows, rows_done,
                    started_by, started_at, updated_at)
                values (:campaign, '清单.csv', 'x', 'RUNNING', 6, 0, 'dispatcher', :at, :at) returning id""")
                .param("campaign", campaign).param("at", OffsetDateTime.parse(NOW)).query(Long.class).single();
        jdbc.sql("""
                insert into campaign_import_row (import_id, row_number, item_no, outcome, data)
                select :id, row_number, item_no, 'PENDING', data from campaign_import_row where import_id = :finished""")
                .param("id", importId).param("finished", finished).update();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        Runnable run = () -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            imports.run(importId);
        };
        var first = java.util.concurrent.CompletableFuture.runAsync(run);
        var second = java.util.concurrent.CompletableFuture.runAsync(run);
        start.countDown();
        first.get(1, java.util.concurrent.TimeUnit.MINUTES);
        second.get(1, java.util.concurrent.TimeUnit.MINUTES);

        JsonNode report = api.get("dispatcher", "/api/campaigns/" + campaign + "/imports/" + importId).getBody();
        assertThat(report.get("state").asText()).isEqualTo("DONE");
        assertThat(report.get("rowsDone").asInt()).as("%s", report).isEqualTo(6);
        assertThat(report.get("imported").asInt()).isEqualTo(6);
        assertThat(report.get("alreadyImported").asInt()).isZero();
        assertThat(report.get("rows").findValuesAsText("outcome")).containsOnly("IMPORTED");
        assertThat(casesOf(campaign)).isEqualTo(6);
    }

    long campaign(String name, String clearance) {
        ResponseEntity<JsonNode> created = api.post("dispatcher", "/api/campaigns", Map.of("name", name,
                "sourceLevel", "省级", "startsOn", "2026-09-10", "clearanceDate", clearance));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return created.getBody().get("id").asLong();
    }

    JsonNode importAndWait(long campaign, String fileName, byte[] bytes) {
        ResponseEntity<JsonNode> started = upload("dispatcher", campaign, fileName, bytes);
        assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(202);
        return waitFor(campaign, started.getBody().get("id").asLong(), Duration.ofMinutes(2));
    }

    /**
     * The import's status once it is no longer running, or as it stands when the timeout passes. Its batches are
     * engine jobs, run here as a node's job executor would run them (the tests' job executor is off).
     */
    JsonNode waitFor(long campaign, long importId, Duration timeout) {
        Supplier<JsonNode> status = () -> api.get("dispatcher", "/api/campaigns/" + campaign + "/imports/" + importId)
                .getBody();
        try {
            return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        EngineJobs.runNext(engine, "import-" + importId);
                        return status.get();
                    }, s -> !s.get("state").asText().equals("RUNNING"));
        } catch (ConditionTimeoutException stillRunning) {
            return status.get();
        }
    }

    ResponseEntity<JsonNode> upload(String user, long campaign, String fileName, byte[] bytes) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", org.rectify.support.Api.file(fileName, bytes));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, Api.PASSWORD).exchange("/api/campaigns/" + campaign + "/imports",
                HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    long casesOf(long campaign) {
        return jdbc.sql("select count(*) from rectification_case where campaign_id = :c").param("c", campaign)
                .query(Long.class).single();
    }

    JsonNode timeLimitDecision(JsonNode detail) {
        for (JsonNode d : detail.get("decisions")) {
            if (d.get("kind").asText().equals("TIME_LIMIT")) {
                return d;
            }
        }
        throw new AssertionError("no time-limit decision in " + detail);
    }

    List<Job> dueJobs(String processInstance) {
        return managementService.createJobQuery().processInstanceId(processInstance).executable().list();
    }

    List<String> steps(long id) {
        List<String> steps = new ArrayList<>();
        for (JsonNode event : api.caseDetail(id).get("history")) {
            if (event.get("action").asText().startsWith("ESCALATION_")) {
                steps.add(event.get("action").asText());
            }
        }
        return steps;
    }

    String lastTransferTrigger(long id) {
        String trigger = null;
        for (JsonNode event : api.caseDetail(id).get("history")) {
            if (event.get("action").asText().equals("ESCALATION_TRANSFER")) {
                trigger = event.at("/details/trigger").asText();
            }
        }
        return trigger;
    }

    String handler(long caseId) {
        return api.caseDetail(caseId).at("/leadUnit/code").asText() + "-handler";
    }

    JsonNode act(String user, long id, String action, Object body) {
        ResponseEntity<JsonNode> response = api.post(user, "/api/cases/" + id + "/" + action, body);
        assertThat(response.getStatusCode().value()).as("%s %s: %s", user, action, response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    static Map<String, Object> rectification() {
        return Map.of("note", "已整改", "photos", List.of(Map.of("fileName", "after.png",
                "contentBase64", java.util.Base64.getEncoder().encodeToString(TestImages.png(Color.GREEN)))));
    }
}
