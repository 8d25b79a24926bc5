package org.rectify.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.support.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectify.console.ConsoleSession;
import org.rectify.rules.Sheets;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TasklistSession;
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
 * The task list (三单督查) end to end on the engine's clock: the shipped demo breakdown table, a task's weekly reports,
 * a failed and a passed review into the 业绩清单, the evidence archive, a stalled task up the ladder to the discipline
 * office, and who may see and work which task through every door.
 */
@RectifyIntegrationTest
class TaskListIntegrationTests {

    static final String HEADER = "任务编号,任务内容,完成标准,目标值,测评项目代码,测评项目名称,牵头单位,责任单位,包保领导,完成期限,反馈周期,分值,佐证材料\n";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theShippedDemoBreakdownImportsWithOneBadRowReportedAndAReImportFilesNothingTwice() {
        String breakdown = "演示任务分解表-" + UUID.randomUUID();
        byte[] xlsx = rest.withBasicAuth("dispatcher", "demo").getForEntity("/api/tasks/files/demo-breakdown.xlsx", byte[].class)
                .getBody();
        assertThat(Sheets.read("demo.xlsx", xlsx).get(0)).startsWith("任务编号", "任务内容", "完成标准");

        JsonNode report = importFile("dispatcher", breakdown, "演示任务分解表.xlsx", xlsx).getBody();
        assertThat(report.get("created").asInt()).isEqualTo(30);
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        JsonNode bad = rejected(report).get(0);
        assertThat(bad.get("row").asInt()).isEqualTo(32);
        assertThat(bad.get("taskNo").asText()).isEqualTo("RW-31");
        assertThat(bad.get("reasons").get(0).asText()).contains("牵头单位“高新区旅游局”不在单位名录中");
        assertThat(tasksIn(breakdown)).isEqualTo(30);
        assertThat(jdbc.sql("select count(*) from task t join task_breakdown b on b.id = t.breakdown_id where b.name = :b "
                + "and t.task_no = 'RW-31'").param("b", breakdown).query(Long.class).single()).isZero();

        JsonNode again = importFile("dispatcher", breakdown, "demo-breakdown.csv",
                rest.withBasicAuth("dispatcher", "demo").getForEntity("/api/tasks/files/demo-breakdown.csv", byte[].class)
                        .getBody()).getBody();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(30);
        assertThat(again.get("rejected").asInt()).isEqualTo(1);
        assertThat(tasksIn(breakdown)).as("nothing filed twice").isEqualTo(30);

        assertProblem(new Api(rest).get("cgj-handler", "/api/tasks/files/none.csv"), 404, "没有这个文件");
        ResponseEntity<JsonNode> refused = importFile("cgj-handler", breakdown, "x.csv", xlsx);
        assertProblem(refused, 403, "只有创建办可以导入任务分解表");
    }

