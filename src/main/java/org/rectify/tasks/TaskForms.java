package org.rectify.tasks;

import static org.rectify.tasks.TaskVariables.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rectify.shared.DeclaredTaskForms;
import org.springframework.stereotype.Component;

/**
 * What each user task of processes/task.bpmn may submit — its form's fields (processes/forms/task-*.html), which
 * {@link Tasks} fills in for the API and the console too. Anything else sent with a completion through Camunda's doors
 * is refused: a unit must not overwrite {@code taskId}, {@code cycle} or the ladder's dates by a completion.
 */
@Component
class TaskForms implements DeclaredTaskForms {

    private static final Map<String, DeclaredForm> FORMS = Map.of(
            STEP_ACKNOWLEDGE, form("签收任务", "task.acknowledge", List.of()),
            STEP_REPORT, form("反馈进展或申报完成", "task.report", List.of(REPORT_KIND, REPORT_TEXT, REPORT_FIGURE),
                    PHOTO, DOCUMENT),
            STEP_REVIEW, form("审核任务完成情况", "task.review", List.of(REVIEW_OUTCOME, REVIEW_REASON)));

    @Override
    public Optional<DeclaredForm> formOf(String processKey, String taskKey) {
        return PROCESS_KEY.equals(processKey) ? Optional.ofNullable(FORMS.get(taskKey)) : Optional.empty();
    }

    /** @param filePrefixes prefixes of the numbered File variables (photo1, photo2 …, document1 …) the form sends */
    private static DeclaredForm form(String stepName, String action, List<String> names, String... filePrefixes) {
        List<String> prefixes = List.of(filePrefixes);
        StringBuilder text = new StringBuilder(names.isEmpty() && prefixes.isEmpty() ? "（无需填写内容）" : String.join("、", names));
        for (String prefix : prefixes) {
            text.append(text.isEmpty() ? "" : "、").append(prefix).append("1…").append(prefix).append("9");
        }
        return new DeclaredForm(stepName, action, name -> names.contains(name) || prefixes.stream()
                .anyMatch(prefix -> name.startsWith(prefix) && name.substring(prefix.length()).matches("[1-9][0-9]?")),
                text.toString());
    }
}
