package org.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.rectify.support.Api;
import org.rectify.support.Chromium;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Every Tasklist form of processes/ (every user task with a {@code camunda:formKey}), assembled as deployment
 * assembles it, opened in Tasklist in headless Chromium: it shows each of its {@code cam-variable-name} fields and
 * the page reports no JavaScript error. The forms are deployed with a test process of one task per form (so no case
 * has to be walked to each step), whose variables name a real case. Screenshots: target/screenshots/forms/.
 */
@RectifyIntegrationTest
@Tag("browser")
class FormsBrowserIntegrationTests {

    private static final Path PROCESSES = Path.of("processes");
    private static final Pattern FORM_KEY = Pattern.compile("camunda:formKey=\"embedded:deployment:(forms/[\\w.-]+)\"");
    private static final Pattern FIELD = Pattern.compile("cam-variable-name=\"(\\w+)\"");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @RegisterExtension
    final Chromium.PerTest browsers = Chromium.perTest(1366, 900, Duration.ofSeconds(90),
            Chromium.SCREENSHOTS.resolve("forms"), "");
    Deployment deployment;

    @AfterEach
    void removeTheTestProcess() {
        if (deployment != null) {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void everyTasklistFormShowsItsFieldsWithoutAJavaScriptError() throws Exception {
        Map<String, String> forms = formsInUse();
        assertThat(forms).as("forms named by the diagrams").hasSizeGreaterThanOrEqualTo(15);
        FormAssembler assembler = new FormAssembler(PROCESSES.resolve("forms"));

        // one task per form, in parallel, for administrators, with the variables the case forms read
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("formsInTasklistCheck").name("表单检查")
                .camundaHistoryTimeToLive(1).startEvent().parallelGateway("Fork");
        int n = 0;
        for (String form : forms.keySet()) {
            flow = flow.userTask("Form_" + (++n)).name(form).camundaFormKey("embedded:deployment:" + form)
                    .camundaCandidateGroups("camunda-admin").endEvent().moveToNode("Fork");
        }
        BpmnModelInstance model = flow.done();
        var builder = repository.createDeployment().name("forms-in-tasklist-check").addModelInstance("forms-check.bpmn", model);
        for (String form : forms.keySet()) {
            builder.addString(form, assembler.assemble(PROCESSES.resolve(form)));
        }
        deployment = builder.deploy();

        JsonNode receipt = new Api(rest).reportCase(new Api(rest).report("STREET_VENDING", "GENERAL", "PATROL", "xhsq-01"));
        String instance = runtime.startProcessInstanceByKey("formsInTasklistCheck", Map.of(
                "caseId", receipt.get("id").asLong(), "caseNumber", receipt.get("caseNumber").asText(),
                "leadUnit", "cgj")).getId();

        Chromium chromium = browsers.get();
        chromium.open("/console/login");
        chromium.signIn("admin");
        Map<String, List<String>> problems = new TreeMap<>();
        for (Task task : tasks.createTaskQuery().processInstanceId(instance).orderByTaskName().asc().list()) {
            String form = task.getName();
            chromium.javaScriptErrors(); // drains what the previous page said
            chromium.openTask(task.getId(),
                    () -> tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() != null);
            List<String> found = new ArrayList<>();
            for (String field : fieldsOf(forms.get(form))) {
                if (chromium.driver().findElements(By.cssSelector("form[role=form] [cam-variable-name='" + field + "']"))
                        .isEmpty()) {
                    found.add("field " + field + " not shown");
                }
            }
            for (String error : chromium.javaScriptErrors()) {
                // a resource the form asked for and was refused is the API's answer, not a script error
                if (!error.contains("Failed to load resource")) {
                    found.add("JavaScript: " + error);
                }
            }
            chromium.screenshot(form.substring("forms/".length()).replace(".html", ""));
            if (!found.isEmpty()) {
                problems.put(form, found);
            }
        }
        assertThat(problems).as("forms that did not render cleanly in Tasklist").isEmpty();
    }

    /** Each form file a diagram names, with its own text (its fields are in its own file, not the shared pieces). */
    private static Map<String, String> formsInUse() throws IOException {
        Map<String, String> forms = new LinkedHashMap<>();
        try (var files = Files.list(PROCESSES)) {
            for (Path bpmn : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                Matcher key = FORM_KEY.matcher(Files.readString(bpmn));
                while (key.find()) {
                    forms.putIfAbsent(key.group(1), Files.readString(PROCESSES.resolve(key.group(1))));
                }
            }
        }
        return forms;
    }

    private static Set<String> fieldsOf(String html) {
        Set<String> fields = new LinkedHashSet<>();
        Matcher field = FIELD.matcher(html);
        while (field.find()) {
            fields.add(field.group(1));
        }
        return fields;
    }
}
