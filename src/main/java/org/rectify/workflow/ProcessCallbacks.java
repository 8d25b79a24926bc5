package org.rectify.workflow;

import static org.rectify.workflow.ProcessVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.rectify.cases.Assignment;
import org.rectify.cases.CaseSteps;
import org.rectify.cases.Cases;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.rectify.clock.BusinessClock;
import org.rectify.escalation.Extensions;
import org.rectify.escalation.Suspensions;
import org.rectify.rules.RoutingDecision;
import org.rectify.shared.DomainException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the BPMN names in its delegate expressions. Each reads variables, calls the domain and writes
 * variables back; the decisions themselves are made in {@code cases} and {@code rules}.
 */
@Configuration(proxyBeanMethods = false)
class ProcessCallbacks {

    private final Cases cases;
    private final CaseSteps steps;
    private final Extensions extensions;
    private final Suspensions suspensions;
    private final Assignment assignment;
    private final Catalog catalog;
    private final ProcessFacts facts;
    private final EngineActor actor;
    private final BusinessClock clock;

    ProcessCallbacks(Cases cases, CaseSteps steps, Extensions extensions, Suspensions suspensions,
            Assignment assignment, Catalog catalog, ProcessFacts facts, EngineActor actor, BusinessClock clock) {
        this.cases = cases;
        this.steps = steps;
        this.extensions = extensions;
        this.suspensions = suspensions;
        this.assignment = assignment;
        this.catalog = catalog;
        this.facts = facts;
        this.actor = actor;
        this.clock = clock;
    }

    @Bean
    JavaDelegate routeCase() {
        return execution -> facts.refresh(execution, assignment.assign(caseId(execution), clock.now()));
    }

    @Bean
    JavaDelegate applyReassignment() {
        return execution -> {
            RectificationCase c = assignment.reassign(caseId(execution), (String) execution.getVariable(REASSIGN_UNIT),
                    (String) execution.getVariable(REASSIGN_REASON), actor.id(), clock.now());
            facts.refresh(execution, c);
        };
    }


    @Bean
    JavaDelegate closeCase() {
        return execution -> steps.close(caseId(execution), clock.now());
    }

    /** A task appears: forget the previous round's choices so the form starts empty, and prepare suggestions. */
    @Bean
    TaskListener caseTaskCreated() {
        return task -> {
            RectificationCase c = cases.require(caseId(task));
            task.setDescription(c.caseNumber() + " " + c.title());
            // Units may not read process variables, so Tasklist's list shows them the case only through the name.
            task.setName(task.getName() + "：" + c.caseNumber() + " " + c.title());
            switch (task.getTaskDefinitionKey()) {
                case TASK_CHECK -> removeAll(task, CHECK_OUTCOME, REJECTION_REASON, REJECTION_COMMENT, DUPLICATE_OF,
                        CORRECTED_CATEGORY, CORRECTED_ADDRESS, CORRECTED_GRID);
                case TASK_ACCEPT -> removeAll(task, ACCEPT_OUTCOME, RETURN_REASON);
                case TASK_REASSIGN -> {
                    removeAll(task, REASSIGN_UNIT, REASSIGN_REASON);
                    RoutingDecision suggestion = assignment.suggestReassignment(c.id());
                    task.getExecution().setVariable(SUGGESTED_UNIT, suggestion.leadUnit());
                    task.getExecution().setVariable(SUGGESTED_UNIT_NAME, catalog.unitName(suggestion.leadUnit()));
                }
                case TASK_FIX -> removeAll(task, RECTIFICATION_NOTE, FIX_OUTCOME, EXTENSION_UNTIL, EXTENSION_REASON,
                        SUSPENSION_REASON);
                case TASK_DECIDE_EXTENSION -> removeAll(task, EXTENSION_DECISION, EXTENSION_COMMENT);
                case TASK_DECIDE_SUSPENSION -> removeAll(task, SUSPENSION_DECISION, SUSPENSION_COMMENT);
                case TASK_SUSPENDED -> removeAll(task, RESUME_COMMENT);
                case TASK_VERIFY -> removeAll(task, VERIFICATION_OUTCOME, VERIFICATION_COMMENT);
                default -> { }
            }
        };
    }

