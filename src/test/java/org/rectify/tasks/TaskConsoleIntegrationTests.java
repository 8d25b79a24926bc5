package org.rectify.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.support.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectify.console.ConsoleSession;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The task list's remaining doors: a task entered by hand in the console (checked as an import row), 包保 leaders named
 * in the console, a problem filed from a task's page, a task that is never acknowledged climbing the ladder on the
 * working calendar (timers days late included) into the discipline office's own process.
 */
@RectifyIntegrationTest
class TaskConsoleIntegrationTests {

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

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCampaignOfficeEntersOneTaskInTheConsoleWithTheImportsChecksAndABadEntryCreatesNothing() {
        clock("2026-11-02T09:00:00+08:00");
        String breakdown = "控制台录入-" + UUID.randomUUID();
        ConsoleSession office = ConsoleSession.signedIn(port, "dispatcher");
        assertThat(office.get("/console/tasks/new").body()).contains("录入任务", "测评项目代码", "佐证材料");

        Map<String, String> bad = entry(breakdown, "LR-01");
        bad.put("leadUnit", "");
        bad.put("target", "很多");
        bad.put("recurrence", "不定期");
        HttpResponse<String> refused = office.submit("/console/tasks/new", "/console/tasks/new", bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("“牵头单位”不能为空", "目标值“很多”应为数字", "value=\"LR-01\"");
        assertThat(tasksIn(breakdown)).isZero();

        HttpResponse<String> entered = office.submit("/console/tasks/new", "/console/tasks/new", entry(breakdown, "LR-01"));
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(302);
        long id = Long.parseLong(entered.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        JsonNode task = new Api(rest).get("ygjd-handler", "/api/tasks/" + id).getBody();
        assertThat(task.at("/task/status").asText()).isEqualTo("ASSIGNED");
        assertThat(task.at("/openSteps/0/name").asText()).isEqualTo("[LR-01] 签收任务 · 云谷街道办事处");
        assertThat(task.get("history").findValuesAsText("text").get(0)).startsWith("在控制台录入任务，下达云谷街道办事处牵头");

        HttpResponse<String> again = office.submit("/console/tasks/new", "/console/tasks/new", entry(breakdown, "LR-01"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("已有编号为“LR-01”的任务");
        assertThat(tasksIn(breakdown)).isEqualTo(1);

        assertThat(ConsoleSession.signedIn(port, "ygjd-handler").submit("/console/tasks", "/console/tasks/new",
                entry(breakdown, "LR-02")).statusCode()).isEqualTo(403);
        Map<String, Object> json = new LinkedHashMap<>(entry(breakdown, "LR-03"));
        json.remove("evidence");
        assertProblem(new Api(rest).post("ygjd-handler", "/api/tasks", json), 403, "只有创建办");
        json.put("deadline", "明年");
        assertProblem(new Api(rest).post("dispatcher", "/api/tasks", json), 400, "完成期限“明年”不是日期");
        json.put("deadline", "2026-12-31");
        assertThat(new Api(rest).post("dispatcher", "/api/tasks", json).getStatusCode().value()).isEqualTo(201);
        assertThat(tasksIn(breakdown)).isEqualTo(2);
    }

    @Test
    void leadersAreNamedInTheConsoleAndTheirPagesShowWhatTheyAnswerFor() {
        clock("2026-11-02T09:00:00+08:00");
        String breakdown = "包保-" + UUID.randomUUID();
        ConsoleSession office = ConsoleSession.signedIn(port, "dispatcher");
        HttpResponse<String> entered = office.submit("/console/tasks/new", "/console/tasks/new", entry(breakdown, "BB-01"));
        long id = Long.parseLong(entered.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        assertThat(ConsoleSession.signedIn(port, "leader").get("/console/tasks/leader").body()).doesNotContain("BB-01");

        HttpResponse<String> assigned = office.submit("/console/tasks/" + id, "/console/tasks/leaders/assignments",
                Map.of("name", "王建国", "target", "TASK:" + id));
        assertThat(assigned.statusCode()).isEqualTo(302);
        // the task's trail names the office's person, not the account
        assertThat(office.get("/console/tasks/" + id).body()).contains("已指定王建国为包保领导", "指定包保领导")
                .containsPattern("<td>[^<]*李娜[^<]*</td>").doesNotContain("<td>dispatcher</td>");
        String leaderPage = ConsoleSession.signedIn(port, "leader").get("/console/tasks/leader").body();
        assertThat(leaderPage).contains("BB-01", "任务：BB-01");
        assertThat(new Api(rest).get("dispatcher", "/api/tasks/" + id).getBody().at("/task/leader").asText()).isEqualTo("王建国");

        String name = "测试领导" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> area = office.submit("/console/tasks/leaders", "/console/tasks/leaders/assignments",
                Map.of("name", name, "title", "区人大副主任", "target", "AREA:ygjd"));
        assertThat(area.statusCode()).isEqualTo(302);
        String page = office.get(area.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "")).body();
        assertThat(page).contains(name, "片区：云谷街道办事处及所属社区", "BB-01");

        HttpResponse<String> street = office.submit("/console/tasks/leaders", "/console/tasks/leaders/assignments",
                Map.of("name", name, "target", "AREA:stsq"));
        assertThat(street.statusCode()).isEqualTo(400);
        assertThat(street.body()).contains("片区应为街道");
        assertProblem(new Api(rest).post("dispatcher", "/api/tasks/leaders/assignments", Map.of("leader", "", "target",
                "UNIT:nope")), 400, "请填写包保领导姓名；单位“nope”不在单位名录中");
        assertProblem(new Api(rest).post("ygjd-handler", "/api/tasks/leaders/assignments", Map.of("leader", "某人",
                "target", "UNIT:cgj")), 403, "只有创建办");
    }

    @Test
    void aProblemFiledFromTheTaskPageBecomesALinkedCaseShownOnTheTaskAndItsItemsReadiness() {
        clock("2026-11-02T09:00:00+08:00");
        String breakdown = "发现问题-" + UUID.randomUUID();
        String item = "P" + UUID.randomUUID().toString().substring(0, 6);
        ConsoleSession office = ConsoleSession.signedIn(port, "dispatcher");
        Map<String, String> fields = entry(breakdown, "WT-01");
        fields.put("itemCode", item);
        long id = Long.parseLong(office.submit("/console/tasks/new", "/console/tasks/new", fields).headers()
                .firstValue("Location").orElseThrow().replaceAll(".*/", ""));

        ConsoleSession supervisor = ConsoleSession.signedIn(port, "supervisor");
        assertThat(supervisor.get("/console/tasks/" + id).body()).contains("发现问题", "立案并关联本任务");
        HttpResponse<String> incomplete = supervisor.submit("/console/tasks/" + id, "/console/tasks/" + id + "/problems",
                Map.of("categoryCode", "GARBAGE_SORTING", "address", " "));
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("请填写问题地点", "请描述发现的问题");
        assertThat(jdbc.sql("select count(*) from task_case where task_id = :t").param("t", id).query(Long.class).single()).isZero();

        HttpResponse<String> filed = supervisor.submit("/console/tasks/" + id, "/console/tasks/" + id + "/problems",
                Map.of("categoryCode", "GARBAGE_SORTING", "severity", "GENERAL", "address", "云谷街道松涛路12号",
                        "description", "分类垃圾桶混投，未见督导员", "requestKey", UUID.randomUUID().toString()));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
        String page = supervisor.get("/console/tasks/" + id).body();
        Matcher number = Pattern.compile("已立案 (ZG-\\d{4}-\\d{6})").matcher(page);
        assertThat(number.find()).as(page).isTrue();
        assertThat(page).contains("任务WT-01检查发现：云谷街道松涛路12号");
        JsonNode readiness = null;
        for (JsonNode node : new Api(rest).get("dispatcher", "/api/tasks/items").getBody()) {
            if (node.get("code").asText().equals(item)) {
                readiness = node;
            }
        }
        assertThat(readiness.get("openProblems").asInt()).isEqualTo(1);
        assertThat(new Api(rest).get("ygjd-handler", "/api/tasks/" + id).getBody().get("linkedCases")
                .findValuesAsText("caseNumber")).containsExactly(number.group(1));
        assertThat(ConsoleSession.signedIn(port, "ygjd-handler").submit("/console/tasks/" + id, "/console/tasks/" + id
                + "/problems", Map.of("categoryCode", "GARBAGE_SORTING", "address", "x", "description", "y")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aTaskNeverAcknowledgedClimbsTheLadderEvenWhenTimersFireDaysLateAndGoesToTheDisciplineOfficesOwnProcess() {
        clock("2026-11-02T09:00:00+08:00");
        String breakdown = "未签收-" + UUID.randomUUID();
        ConsoleSession office = ConsoleSession.signedIn(port, "dispatcher");
        Map<String, String> fields = entry(breakdown, "QS-01");
        fields.put("leadUnit", "stsq");
        fields.put("leader", "何平");
        long id = Long.parseLong(office.submit("/console/tasks/new", "/console/tasks/new", fields).headers()
                .firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        String instance = jdbc.sql("select process_instance_id from task where id = :id").param("id", id).query(String.class).single();

        // issued Mon 2 Nov 09:00: to acknowledge within 2 working days (Wed 4 Nov 18:00), warned the working day
        // before, urged at once, supervised 2 and transferred 4 working days after the urging
        assertThat(probe().timers(instance)).containsEntry("BoundaryEvent_AckWarning", instant("2026-11-03T18:00:00+08:00"))
                .containsEntry("BoundaryEvent_AckUrge", instant("2026-11-04T18:00:00+08:00"))
                .containsEntry("BoundaryEvent_AckSupervise", instant("2026-11-06T18:00:00+08:00"))
                .containsEntry("BoundaryEvent_AckTransfer", instant("2026-11-10T18:00:00+08:00"));

        clock("2026-11-09T10:00:00+08:00"); // the server was down from Tuesday: three steps fall due at once
        probe().runDueJobs(instance);
        assertThat(probe().ladder(id)).containsExactlyInAnyOrder("WARNING", "URGING", "SUPERVISION");
        String supervision = jdbc.sql("select text from task_event where task_id = :id and kind = 'SUPERVISION'")
                .param("id", id).query(String.class).single();
        assertThat(supervision).contains("催办后仍未签收", "限2026年11月11日18时前签收", "抄送包保领导何平",
                "应于2026年11月6日18时执行，实际执行于2026年11月9日10时");
        assertThat(new Api(rest).get("dispatcher", "/api/tasks/" + id).getBody().get("ladderStep").asText())
                .isEqualTo("SUPERVISION");

        clock("2026-11-10T18:01:00+08:00");
        probe().runDueJobs(instance);
        assertThat(probe().ladder(id)).hasSize(4).endsWith("TRANSFER");
        Map<String, Object> transfer = jdbc.sql("select case_id, discipline_process_instance_id from task_transfer where task_id = :id")
                .param("id", id).query().singleRow();
        long caseId = ((Number) transfer.get("case_id")).longValue();
        String disciplineInstance = (String) transfer.get("discipline_process_instance_id");

        // the discipline office sees it as it sees a case: its inbox (a Tasklist step for the group) and the dossier
        assertThat(taskService.createTaskQuery().processInstanceId(disciplineInstance).taskCandidateGroup("discipline")
                .list()).hasSize(1);
        JsonNode dossier = new Api(rest).get("discipline", "/api/discipline/cases/" + caseId + "/dossier").getBody();
        assertThat(dossier.toString()).contains("任务未落实：QS-01", "松涛社区居委会");
        assertThat(new Api(rest).get("stsq-handler", "/api/tasks/" + id).getBody().get("linkedCases")
                .findValuesAsText("id")).contains(String.valueOf(caseId));
        assertThat(office.get("/console/tasks/" + id).body()).contains("问责卷宗（案件）", "/console/cases/" + caseId);

        // still not acknowledged: the unit can acknowledge, and the reporting cycle starts its own ladder
        new Api(rest).post("stsq-handler", "/api/tasks/" + id + "/acknowledge", "{}");
        assertThat(probe().timers(instance)).containsKey("BoundaryEvent_Warning").doesNotContainKey("BoundaryEvent_AckTransfer");
    }

    // ---- helpers ----

    private static Map<String, String> entry(String breakdown, String taskNo) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("breakdown", breakdown);
        fields.put("taskNo", taskNo);
        fields.put("content", "松涛路沿街垃圾分类督导");
        fields.put("standard", "沿街商户分类投放准确率90%以上");
        fields.put("target", "90%");
        fields.put("itemCode", "2.8.1");
        fields.put("itemName", "生活垃圾分类");
        fields.put("leadUnit", "ygjd");
        fields.put("coUnits", "stsq");
        fields.put("leader", "");
        fields.put("deadline", "");
        fields.put("recurrence", "每周");
        fields.put("weight", "2");
        fields.put("evidence", "照片");
        return fields;
    }

    private long tasksIn(String breakdown) {
        return jdbc.sql("select count(*) from task t join task_breakdown b on b.id = t.breakdown_id where b.name = :b")
                .param("b", breakdown).query(Long.class).single();
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
