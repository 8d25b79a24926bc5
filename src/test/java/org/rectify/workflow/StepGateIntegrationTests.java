package org.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.support.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.shared.AuditedAct;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TasklistSession;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One gate for every case step, whatever the door: the API, Camunda's /engine-rest and a real Tasklist session. A
 * completion of one's own task cannot reach another case (open, closed or voided) by sending its caseId, may send
 * only what its form declares, is refused for another unit's task or someone else's claim, loses cleanly to a
 * simultaneous one, and never lets the person who did the work verify it. Every refusal is in the audit trail.
 */
@RectifyIntegrationTest
class StepGateIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ConfigurableApplicationContext context;
    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    final List<AuditedAct> audited = new CopyOnWriteArrayList<>();
    final ApplicationListener<PayloadApplicationEvent<AuditedAct>> auditTrail = event -> audited.add(event.getPayload());
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        // The REST API finds its engine in a JVM-wide registry by name: make sure it is this context's engine.
        ProcessEngines.registerProcessEngine(processEngine);
        context.addApplicationListener(auditTrail);
    }

    @AfterEach
    void tearDown() {
        context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(auditTrail);
    }

    @Test
    void aTaskOfAnotherProcessNamedLikeACaseStepIsNotGivenThatStepsForm() throws Exception {
        // Another process whose user task has the case process's verify key: keyed by task key alone, the gate took
        // it for 核查验收 (and refused it as belonging to no case) and would accept verificationOutcome from it.
        BpmnModelInstance other = Bpmn.createExecutableProcess("gateTestOtherProcess").name("同名环节测试")
                .camundaHistoryTimeToLive(1).startEvent().userTask(ProcessVariables.TASK_VERIFY).name("核查验收")
                .camundaCandidateGroups("camunda-admin").endEvent().done();
        Deployment deployment = processEngine.getRepositoryService().createDeployment().name("gate-test-other")
                .addModelInstance("gate-test-other.bpmn", other).deploy();
        try {
            String instance = processEngine.getRuntimeService().startProcessInstanceByKey("gateTestOtherProcess")
                    .getId();
            String task = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
            TasklistSession admin = TasklistSession.signedIn(port, "admin");

            HttpResponse<String> asVerify = admin.post("/task/" + task + "/complete",
                    variables(Map.of("verificationOutcome", "PASS")));
            assertThat(asVerify.statusCode()).as(asVerify.body()).isEqualTo(400);
            assertThat(asVerify.body()).contains("没有声明可提交的内容").contains("verificationOutcome");
            assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);

            HttpResponse<String> plain = admin.post("/task/" + task + "/complete", "{}");
            assertThat(plain.statusCode()).as(plain.body()).isEqualTo(204);
            assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance)
                    .count()).isZero();
        } finally {
            processEngine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
        assertThat(new CaseStep.Declarations().formOf("gateTestOtherProcess", ProcessVariables.TASK_VERIFY)).isEmpty();
        assertThat(new CaseStep.Declarations().formOf(ProcessVariables.PROCESS_KEY, ProcessVariables.TASK_VERIFY))
                .isPresent();
    }

    @Test
    void throughTasklistAHandlerCannotReachAnotherUnitsCaseNorAClosedOrVoidedOneByItsCaseId() throws Exception {
        long own = report("STREET_VENDING");
        long otherUnits = report("ILLEGAL_PARKING");
        long closed = closedCase();
        long voided = voidedCase();
        TasklistSession cgj = TasklistSession.signedIn(port, "cgj-handler");
        String task = openTask(own);

        for (long other : List.of(otherUnits, closed, voided)) {
            JsonNode before = api.caseDetail(other);
            HttpResponse<String> answer = cgj.post("/task/" + task + "/complete", variables(Map.of(
                    "acceptOutcome", "ACCEPT", "caseId", other)));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("caseId").contains("不接受");
            assertThat(json.readTree(answer.body()).get("message").asText()).as("Tasklist shows Camunda's message")
                    .contains("caseId");
            assertUnchanged(other, before);
        }
        HttpResponse<String> submitForm = cgj.post("/task/" + task + "/submit-form", variables(Map.of(
                "acceptOutcome", "ACCEPT", "leadUnit", "jjdd")));
        assertThat(submitForm.statusCode()).as(submitForm.body()).isEqualTo(400);
        assertThat(submitForm.body()).contains("leadUnit");
        assertThat(api.caseDetail(own).get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
        assertThat(audited).filteredOn(act -> act.caseId() != null && act.caseId() == own)
                .filteredOn(act -> act.outcome() == AuditedAct.Outcome.REFUSED && act.actor().equals("cgj-handler")
                        && act.action().equals("case.accept"))
                .hasSize(4).allSatisfy(act -> assertThat(act.detail()).contains("不接受"));

        HttpResponse<String> accepted = cgj.post("/task/" + task + "/submit-form", variables(Map.of(
                "acceptOutcome", "ACCEPT")));
        assertThat(accepted.statusCode()).as(accepted.body()).isBetween(200, 204);
        JsonNode detail = api.caseDetail(own);
        assertThat(detail.get("status").asText()).isEqualTo("IN_RECTIFICATION");
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task).singleResult().getAssignee())
                .as("completing an unclaimed task claims it for the actor").isEqualTo("cgj-handler");
        assertThat(audited).anyMatch(act -> act.outcome() == AuditedAct.Outcome.DONE && act.caseId() == own
                && act.action().equals("case.accept") && act.actor().equals("cgj-handler"));
    }

    @Test
    void aFormFieldTheStepDoesNotDeclareIsRefusedAndChangesNothing() {
        long id = report("STREET_VENDING");
        TasklistSession cgj = TasklistSession.signedIn(port, "cgj-handler");
        HttpResponse<String> answer = cgj.post("/task/" + openTask(id) + "/complete", variables(Map.of(
                "acceptOutcome", "ACCEPT", "verificationOutcome", "PASS")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("verificationOutcome").contains("acceptOutcome、returnReason");
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
    }

    @Test
    void aHandlerOfAnotherUnitCannotClaimOrCompleteTheTask() {
        long id = report("STREET_VENDING");
        String task = openTask(id);
        TasklistSession jjdd = TasklistSession.signedIn(port, "jjdd-handler");

        HttpResponse<String> claim = jjdd.post("/task/" + task + "/claim", "{\"userId\":\"jjdd-handler\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
        assertThat(claim.body()).contains("城市管理局").contains("无权办理");
        HttpResponse<String> complete = jjdd.post("/task/" + task + "/complete", variables(Map.of("acceptOutcome", "ACCEPT")));
        assertThat(complete.statusCode()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
    }

    @Test
    void aTaskClaimedBySomeoneElseIsRefusedAndOnlyOneOfTwoSimultaneousCompletionsWins() throws Exception {
        long claimed = report("STREET_VENDING");
        taskService.claim(openTask(claimed), "admin");
        assertProblem(api.post("cgj-handler", "/api/cases/" + claimed + "/accept", null), 409, "已由 admin 认领");
        TasklistSession cgj = TasklistSession.signedIn(port, "cgj-handler");
        HttpResponse<String> viaTasklist = cgj.post("/task/" + openTask(claimed) + "/unclaim", "");
        assertThat(viaTasklist.statusCode()).as("unclaiming someone else's task").isEqualTo(403);

        long id = report("STREET_VENDING");
        String task = openTask(id);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> viaApi = () -> {
                start.await();
                return api.post("cgj-handler", "/api/cases/" + id + "/accept", null).getStatusCode().value();
            };
            Callable<Integer> viaTasklistForm = () -> {
                start.await();
                return cgj.post("/task/" + task + "/complete", variables(Map.of("acceptOutcome", "ACCEPT"))).statusCode();
            };
            List<Future<Integer>> answers = List.of(pool.submit(viaApi), pool.submit(viaTasklistForm));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).as("one wins, the other is told the case moved on").containsAnyOf(200, 204)
                    .contains(409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.caseDetail(id).get("history").findValuesAsText("action")).containsOnlyOnce("ACCEPTED");
    }

    @Test
    void whoeverAcceptedACaseNeverVerifiesItNotEvenAnAdministratorAtAnyDoor() {
        long id = report("STREET_VENDING");
        act("admin", id, "accept", null);
        act("cgj-handler", id, "rectification", rectification());

        assertProblem(api.post("admin", "/api/cases/" + id + "/verification", Map.of("outcome", "PASS")), 403,
                "签收或整改过");
        ResponseEntity<String> engineDoor = engineRest("admin", "/engine-rest/task/" + openTask(id) + "/complete",
                variables(Map.of("verificationOutcome", "PASS")));
        assertThat(engineDoor.getStatusCode().value()).as(engineDoor.getBody()).isEqualTo(403);
        assertThat(engineDoor.getBody()).contains("签收或整改过");
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("AWAITING_VERIFICATION");

        assertThat(act("supervisor", id, "verification", Map.of("outcome", "PASS")).get("status").asText())
                .isEqualTo("CLOSED");
    }

    @Test
    void whoeverAskedForASuspensionNeverApprovesIt() {
        long id = report("STREET_VENDING");
        act("admin", id, "accept", null);
        act("admin", id, "suspension-request", Map.of("reason", "需区政府拆除决定"));

        assertProblem(api.post("admin", "/api/cases/" + id + "/suspension-decision", Map.of("decision", "APPROVE")), 403,
                "申请是您提出的");
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("AWAITING_SUSPENSION_DECISION");
        assertThat(act("supervisor", id, "suspension-decision", Map.of("decision", "APPROVE")).get("status").asText())
                .isEqualTo("SUSPENDED");
    }

    @Test
    void engineRestIsForAdministratorsAndIntegrationAccountsOnly() {
        long own = report("STREET_VENDING");
        long other = report("ILLEGAL_PARKING");
        JsonNode before = api.caseDetail(other);

        ResponseEntity<String> handler = engineRest("cgj-handler", "/engine-rest/task/" + openTask(own) + "/complete",
                variables(Map.of("acceptOutcome", "ACCEPT", "caseId", other)));
        assertThat(handler.getStatusCode().value()).isEqualTo(403);
        assertThat(handler.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(handler.getBody()).contains("仅供系统管理员和集成账号使用");
        assertUnchanged(other, before);
        assertThat(api.caseDetail(own).get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");

        ResponseEntity<String> admin = engineRest("admin", "/engine-rest/task/" + openTask(own) + "/complete",
                variables(Map.of("acceptOutcome", "ACCEPT", "caseId", other)));
        assertThat(admin.getStatusCode().value()).as("even an administrator cannot name the case").isEqualTo(400);
        assertThat(admin.getBody()).contains("caseId");
        assertUnchanged(other, before);
        assertThat(audited).anyMatch(act -> act.outcome() == AuditedAct.Outcome.REFUSED && act.actor().equals("admin")
                && act.caseId() == own);

        ResponseEntity<String> setVariable = engineRest("admin", "/engine-rest/task/" + openTask(own)
                + "/variables/caseId", "{\"value\": " + other + ", \"type\": \"Long\"}", HttpMethod.PUT);
        assertThat(setVariable.getStatusCode().value()).as("administrators keep their tools").isBetween(200, 204);
        act("cgj-handler", own, "accept", null);
        assertUnchanged(other, before);
        assertThat(api.caseDetail(own).get("status").asText())
                .as("the case comes from the process's business key, not from a variable").isEqualTo("IN_RECTIFICATION");
    }

    @Test
    void throughTasklistNobodyButAnAdministratorSetsVariablesOrThrowsEventsAtATask() {
        long id = report("STREET_VENDING");
        act("cgj-handler", id, "accept", null);
        TasklistSession cgj = TasklistSession.signedIn(port, "cgj-handler");
        String task = openTask(id);

        HttpResponse<String> escalate = cgj.post("/task/" + task + "/bpmnEscalation",
                "{\"escalationCode\":\"DEADLINE_EXTENDED\"}");
        assertThat(escalate.statusCode()).isEqualTo(403);
        HttpResponse<String> variables = cgj.post("/task/" + task + "/variables", "{\"modifications\":{\"leadUnit\":{\"value\":\"jjdd\"}}}");
        assertThat(variables.statusCode()).isEqualTo(403);
        assertThat(variables.body()).contains("不能直接修改任务或流程变量");
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("IN_RECTIFICATION");
    }

    private void assertUnchanged(long id, JsonNode before) {
        JsonNode now = api.caseDetail(id);
        assertThat(now.get("status").asText()).isEqualTo(before.get("status").asText());
        assertThat(now.get("history").findValuesAsText("action")).isEqualTo(before.get("history").findValuesAsText("action"));
    }

    private long closedCase() {
        long id = report("FLYERS");
        act("cxjd-handler", id, "accept", null);
        act("cxjd-handler", id, "rectification", rectification());
        act("supervisor", id, "verification", Map.of("outcome", "PASS"));
        return id;
    }

    private long voidedCase() {
        long id = report("STREET_VENDING");
        act("supervisor", id, "void", Map.of("reason", "误立"));
        return id;
    }

    private String openTask(long id) {
        return taskService.createTaskQuery().processInstanceId(api.caseDetail(id).get("processInstanceId").asText())
                .singleResult().getId();
    }

    private String variables(Map<String, Object> values) {
        Map<String, Object> typed = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        try {
            return json.writeValueAsString(Map.of("variables", typed));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ResponseEntity<String> engineRest(String user, String path, String body) {
        return engineRest(user, path, body, HttpMethod.POST);
    }

    private ResponseEntity<String> engineRest(String user, String path, String body, HttpMethod method) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, Api.PASSWORD).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private long report(String category) {
        return api.reportCase(api.patrolReport(category, "GENERAL")).get("id").asLong();
    }

    private JsonNode act(String user, long id, String action, Object body) {
        ResponseEntity<JsonNode> response = api.post(user, "/api/cases/" + id + "/" + action, body);
        assertThat(response.getStatusCode().value()).as("%s %s: %s", user, action, response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private static Map<String, Object> rectification() {
        return Map.of("note", "已整改", "photos", List.of(Map.of("fileName", "after.png",
                "contentBase64", java.util.Base64.getEncoder().encodeToString(TestImages.png(Color.GREEN)))));
    }
}
