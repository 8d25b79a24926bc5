package org.rectify.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.rectify.cases.RectificationCase;
import org.rectify.security.CurrentUser;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The rectification process as the domain sees it: start one for a case, see its open step, complete a step. */
@Service
public class CaseProcess {

    /** The step a case waits at now, as users name it. */
    public record OpenStep(String taskId, String key, String name, List<String> candidateGroups) {
    }

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ProcessFacts facts;
    private final StepGate gate;
    private final TransactionTemplate transactions;
    /** ACT_RU_TASK, with the engine's table prefix if one is configured. */
    private final String taskTable;

    CaseProcess(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
            ManagementService managementService, ProcessFacts facts, StepGate gate,
            PlatformTransactionManager transactionManager) {
        this.taskTable = managementService.getTableName(Task.class);
        this.gate = gate;
        this.transactions = new TransactionTemplate(transactionManager);
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.facts = facts;
    }

    /** Starts the process in the caller's transaction; the case number is the business key. */
    public String start(RectificationCase c) {
        CaseOfProcess.remember(c.caseNumber(), c.id());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY,
                c.caseNumber(), facts.of(c));
        return instance.getId();
    }

    /** Copies the case's facts again into its running process (a severity raised by repeated reports). */
    public void refreshFacts(RectificationCase c) {
        if (c.processInstanceId() != null && runtimeService.createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).active().count() > 0) {
            runtimeService.setVariables(c.processInstanceId(), facts.of(c));
        }
    }

    /**
     * A reopened case (a closed case the reporter's follow-up sent back) starts its process again at the rework step:
     * a new deadline for the unit, the ladder planned anew, then the unit's task. Same case, same business key.
     */
    public String restartAtRework(RectificationCase c) {
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(ProcessVariables.PROCESS_KEY)
                .businessKey(c.caseNumber()).setVariables(facts.of(c))
                .startBeforeActivity(ProcessVariables.SERVICE_TASK_REWORK).execute();
        return instance.getId();
    }

    public Optional<OpenStep> openStep(RectificationCase c) {
        return openTask(c).map(task -> {
            List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
            return new OpenStep(task.getId(), task.getTaskDefinitionKey(), stepNameOf(task), groups);
        });
    }

    private Optional<Task> openTask(RectificationCase c) {
        if (c.processInstanceId() == null) {
            return Optional.empty();
        }
        // One task at a time: the case's steps are sequential; ladder timers create no tasks.
        if (identityService.getCurrentAuthentication() != null) {
            // someone's engine authorizations apply: the task query filters by them
            return taskService.createTaskQuery().processInstanceId(c.processInstanceId()).active().list().stream()
                    .findFirst();
        }
        // Unauthenticated (every step's own lookup): the same rows as the task query above, by a native query. The
        // task query builds its large dynamic SQL (MyBatis/OGNL) at every call, 6–7 % of a step's CPU, measured.
        return taskService.createNativeTaskQuery()
                .sql("select * from " + taskTable + " where PROC_INST_ID_ = #{processInstanceId}"
                        + " and SUSPENSION_STATE_ = 1 order by ID_")
                .parameter("processInstanceId", c.processInstanceId())
                .list().stream().findFirst();
    }

    /** The task's name carries the case number for Tasklist's list; the step's own name is before the colon. */
    private static String stepNameOf(Task task) {
        return task.getName() == null ? task.getTaskDefinitionKey() : task.getName().split("：", 2)[0];
    }

    /**
     * Voids the case from whatever step it is at: the process's void event subprocess ends it. The caller has
     * checked the role; the engine acts for the system and is told who decided.
     */
    public void voidCase(RectificationCase c, String reason, CurrentUser user) {
        try {
            runtimeService.createMessageCorrelation(ProcessVariables.MESSAGE_VOID)
                    .processInstanceId(c.processInstanceId())
                    .setVariable(ProcessVariables.VOID_REASON, reason)
                    .setVariable(ProcessVariables.VOIDED_BY, user.id())
                    .correlateWithResult();
        } catch (OptimisticLockingException e) {
            throw DomainException.conflict("concurrent-change", "案件 " + c.caseNumber() + " 刚被他人处理，请刷新后重试");
        }
    }

    /**
     * Completes the case's open step if it is the expected one, as the given user, so the engine's listeners
     * see who acted and the engine's own authorization applies too. The step gate sees exactly the variables sent,
     * under the case's row lock (of two people acting at once the second is told what the first did); an unclaimed
     * task is claimed for the user first, so the history names who did it.
     */
    public void complete(RectificationCase c, String expectedStep, String expectedStepName, CurrentUser user,
            Map<String, Object> variables) {
        try {
            transactions.executeWithoutResult(status -> {
                Task task = openTask(c).orElseThrow(() -> DomainException.conflict("no-open-step",
                        "案件 " + c.caseNumber() + " 当前（" + c.status().chineseLabel() + "）没有待办环节，不能"
                                + expectedStepName));
                if (!task.getTaskDefinitionKey().equals(expectedStep)) {
                    throw DomainException.conflict("wrong-step", "案件 " + c.caseNumber() + " 当前处于“"
                            + stepNameOf(task) + "”环节，不能" + expectedStepName);
                }
                StepGate.Actor actor = new StepGate.Actor(user.id(), user.groupIds());
                // the case's own process instance, hence its process key
                gate.admit(new StepGate.TaskAtHand(task.getId(), ProcessVariables.PROCESS_KEY, task.getTaskDefinitionKey(),
                        task.getProcessInstanceId(), c.caseNumber(), task.getAssignee()), actor, variables.keySet());
                if (task.getAssignee() == null) {
                    taskService.claim(task.getId(), user.id());
                }
                identityService.setAuthentication(user.id(), user.groupIds());
                try {
                    taskService.complete(task.getId(), variables);
                } finally {
                    identityService.clearAuthentication();
                }
            });
        } catch (OptimisticLockingException e) {
            throw DomainException.conflict("concurrent-change", "案件 " + c.caseNumber() + " 刚被他人处理，请刷新后重试");
        }
    }
}
