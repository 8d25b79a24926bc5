package org.rectify.tasks;

import static org.rectify.tasks.TaskVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.rectify.security.EngineAuthentication;
import org.rectify.catalog.Catalog;
import org.rectify.security.CurrentUser;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Component;

/** The tasks' door to the process engine: start a task's process, find its open steps, complete one for a user. */
@Component
class TaskProcess {

    record OpenStep(String id, String key, String name, List<String> candidateGroups) {
    }

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final Catalog catalog;

    TaskProcess(RuntimeService runtimeService, TaskService taskService, IdentityService identityService, Catalog catalog) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.catalog = catalog;
    }

    String start(Task task) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TASK_ID, task.id());
        variables.put(TASK_NO, task.taskNo());
        variables.put(UNIT_CODE, task.leadUnitCode());
        variables.put(UNIT_NAME, catalog.unitName(task.leadUnitCode()));
        variables.put(CONTENT, task.content());
        variables.put(STANDARD, task.standard());
        variables.put(TARGET, task.targetText());
        variables.put(ITEM, task.itemCode() + " " + task.itemName());
        variables.put(DEADLINE_TEXT, task.deadline() == null ? "无（按周期反馈）" : task.deadline().toString());
        variables.put(RECURRENCE_TEXT, task.recurrence().chineseLabel());
        variables.put(EVIDENCE_TEXT, task.evidenceText());
        variables.put(NEEDS_FIGURE, task.needsFigure());
        String id = asSystem(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, task.taskNo(), variables).getId());
        return id;
    }

    List<OpenStep> openSteps(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        return asSystem(() -> taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .map(t -> new OpenStep(t.getId(), t.getTaskDefinitionKey(), t.getName(),
                        taskService.getIdentityLinksForTask(t.getId()).stream()
                                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                                .map(IdentityLink::getGroupId).toList()))
                .toList());
    }

    Optional<OpenStep> openStep(String processInstanceId, String key) {
        return openSteps(processInstanceId).stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * Completes the task's open step {@code key} as the user: 409 if it does not wait there, 403 unless the user is
     * among the step's candidates (or an admin). The step's complete listener records it, so Tasklist and the API
     * record alike.
     */
    void complete(Task task, String key, String actionChinese, CurrentUser user, Map<String, Object> variables) {
        OpenStep step = openStep(task.processInstanceId(), key).orElseThrow(() -> DomainException.conflict("wrong-step",
                "任务 " + task.taskNo() + " 当前不在可以" + actionChinese + "的环节"));
        if (!user.isAdmin() && step.candidateGroups().stream().noneMatch(user.groupIds()::contains)) {
            throw DomainException.forbidden("not-your-step", "“" + step.name() + "”由"
                    + String.join("、", step.candidateGroups().stream().map(this::groupName).toList()) + "办理，您的账号无权办理");
        }
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.setAuthentication(user.id(), user.groupIds());
        try {
            taskService.complete(step.id(), variables);
        } finally {
            if (caller == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(caller);
            }
        }
    }

    private String groupName(String group) {
        return switch (group) {
            case "dispatcher" -> "创建办";
            case "discipline" -> "纪工委";
            case "supervisor" -> "督查组";
            default -> catalog.unitName(group);
        };
    }

    private <T> T asSystem(Supplier<T> work) {
        return EngineAuthentication.asSystem(identityService, work);
    }
}