    @Test
    void aTaskGoesFromImportThroughTwoWeeklyReportsAFailedAndAPassedReviewIntoThePerformanceListAndItsArchive() throws IOException {
        clock("2026-11-02T09:00:00+08:00");
        String breakdown = "路灯专项-" + UUID.randomUUID();
        String item = "T" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode report = importCsv(breakdown, HEADER
                + "LD-01,星河路路灯补装,主次干道装灯率100%,100%," + item + ",城市道路照明,zjj,cxjd,赵磊,2026-12-31,每周,3,照片、数据\n").getBody();
        assertThat(report.get("created").asInt()).isEqualTo(1);
        long id = taskId(breakdown, "LD-01");
        Api api = new Api(rest);

        assertThat(api.get("zjj-handler", "/api/tasks/" + id).getBody().at("/openSteps/0/name").asText())
                .as("Tasklist names carry the task number and the unit").isEqualTo("[LD-01] 签收任务 · 高新区住房和城乡建设局");
        api.post("zjj-handler", "/api/tasks/" + id + "/acknowledge", "{}");

        clock("2026-11-06T16:00:00+08:00");
        ok(api.post("zjj-handler", "/api/tasks/" + id + "/reports", Map.of("kind", "PROGRESS",
                "text", "本周补装路灯42盏", "figure", "92", "photos", List.of(photo("week1.jpg", Color.ORANGE)))));
        clock("2026-11-13T16:00:00+08:00");
        ok(api.post("zjj-handler", "/api/tasks/" + id + "/reports", Map.of("kind", "PROGRESS",
                "text", "本周补装路灯30盏", "figure", "97")));
        assertProblem(api.post("zjj-handler", "/api/tasks/" + id + "/reports", Map.of("kind", "COMPLETION",
                "text", "已全部完成")), 400, "申报完成须提交佐证材料：照片、完成数值（目标 100%）");

        clock("2026-11-18T10:00:00+08:00");
        ok(api.post("zjj-handler", "/api/tasks/" + id + "/reports", Map.of("kind", "COMPLETION",
                "text", "主次干道路灯全部补装完毕", "figure", "100", "photos", List.of(photo("done.jpg", Color.GREEN)))));
        assertProblem(api.post("zjj-handler", "/api/tasks/" + id + "/review", Map.of("outcome", "PASS")), 403,
                "创建办办理");
        assertProblem(api.post("dispatcher", "/api/tasks/" + id + "/review", Map.of("outcome", "FAIL")), 400,
                "审核不通过须说明理由");
        ok(api.post("dispatcher", "/api/tasks/" + id + "/review", Map.of("outcome", "FAIL",
                "reason", "星河路东段仍有3盏未安装，照片不能反映全貌")));
        JsonNode returned = api.get("zjj-handler", "/api/tasks/" + id).getBody();
        assertThat(returned.at("/task/status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(returned.at("/openSteps/0/key").asText()).isEqualTo("UserTask_Report");
        assertThat(api.get("dispatcher", "/api/tasks/achievements?item=" + item).getBody()).isEmpty();

        clock("2026-11-20T10:00:00+08:00");
        ok(api.post("zjj-handler", "/api/tasks/" + id + "/reports", Map.of("kind", "COMPLETION",
                "text", "星河路东段3盏已安装", "figure", "100", "photos", List.of(photo("east.jpg", Color.BLUE)))));
        ok(api.post("dispatcher", "/api/tasks/" + id + "/review", Map.of("outcome", "PASS")));

        JsonNode done = api.get("dispatcher", "/api/tasks/" + id).getBody();
        assertThat(done.at("/task/status").asText()).isEqualTo("ACHIEVED");
        assertThat(done.at("/task/achievedOnTime").asBoolean()).isTrue();
        assertThat(done.get("history").findValuesAsText("kind")).containsSubsequence("ACKNOWLEDGED", "PROGRESS", "PROGRESS",
                "COMPLETION", "REVIEW", "COMPLETION", "REVIEW", "ACHIEVED");
        assertThat(api.get("dispatcher", "/api/tasks/achievements?item=" + item).getBody().findValuesAsText("taskNo"))
                .containsExactly("LD-01");
        JsonNode readiness = find(api.get("dispatcher", "/api/tasks/items").getBody(), "code", item);
        assertThat(readiness.get("light").asText()).isEqualTo("GREEN");
        assertThat(readiness.get("achieved").asInt()).isEqualTo(1);

        ResponseEntity<byte[]> archive = rest.withBasicAuth("dispatcher", "demo")
                .getForEntity("/api/tasks/items/" + item + "/archive", byte[].class);
        assertThat(archive.getHeaders().getContentType().toString()).startsWith("application/zip");
        Map<String, byte[]> files = unzip(archive.getBody());
        assertThat(files.keySet()).contains("LD-01/week1.jpg", "LD-01/done.jpg", "LD-01/east.jpg", "LD-01/任务档案-LD-01.pdf");
        assertThat(new String(files.get("LD-01/任务档案-LD-01.pdf"), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String indexName = files.keySet().stream().filter(n -> n.startsWith("索引-")).findFirst().orElseThrow();
        List<List<String>> index = Sheets.read(indexName, files.get(indexName));
        assertThat(index.get(0)).startsWith("序号", "任务编号");
        assertThat(index.get(1)).contains("LD-01", "星河路路灯补装", "100%", "按期");
        assertThat(index).hasSize(2);
        assertThat(files.get("LD-01/east.jpg")).isEqualTo(TestImages.jpeg(Color.BLUE));
    }

    @Test
    void aTaskThatDoesNotProgressClimbsTheLadderToTheDisciplineOfficeOnTheWorkingCalendar() {
        clock("2026-11-02T09:00:00+08:00");
        String breakdown = "督办演示-" + UUID.randomUUID();
        importCsv(breakdown, HEADER + "DB-01,松涛社区垃圾分类宣传入户,垃圾分类知晓率90%以上,90%,2.8.1,生活垃圾分类,stsq,,何平,,每周,1,照片、数据\n");
        long id = taskId(breakdown, "DB-01");
        Api api = new Api(rest);
        api.post("stsq-handler", "/api/tasks/" + id + "/acknowledge", "{}");
        String instance = jdbc.sql("select process_instance_id from task where id = :id").param("id", id).query(String.class).single();

        // Weekly, weight 1: due 5 working days after Mon 2 Nov 09:00 = Mon 9 Nov 18:00; warning the working day before
        // (Fri 6 Nov 18:00); urged after 1 working day of grace (Tue 10 Nov 18:00); supervision 3 working days later
        // (Fri 13 Nov 18:00); transfer 5 working days after the urging (Tue 17 Nov 18:00)
        Map<String, Date> timers = probe().timers(instance);
        assertThat(timers).containsEntry("BoundaryEvent_Warning", instant("2026-11-06T18:00:00+08:00"))
                .containsEntry("BoundaryEvent_Urge", instant("2026-11-10T18:00:00+08:00"))
                .containsEntry("BoundaryEvent_Supervise", instant("2026-11-13T18:00:00+08:00"))
                .containsEntry("BoundaryEvent_Transfer", instant("2026-11-17T18:00:00+08:00"));

        clock("2026-11-10T17:59:00+08:00");
        probe().runDueJobs(instance);
        assertThat(probe().ladder(id)).containsExactly("WARNING");
        clock("2026-11-10T18:01:00+08:00");
        probe().runDueJobs(instance);
        clock("2026-11-16T09:00:00+08:00"); // days late: the supervision step still fires, once
        probe().runDueJobs(instance);
        probe().runDueJobs(instance);
        assertThat(probe().ladder(id)).containsExactly("WARNING", "URGING", "SUPERVISION");
        assertThat(new Api(rest).get("leader", "/api/tasks/leaders/me").getStatusCode().value()).isEqualTo(200);

        clock("2026-11-17T18:01:00+08:00");
        probe().runDueJobs(instance);
        assertThat(probe().ladder(id)).containsExactly("WARNING", "URGING", "SUPERVISION", "TRANSFER");
        JsonNode transfers = api.get("discipline", "/api/tasks/transfers").getBody();
        JsonNode transfer = find(transfers, "taskId", String.valueOf(id));
        assertThat(transfer.get("unitCode").asText()).isEqualTo("stsq");
        assertThat(transfer.get("reason").asText()).contains("DB-01", "移交纪工委");
        assertProblem(api.get("stsq-handler", "/api/tasks/transfers"), 403, "只有创建办、督查组和纪工委");

        // the discipline office works it in its own process, as a case (Discipline.transfer): a dossier and a step
        long caseId = transfer.get("caseId").asLong();
        assertThat(api.get("discipline", "/api/discipline/cases/" + caseId + "/dossier").getStatusCode().value()).isEqualTo(200);
        assertThat(taskService.createTaskQuery().processInstanceId(transfer.get("disciplineProcessInstanceId").asText())
                .taskCandidateGroup("discipline").count()).isEqualTo(1);

        // a report starts a new cycle: the ladder starts again from the bottom
        ok(api.post("stsq-handler", "/api/tasks/" + id + "/reports", Map.of("kind", "PROGRESS", "text", "已入户宣传300户",
                "figure", "60")));
        assertThat(api.get("dispatcher", "/api/tasks/" + id).getBody().hasNonNull("ladderStep")).isFalse();

        // a problem found while checking the task becomes a case linked to it (问题清单 ↔ 任务清单)
        ResponseEntity<JsonNode> filed = api.post("supervisor", "/api/tasks/" + id + "/problems",
                api.report("GARBAGE_SORTING", "GENERAL", "SUPERVISION", "stsq-01"));
        assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
        assertThat(api.get("stsq-handler", "/api/tasks/" + id).getBody().get("linkedCases").findValuesAsText("caseNumber"))
                .as("the 任务未落实 case of the transfer, and the problem found").hasSize(2)
                .contains(filed.getBody().get("caseNumber").asText());
        assertProblem(api.post("stsq-handler", "/api/tasks/" + id + "/problems",
                api.report("GARBAGE_SORTING", "GENERAL", "SUPERVISION", "stsq-01")), 403, "只有创建办和督查组");

        // the month's evaluation deducts for the supervision and the transfer, each line naming the task
        clock("2026-12-01T09:00:00+08:00");
        assertThat(api.post("dispatcher", "/api/evaluation/rankings/2026-11/recompute", "{}").getStatusCode().value())
                .isIn(200, 201);
        JsonNode row = find(api.get("dispatcher", "/api/evaluation/rankings/2026-11").getBody().get("rows"), "unitCode", "stsq");
        List<String> lines = new ArrayList<>();
        row.get("lines").forEach(line -> lines.add(line.get("caseNumber").asText() + " " + line.get("rule").asText() + " "
                + line.get("points").asText()));
        assertThat(lines).contains("DB-01 任务被下达督办的，每项扣2分 -2.0", "DB-01 任务被移交纪检监察部门的，每项扣3分 -3.0");
    }

    @Test
    void aUnitSeesAndWorksOnlyItsOwnTasksThroughTheApiAndTheEngine() {
        clock("2026-11-02T09:00:00+08:00");
        String breakdown = "权限-" + UUID.randomUUID();
        importCsv(breakdown, HEADER + "QX-01,翠湖社区道德讲堂,每季度不少于2次,,1.2.2,道德讲堂,chsq,kjcjd,胡军,2026-12-31,每月,1,照片\n");
        long id = taskId(breakdown, "QX-01");
        Api api = new Api(rest);

        assertThat(api.get("chsq-handler", "/api/tasks").getBody().findValuesAsText("taskNo")).contains("QX-01");
        assertThat(api.get("kjcjd-handler", "/api/tasks").getBody().findValuesAsText("taskNo")).as("a co-unit sees it")
                .contains("QX-01");
        assertThat(api.get("jxsq-handler", "/api/tasks").getBody().findValuesAsText("taskNo")).doesNotContain("QX-01");
        assertProblem(api.get("jxsq-handler", "/api/tasks/" + id), 404, "任务不存在");
        assertProblem(api.post("jxsq-handler", "/api/tasks/" + id + "/acknowledge", "{}"), 404, "任务不存在");
        assertProblem(api.post("kjcjd-handler", "/api/tasks/" + id + "/acknowledge", "{}"), 403, "翠湖社区居委会办理");

        ConsoleSession foreignConsole = ConsoleSession.signedIn(port, "jxsq-handler");
        assertThat(foreignConsole.get("/console/tasks").body()).doesNotContain("QX-01");
        assertThat(foreignConsole.get("/console/tasks/" + id).statusCode()).isEqualTo(404);
        assertThat(foreignConsole.submit("/console/tasks", "/console/tasks/" + id + "/acknowledge", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(ConsoleSession.signedIn(port, "chsq-handler").get("/console/tasks").body()).contains("QX-01");

        // units work in Tasklist (its webapp engine API); /engine-rest is for administrators and integration accounts
        String instance = jdbc.sql("select process_instance_id from task where id = :id").param("id", id).query(String.class).single();
        String stepId = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> engineRest = rest.withBasicAuth("chsq-handler", "demo").exchange("/engine-rest/task/" + stepId
                + "/complete", HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
        assertThat(engineRest.getStatusCode().value()).isEqualTo(403);
        assertThat(engineRest.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(api.get("dispatcher", "/api/tasks/" + id).getBody().at("/task/status").asText()).isEqualTo("ASSIGNED");

        TasklistSession foreign = TasklistSession.signedIn(port, "jxsq-handler");
        assertThat(foreign.get(TasklistSession.ENGINE_API + "/task?processInstanceId=" + instance).body()).isEqualTo("[]");
        HttpResponse<String> foreignCompletion = foreign.post("/task/" + stepId + "/complete", "{}");
        assertThat(foreignCompletion.statusCode()).as(foreignCompletion.body()).isIn(403, 404, 500);
        assertThat(api.get("dispatcher", "/api/tasks/" + id).getBody().at("/task/status").asText()).isEqualTo("ASSIGNED");

        TasklistSession own = TasklistSession.signedIn(port, "chsq-handler");
        assertThat(own.get(TasklistSession.ENGINE_API + "/task?processInstanceId=" + instance).body()).contains(stepId);
        HttpResponse<String> undeclared = own.post("/task/" + stepId + "/complete", "{\"variables\":{\"taskId\":{\"value\":1}}}");
        assertThat(undeclared.statusCode()).as(undeclared.body()).isEqualTo(400);
        assertThat(undeclared.body()).contains("不接受以下内容：taskId");
        assertThat(api.get("dispatcher", "/api/tasks/" + id).getBody().at("/task/status").asText()).isEqualTo("ASSIGNED");
        HttpResponse<String> acknowledged = own.post("/task/" + stepId + "/complete", "{}");
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(204);
        JsonNode detail = api.get("chsq-handler", "/api/tasks/" + id).getBody();
        assertThat(detail.at("/task/status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(detail.get("history").findValuesAsText("actor")).contains("chsq-handler");

        // through the engine too, a completion without the required evidence is refused and changes nothing
        String reportStep = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
        HttpResponse<String> bare = own.post("/task/" + reportStep + "/complete", "{\"variables\":{\"reportKind\":"
                + "{\"value\":\"COMPLETION\"},\"reportText\":{\"value\":\"办完了\"}}}");
        assertThat(bare.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(bare.body()).contains("申报完成须提交佐证材料：照片");
        assertThat(api.get("chsq-handler", "/api/tasks/" + id).getBody().at("/task/status").asText()).isEqualTo("IN_PROGRESS");
    }

    // ---- helpers ----

    private ResponseEntity<JsonNode> importCsv(String breakdown, String csv) {
        ResponseEntity<JsonNode> response = importFile("dispatcher", breakdown, "breakdown.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        assertThat(rejected(response.getBody())).as(String.valueOf(response.getBody())).isEmpty();
        return response;
    }

    private ResponseEntity<JsonNode> importFile(String user, String breakdown, String fileName, byte[] bytes) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("breakdown", breakdown);
        body.add("file", org.rectify.support.Api.file(fileName, bytes));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").exchange("/api/tasks/imports", HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private static List<JsonNode> rejected(JsonNode report) {
        List<JsonNode> rows = new ArrayList<>();
        report.get("rows").forEach(r -> {
            if (r.get("outcome").asText().equals("REJECTED")) {
                rows.add(r);
            }
        });
        return rows;
    }

    private long tasksIn(String breakdown) {
        return jdbc.sql("select count(*) from task t join task_breakdown b on b.id = t.breakdown_id where b.name = :b")
                .param("b", breakdown).query(Long.class).single();
    }

    private long taskId(String breakdown, String taskNo) {
        return jdbc.sql("select t.id from task t join task_breakdown b on b.id = t.breakdown_id where b.name = :b and t.task_no = :n")
                .param("b", breakdown).param("n", taskNo).query(Long.class).single();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static void ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
    }

    private static Map<String, String> photo(String name, Color color) {
        return Map.of("fileName", name, "contentBase64", java.util.Base64.getEncoder().encodeToString(TestImages.jpeg(color)));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static void clock(String at) {
        ClockUtil.setCurrentTime(instant(at));
    }

    private static Date instant(String at) {
        return Date.from(OffsetDateTime.parse(at).toInstant());
    }

    private TaskEngineProbe probe() {
        return new TaskEngineProbe(jdbc, managementService);
    }
}
