package org.rectify.discipline;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectify.security.EngineAuthentication;
import org.rectify.security.CurrentUser;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Component;

/** The discipline process as the feature sees it: start one, see its open step, complete a step as a user. */
@Component
class DisciplineProcess {

    record OpenStep(String taskId, String key, String name, List<String> candidateGroups) {
    }

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;

    DisciplineProcess(RuntimeService runtimeService, TaskService taskService, IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    /**
     * Starts the process in the caller's transaction, as the system: the transfer may happen while a user's
     * task completes (a failed verification), and that user has no right to start discipline processes.
     */
    String start(String businessKey, Map<String, Object> variables) {
        return asSystem(() -> runtimeService.startProcessInstanceByKey(DisciplineVariables.PROCESS_KEY, businessKey,
                variables).getId());
    }

    boolean isRunning(String processInstanceId) {
        return processInstanceId != null && asSystem(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceId(processInstanceId).count() > 0);
    }

    Optional<OpenStep> openStep(String processInstanceId) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        return asSystem(() -> {
            Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).active().singleResult();
            if (task == null) {
                return Optional.<OpenStep>empty();
            }
            List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
            return Optional.of(new OpenStep(task.getId(), task.getTaskDefinitionKey(), task.getName(), groups));
        });
    }

    /**
     * Completes the open step if it is the expected one, as the given user, so the listeners see who acted and
     * the engine's own authorization applies too.
     */
    void complete(Transfer transfer, String expectedStep, String expectedStepName, CurrentUser user,
            Map<String, Object> variables) {
        requireStep(transfer, expectedStep, expectedStepName, user);
        OpenStep step = openStep(transfer.processInstanceId()).orElseThrow();
        identityService.setAuthentication(user.id(), user.groupIds());
        try {
            taskService.complete(step.taskId(), variables);
        } catch (OptimisticLockingException e) {
            throw DomainException.conflict("concurrent-change", transfer.businessKey() + " 刚被他人处理，请刷新后重试");
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** 409 unless the process waits at the expected step; 403 unless the user is among its candidates. */
    void requireStep(Transfer transfer, String expectedStep, String expectedStepName, CurrentUser user) {
        OpenStep step = openStep(transfer.processInstanceId()).orElseThrow(() -> DomainException.conflict(
                "no-open-step", "问责程序 " + transfer.businessKey() + " 当前没有待办环节，不能" + expectedStepName));
        if (!step.key().equals(expectedStep)) {
            throw DomainException.conflict("wrong-step", "问责程序 " + transfer.businessKey() + " 当前处于“"
                    + step.name() + "”环节，不能" + expectedStepName);
        }
        if (!user.isAdmin() && step.candidateGroups().stream().noneMatch(user.groupIds()::contains)) {
            throw DomainException.forbidden("not-your-step", "“" + step.name() + "”环节由"
                    + String.join("、", step.candidateGroups()) + "办理，您的账号无权办理");
        }
    }

    private <T> T asSystem(Supplier<T> work) {
        return EngineAuthentication.asSystem(identityService, work);
    }
}
