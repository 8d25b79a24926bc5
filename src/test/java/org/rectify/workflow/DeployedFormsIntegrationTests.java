package org.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * What Tasklist gets: every user task's form, read through the engine's form API from the deployment, is complete
 * (the shared script and styles are in it) and sends only variables the application declares.
 */
@RectifyIntegrationTest
class DeployedFormsIntegrationTests {

    @Autowired
    RepositoryService repository;
    @Autowired
    FormService forms;
    @Autowired
    TestRestTemplate rest;

    @Test
    void everyTaskFormAsDeployedIsCompleteAndSendsOnlyDeclaredVariables() throws Exception {
        Set<String> declared = declaredVariables();
        Set<String> formsSeen = new TreeSet<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
                String key = forms.getTaskFormKey(definition.getId(), task.getId());
                if (key == null) {
                    continue;
                }
                assertThat(key).as("form of %s", task.getId()).startsWith("embedded:deployment:forms/");
                String resource = key.substring("embedded:deployment:".length());
                String html;
                try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), resource)) {
                    html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String kind = resource.startsWith("forms/task-") ? "RF.taskFacts = function"
                        : resource.contains("discipline") ? "RF.loadDossier = function" : "RF.loadCase = function";
                assertThat(html).as("%s (%s) as deployed", resource, task.getId())
                        .doesNotContain("@include")
                        .contains("RF.getJson = function", "RF.guardSubmit = function", ".rf .rf-hidden", kind);
                // a numbered name (afterPhoto1..3) is declared by its prefix (AFTER_PHOTO_PREFIX); acknowledging a
                // task is the one step that sends nothing (TaskForms declares it so)
                assertThat(FormsTests.camVariables(html)).as("variables sent by %s (%s)", resource, task.getId())
                        .satisfies(names -> assertThat(names.isEmpty()).as("sends nothing")
                                .isEqualTo(resource.equals("forms/task-acknowledge.html")))
                        .allSatisfy(name -> assertThat(declared).as("declared variables")
                                .contains(name.replaceFirst("\\d+$", "")));
                formsSeen.add(Path.of(resource).getFileName().toString());
            }
        }
        List<String> files = new ArrayList<>();
        FormsTests.forms().forEach(f -> files.add(f.getFileName().toString()));
        assertThat(formsSeen).as("every form in processes/forms is some task's form").containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void theDisciplineFormsGetTheMeasuresFromTheServerLightestFirst() {
        JsonNode choices = new Api(rest).get("discipline", "/api/discipline/measures").getBody();
        assertThat(choices.get("measures").findValuesAsText("label"))
                .containsExactly("责令作出书面检查", "通报批评", "诫勉谈话", "取消当年评优评先资格");
        assertThat(choices.get("measures").findValues("weight")).extracting(JsonNode::asInt).containsExactly(1, 2, 3, 4);
        assertThat(choices.get("targets").findValuesAsText("code")).containsExactly("UNIT", "PRINCIPAL", "DEPUTY", "RESPONSIBLE");
    }

    /** The names in the application's variable vocabularies (ProcessVariables, the discipline, task and follow-up processes'). */
    private static Set<String> declaredVariables() throws ReflectiveOperationException {
        Set<String> names = new TreeSet<>();
        for (Class<?> vocabulary : List.of(ProcessVariables.class, Class.forName("org.rectify.discipline.DisciplineVariables"),
                Class.forName("org.rectify.tasks.TaskVariables"), Class.forName("org.rectify.followup.Followups"))) {
            for (Field field : vocabulary.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    names.add((String) field.get(null));
                }
            }
        }
        return names;
    }
}
