package org.rectify.tasks;

import static org.rectify.tasks.TaskVariables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.rectify.clock.BusinessClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans processes/task.bpmn names: thin, each hands over to {@link TaskSteps} or {@link TaskLadder}. */
@Configuration
class TaskCallbacks {

    private static final String SYSTEM = "系统";

    private final TaskSteps steps;
    private final TaskLadder ladder;
    private final TaskStore store;
    private final BusinessClock clock;
    private final IdentityService identityService;

    TaskCallbacks(TaskSteps steps, TaskLadder ladder, TaskStore store, BusinessClock clock, IdentityService identityService) {
        this.steps = steps;
        this.ladder = ladder;
        this.store = store;
        this.clock = clock;
        this.identityService = identityService;
    }

    /** Tasklist shows the task number, the step and the unit in the task's name. */
    @Bean
    TaskListener taskStepCreated() {
        return task -> {
            String unit = (String) task.getVariable(UNIT_NAME);
            task.setName("[" + task.getVariable(TASK_NO) + "] " + task.getName() + " · " + unit);
            task.setDescription((String) task.getVariable(CONTENT));
        };
    }

    @Bean
    TaskListener taskStepCompleted() {
        return task -> {
            long taskId = taskId(task);
            String actor = actor();
            int cycle = cycle(task);
            switch (task.getTaskDefinitionKey()) {
                case STEP_ACKNOWLEDGE -> steps.acknowledged(taskId, actor);
                case STEP_REPORT -> {
                    List<TaskSteps.NewFile> files = files(task);
                    steps.reported(taskId, actor, cycle, string(task, REPORT_KIND), string(task, REPORT_TEXT),
                            task.getVariable(REPORT_FIGURE), files);
                    task.getExecution().setVariable(RETURN_REASON, null);
                    // recorded in task_event: the next cycle's form starts empty instead of showing this report again
                    // (reportKind stays: the gateway after the work reads it)
                    task.getExecution().removeVariable(REPORT_TEXT);
                    task.getExecution().removeVariable(REPORT_FIGURE);
                }
                case STEP_REVIEW -> {
                    steps.reviewed(taskId, actor, cycle, string(task, REVIEW_OUTCOME), string(task, REVIEW_REASON));
                    task.getExecution().setVariable(RETURN_REASON, FAIL.equals(string(task, REVIEW_OUTCOME))
                            ? string(task, REVIEW_REASON) : null);
                }
                default -> throw new IllegalStateException("No completion step for task " + task.getTaskDefinitionKey());
            }
        };
    }

    @Bean
    JavaDelegate planTaskAcknowledgement() {
        return execution -> {
            long taskId = ((Number) execution.getVariable(TASK_ID)).longValue();
            Task task = store.task(taskId).orElseThrow();
            TaskLadder.Plan plan = ladder.planAcknowledgement(task, clock.now());
            execution.setVariable(CYCLE, 0);
            execution.setVariable(DUE_TEXT, "签收期限 " + org.rectify.shared.ChineseTimes.table(plan.dueAt()));
            schedule(execution, plan);
            store.event(taskId, clock.now(), SYSTEM, "PLANNED", plan.explanation(0), null, 0, null);
        };
    }

    @Bean
    JavaDelegate planTaskLadder() {
        return execution -> {
            long taskId = ((Number) execution.getVariable(TASK_ID)).longValue();
            Object previous = execution.getVariable(CYCLE);
            int cycle = previous == null ? 1 : ((Number) previous).intValue() + 1;
            Task task = store.task(taskId).orElseThrow();
            TaskLadder.Plan plan = ladder.plan(task, clock.now());
            execution.setVariable(CYCLE, cycle);
            execution.setVariable(DUE_TEXT, (plan.finalStretch() ? "完成期限 " : "下次反馈截止 ")
                    + org.rectify.shared.ChineseTimes.table(plan.dueAt()));
            schedule(execution, plan);
            store.event(taskId, clock.now(), SYSTEM, "PLANNED", plan.explanation(cycle), null, cycle, null);
        };
    }

    private static void schedule(org.camunda.bpm.engine.delegate.DelegateExecution execution, TaskLadder.Plan plan) {
        execution.setVariable(DUE_AT, Date.from(plan.dueAt().toInstant()));
        execution.setVariable(WARNING_AT, Date.from(plan.warningAt().toInstant()));
        execution.setVariable(URGE_AT, Date.from(plan.urgeAt().toInstant()));
        execution.setVariable(SUPERVISE_AT, Date.from(plan.superviseAt().toInstant()));
        execution.setVariable(TRANSFER_AT, Date.from(plan.transferAt().toInstant()));
        execution.setVariable(LADDER_TEXT, plan.policy().describe());
    }

    @Bean
    JavaDelegate taskLadderStep() {
        return execution -> {
            String[] step = switch (execution.getCurrentActivityId()) {
                case "ServiceTask_Warn", "ServiceTask_AckWarn" -> new String[] {"WARNING", WARNING_AT};
                case "ServiceTask_Urge", "ServiceTask_AckUrge" -> new String[] {"URGING", URGE_AT};
                case "ServiceTask_Supervise", "ServiceTask_AckSupervise" -> new String[] {"SUPERVISION", SUPERVISE_AT};
                case "ServiceTask_Transfer", "ServiceTask_AckTransfer" -> new String[] {"TRANSFER", TRANSFER_AT};
                default -> throw new IllegalStateException("Not a ladder step: " + execution.getCurrentActivityId());
            };
            Date planned = (Date) execution.getVariable(step[1]);
            steps.ladderStep(((Number) execution.getVariable(TASK_ID)).longValue(), step[0],
                    ((Number) execution.getVariable(CYCLE)).intValue(),
                    planned == null ? null : planned.toInstant().atOffset(java.time.ZoneOffset.ofHours(8)));
        };
    }

    @Bean
    JavaDelegate achieveTask() {
        return execution -> steps.achieved(((Number) execution.getVariable(TASK_ID)).longValue());
    }

    /**
     * Photos and documents come as File variables (photo, photo2 …, document …); they are moved into the task's
     * evidence and removed from the process. An empty file means none was chosen.
     */
    private static List<TaskSteps.NewFile> files(DelegateTask task) {
        List<TaskSteps.NewFile> files = new ArrayList<>();
        List<String> names = task.getVariableNames().stream()
                .filter(name -> name.startsWith(PHOTO) || name.startsWith(DOCUMENT)).sorted().toList();
        for (String name : names) {
            TypedValue value = task.getVariableTyped(name);
            if (value instanceof FileValue file && file.getValue() != null) {
                byte[] bytes;
                try (var in = file.getValue()) {
                    bytes = in.readAllBytes();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (bytes.length > 0) {
                    String type = file.getMimeType() == null ? guessType(file.getFilename()) : file.getMimeType();
                    files.add(new TaskSteps.NewFile(TaskSteps.kindOfFile(name, type),
                            file.getFilename() == null ? name : file.getFilename(), type, bytes));
                }
            }
            task.getExecution().removeVariable(name);
        }
        return files;
    }

    static String guessType(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        return "application/octet-stream";
    }

    private String actor() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }

    private static long taskId(DelegateTask task) {
        return ((Number) task.getVariable(TASK_ID)).longValue();
    }

    private static int cycle(DelegateTask task) {
        Object cycle = task.getVariable(CYCLE);
        return cycle == null ? 0 : ((Number) cycle).intValue();
    }

    private static String string(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
