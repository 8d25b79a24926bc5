package org.rectify.discipline;

import static org.rectify.discipline.DisciplineVariables.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rectify.shared.DeclaredTaskForms;
import org.springframework.stereotype.Component;

/**
 * What each task of processes/discipline.bpmn may submit — its form's fields, which the API fills in too. Anything
 * else sent with a completion through Camunda's doors is refused.
 */
@Component
class DisciplineForms implements DeclaredTaskForms {

    private static final Map<String, DeclaredForm> FORMS = Map.of(
            TASK_DECIDE, form("审查并决定问责", "discipline.decide", DECISION_MEASURE, DECISION_TARGET, DECISION_REASON),
            TASK_NOTICE, form("接收问责决定", "discipline.notice", NOTICE_OUTCOME, APPEAL_REASON),
            TASK_REVIEW, form("复核申诉", "discipline.review", REVIEW_OUTCOME, REVIEW_MEASURE, REVIEW_TARGET,
                    REVIEW_REASON));

    @Override
    public Optional<DeclaredForm> formOf(String processKey, String taskKey) {
        return PROCESS_KEY.equals(processKey) ? Optional.ofNullable(FORMS.get(taskKey)) : Optional.empty();
    }

    private static DeclaredForm form(String stepName, String action, String... variables) {
        List<String> names = List.of(variables);
        return new DeclaredForm(stepName, action, names::contains, String.join("、", names));
    }
}