    /** A task is completed, from Tasklist or the API: check the submitted values and apply the step to the case. */
    @Bean
    TaskListener caseTaskCompleted() {
        return task -> {
            long caseId = caseId(task);
            String who = actor.id();
            var now = clock.now();
            switch (task.getTaskDefinitionKey()) {
                case TASK_CHECK -> {
                    String outcome = string(task, CHECK_OUTCOME);
                    if ("FILE".equals(outcome)) {
                        steps.file(caseId, string(task, CORRECTED_CATEGORY), string(task, CORRECTED_ADDRESS),
                                string(task, CORRECTED_GRID), who, now);
                    } else if ("REJECT".equals(outcome)) {
                        steps.reject(caseId, string(task, REJECTION_REASON), string(task, REJECTION_COMMENT),
                                string(task, DUPLICATE_OF), who, now);
                    } else {
                        throw DomainException.invalid("check-outcome",
                                "请选择核实结论：FILE（立案）或 REJECT（不予立案）");
                    }
                }
                case TASK_ACCEPT -> {
                    String outcome = string(task, ACCEPT_OUTCOME);
                    if ("ACCEPT".equals(outcome)) {
                        steps.accept(caseId, who, now);
                    } else if ("RETURN".equals(outcome)) {
                        steps.returnToDispatcher(caseId, string(task, RETURN_REASON), who, now);
                    } else {
                        throw DomainException.invalid("accept-outcome",
                                "请选择：ACCEPT（签收）或 RETURN（退回）");
                    }
                }
                case TASK_REASSIGN -> assignment.checkReassignment(caseId, string(task, REASSIGN_UNIT),
                        string(task, REASSIGN_REASON));
                case TASK_FIX -> {
                    String outcome = string(task, FIX_OUTCOME) == null ? "FIXED" : string(task, FIX_OUTCOME);
                    task.setVariable(FIX_OUTCOME, outcome);
                    switch (outcome) {
                        case "FIXED" -> steps.submitRectification(caseId, string(task, RECTIFICATION_NOTE),
                                afterPhotos(task), who, now);
                        case "EXTENSION" -> extensions.request(caseId, string(task, EXTENSION_UNTIL),
                                string(task, EXTENSION_REASON), who, now);
                        case "SUSPENSION" -> suspensions.request(caseId, string(task, SUSPENSION_REASON), who, now);
                        default -> throw DomainException.invalid("fix-outcome",
                                "请选择：FIXED（提交整改）、EXTENSION（申请延期）或 SUSPENSION（申请挂账）");
                    }
                }
                case TASK_DECIDE_EXTENSION -> {
                    java.time.OffsetDateTime approved = extensions.decide(caseId, string(task, EXTENSION_DECISION),
                            string(task, EXTENSION_UNTIL), string(task, EXTENSION_COMMENT), who, now);
                    task.getExecution().setVariable(EXTENSION_APPROVED_UNTIL,
                            approved == null ? null : java.util.Date.from(approved.toInstant()));
                }
                case TASK_DECIDE_SUSPENSION -> suspensions.decide(caseId, string(task, SUSPENSION_DECISION),
                        string(task, SUSPENSION_COMMENT), who, now);
                case TASK_SUSPENDED -> task.getExecution().setVariable(RESUME_COMMENT, string(task, RESUME_COMMENT));
                case TASK_VERIFY -> steps.verify(caseId, string(task, VERIFICATION_OUTCOME),
                        string(task, VERIFICATION_COMMENT), actor.groups(), who, now);
                default -> throw new IllegalStateException("No completion step for task " + task.getTaskDefinitionKey());
            }
        };
    }

    /**
     * Photos come as File variables; they are moved into the case's photo store and removed from the
     * process, which should not carry megabytes of images in its variables. An empty file means none chosen.
     */
    private static List<CaseSteps.NewPhoto> afterPhotos(DelegateTask task) {
        List<CaseSteps.NewPhoto> photos = new ArrayList<>();
        List<String> names = new ArrayList<>(task.getVariableNames().stream()
                .filter(name -> name.startsWith(AFTER_PHOTO_PREFIX)).sorted().toList());
        for (String name : names) {
            TypedValue value = task.getVariableTyped(name);
            if (value instanceof FileValue file && file.getValue() != null) {
                byte[] bytes = readAll(file);
                if (bytes.length > 0) {
                    photos.add(new CaseSteps.NewPhoto(file.getFilename(), bytes));
                }
            }
            task.removeVariable(name);
        }
        return photos;
    }

    private static byte[] readAll(FileValue file) {
        try (var in = file.getValue()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void removeAll(DelegateTask task, String... names) {
        for (String name : names) {
            task.getExecution().removeVariable(name);
        }
    }

    private static String string(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static long caseId(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return ((Number) scope.getVariable(CASE_ID)).longValue();
    }
}
