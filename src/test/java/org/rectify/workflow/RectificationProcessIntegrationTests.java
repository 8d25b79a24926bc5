package org.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.Api;
import org.rectify.support.EngineTasks;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The BPMN driven the way Tasklist drives it: tasks completed on the engine with form variables, as the
 * signed-in user. The process's listeners must apply each step to the case exactly as the API does.
 */
@RectifyIntegrationTest
class RectificationProcessIntegrationTests {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        api = new Api(rest);
    }

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
    }

    @Test
    void tasklistCompletionsWalkTheDiagramAndUpdateTheCase() {
        JsonNode receipt = api.reportCase(api.patrolReport("ILLEGAL_PARKING", "SERIOUS"));
        long id = receipt.get("id").asLong();
        ProcessInstance instance = instance(receipt);

        assertThat(instance).isWaitingAt(ProcessVariables.TASK_ACCEPT).hasPassed("ServiceTask_Route");
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("jjdd");
        completeAs("jjdd-handler", List.of("jjdd"), instance, Map.of("acceptOutcome", "ACCEPT"));

        assertThat(instance).isWaitingAt(ProcessVariables.TASK_FIX);
        Task fix = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(fix.getDueDate().toInstant().toString())
                .isEqualTo(java.time.OffsetDateTime.parse(api.caseDetail(id).get("deadline").asText()).toInstant().toString());
        assertThat(fix.getDescription()).startsWith(receipt.get("caseNumber").asText());
        completeAs("jjdd-handler", List.of("jjdd"), instance, Map.of(
                "rectificationNote", "已拖离违停车辆",
                "afterPhoto1", Variables.fileValue("after.jpg").file(TestImages.jpeg(Color.GRAY)).create(),
                "afterPhoto2", Variables.fileValue("").file(new byte[0]).create()));

        assertThat(instance).isWaitingAt(ProcessVariables.TASK_VERIFY);
        assertThat(runtimeService.getVariable(instance.getId(), "afterPhoto1"))
                .as("photos move into the case's photo store, out of the process variables").isNull();
        assertThat(api.caseDetail(id).get("photos").findValuesAsText("stage")).containsExactly("AFTER");
        completeAs("supervisor", List.of("supervisor"), instance,
                Map.of("verificationOutcome", "FAIL", "verificationComment", "车辆仍在"));

        assertThat(instance).isWaitingAt(ProcessVariables.TASK_FIX).hasPassed("ServiceTask_Rework");
        assertThat(runtimeService.getVariable(instance.getId(), "reworkCount")).isEqualTo(1);
        completeAs("jjdd-handler", List.of("jjdd"), instance, Map.of("rectificationNote", "已设置禁停标志",
                "afterPhoto1", Variables.fileValue("again.png").file(TestImages.png(Color.BLACK)).create()));
        completeAs("supervisor", List.of("supervisor"), instance, Map.of("verificationOutcome", "PASS"));

        assertThat(instance).isEnded().hasPassed("ServiceTask_Close", "EndEvent_Closed");
        JsonNode closed = api.caseDetail(id);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("reworkCount").asInt()).isEqualTo(1);
        assertThat(closed.get("history").findValuesAsText("actor")).contains("jjdd-handler", "supervisor");
    }

    @Test
    void aTasklistFormThatSkipsARequiredFieldIsRefusedAndChangesNothing() {
        JsonNode receipt = api.reportCase(api.patrolReport("ILLEGAL_PARKING", "GENERAL"));
        ProcessInstance instance = instance(receipt);

        assertThatThrownBy(() -> completeAs("jjdd-handler", List.of("jjdd"), instance, Map.of("acceptOutcome", "RETURN")))
                .hasMessageContaining("退回时必须填写退回理由");
        assertThat(instance).isWaitingAt(ProcessVariables.TASK_ACCEPT);
        assertThat(api.caseDetail(receipt.get("id").asLong()).get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");

        completeAs("jjdd-handler", List.of("jjdd"), instance, Map.of("acceptOutcome", "ACCEPT"));
        assertThatThrownBy(() -> completeAs("jjdd-handler", List.of("jjdd"), instance, Map.of(
                "rectificationNote", "已处理",
                "afterPhoto1", Variables.fileValue("notes.txt").file("纯文本".getBytes()).create())))
                .hasMessageContaining("不是 JPEG 或 PNG");
        assertThatThrownBy(() -> completeAs("jjdd-handler", List.of("jjdd"), instance, Map.of(
                "rectificationNote", "已处理",
                "afterPhoto1", Variables.fileValue("").file(new byte[0]).create())))
                .hasMessageContaining("请至少上传一张整改后照片");
        assertThat(instance).isWaitingAt(ProcessVariables.TASK_FIX);
        assertThat(api.caseDetail(receipt.get("id").asLong()).get("photos")).isEmpty();
    }

    @Test
    void aHandlerOfAnotherUnitCannotCompleteTheTaskInTheEngine() {
        JsonNode receipt = api.reportCase(api.patrolReport("ILLEGAL_PARKING", "GENERAL"));
        ProcessInstance instance = instance(receipt);

        assertThatThrownBy(() -> completeAs("cgj-handler", List.of("cgj"), instance, Map.of("acceptOutcome", "ACCEPT")))
                .hasMessageContaining("cgj-handler");
        identityService.setAuthentication("cgj-handler", List.of("cgj"));
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count())
                .as("Tasklist shows another unit's task to no one else").isZero();
    }

    private ProcessInstance instance(JsonNode receipt) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceId(receipt.get("processInstanceId").asText()).singleResult();
    }

    private void completeAs(String user, List<String> groups, ProcessInstance instance, Map<String, Object> variables) {
        new EngineTasks(taskService, identityService).completeAs(user, groups, instance.getId(), variables);
    }
}
