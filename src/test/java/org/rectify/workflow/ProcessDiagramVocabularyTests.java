package org.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The diagram, the Tasklist forms and the code speak one vocabulary: every outcome a gateway of
 * processes/rectification.bpmn compares is a constant of the step's outcome enum, every outcome of an enum has its
 * flow, and every field a task's form submits is one its {@link CaseStep} declares (else the gate would refuse it).
 */
class ProcessDiagramVocabularyTests {

    private static final Path PROCESS = Path.of("processes", "rectification.bpmn");
    private static final Pattern CONDITION = Pattern.compile("\\$\\{(\\w+) == '(\\w+)'}");
    private static final Pattern USER_TASK = Pattern.compile(
            "<bpmn:userTask id=\"(\\w+)\"[^>]*formKey=\"embedded:deployment:forms/([\\w-]+\\.html)\"");
    private static final Pattern FORM_FIELD = Pattern.compile("cam-variable-name=\"(\\w+)\"");

    @Test
    void everyOutcomeTheDiagramComparesIsOneOfItsStepsOutcomesAndEveryOutcomeHasItsFlow() throws IOException {
        String diagram = Files.readString(PROCESS);
        Set<String> compared = new HashSet<>();
        Matcher m = CONDITION.matcher(diagram);
        while (m.find()) {
            compared.add(m.group(1) + "=" + m.group(2));
        }
        Set<String> vocabulary = new HashSet<>();
        for (CaseStep step : CaseStep.values()) {
            if (step.outcomes() != null) {
                String variable = step.variables().get(0);
                Arrays.stream(step.outcomes().getEnumConstants()).forEach(c -> vocabulary.add(variable + "=" + c.name()));
            }
        }
        assertThat(compared).isNotEmpty().isEqualTo(vocabulary);
    }

    @Test
    void everyFieldATasklistFormSubmitsIsDeclaredByItsStep() throws IOException {
        String diagram = Files.readString(PROCESS);
        Matcher task = USER_TASK.matcher(diagram);
        int forms = 0;
        while (task.find()) {
            CaseStep step = CaseStep.of(ProcessVariables.PROCESS_KEY, task.group(1)).orElseThrow();
            String form = Files.readString(Path.of("processes", "forms", task.group(2)));
            Matcher field = FORM_FIELD.matcher(form);
            while (field.find()) {
                assertThat(step.allows(field.group(1))).as("%s in %s", field.group(1), task.group(2)).isTrue();
            }
            forms++;
        }
        assertThat(forms).isEqualTo(CaseStep.values().length);
    }
}
