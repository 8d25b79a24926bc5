package org.rectify.workflow;

import static org.rectify.workflow.ProcessVariables.*;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.rectify.cases.Assignment;
import org.rectify.cases.CaseSteps;
import org.rectify.cases.RectificationCase;
import org.rectify.cases.StepOutcomes;
import org.rectify.cases.StepOutcomes.AcceptOutcome;
import org.rectify.cases.StepOutcomes.CheckOutcome;
import org.rectify.cases.StepOutcomes.FixOutcome;
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
 * variables back; the decisions themselves are made in {@code cases} and {@code rules}. A completed task passes the
 * {@link StepGate} first, then the one handler of its {@link CaseStep} applies it.
 */
@Configuration(proxyBeanMethods = false)
class ProcessCallbacks {

    /** Applies one step to its case; returns what was done, for the audit trail. */
    @FunctionalInterface
    private interface StepHandler {
        String apply(DelegateTask task, long caseId, String who, OffsetDateTime now);
    }

    private final CaseSteps steps;
    private final Extensions extensions;
    private final Suspensions suspensions;
    private final Assignment assignment;
    private final Catalog catalog;
    private final ProcessFacts facts;
    private final EngineActor actor;
    private final BusinessClock clock;
    private final CaseOfProcess caseOfProcess;
    private final StepGate gate;
    private final Map<CaseStep, StepHandler> handlers = new EnumMap<>(CaseStep.class);

    ProcessCallbacks(CaseSteps steps, Extensions extensions, Suspensions suspensions, Assignment assignment,
            Catalog catalog, ProcessFacts facts, EngineActor actor, BusinessClock clock, CaseOfProcess caseOfProcess,
            StepGate gate) {
        this.steps = steps;
        this.extensions = extensions;
        this.suspensions = suspensions;
        this.assignment = assignment;
        this.catalog = catalog;
        this.facts = facts;
        this.actor = actor;
        this.clock = clock;
        this.caseOfProcess = caseOfProcess;
        this.gate = gate;
        handlers.put(CaseStep.CHECK, this::check);
        handlers.put(CaseStep.ACCEPT, this::accept);
        handlers.put(CaseStep.REASSIGN, this::reassign);
        handlers.put(CaseStep.FIX, this::fix);
        handlers.put(CaseStep.DECIDE_EXTENSION, this::decideExtension);
        handlers.put(CaseStep.DECIDE_SUSPENSION, this::decideSuspension);
        handlers.put(CaseStep.RESUME, this::resume);
        handlers.put(CaseStep.VERIFY, this::verify);
    }

    @Bean
    JavaDelegate routeCase() {
        return execution -> facts.refresh(execution, assignment.assign(caseOfProcess.id(execution), clock.now()));
    }

    @Bean
    JavaDelegate applyReassignment() {
        return execution -> {
            RectificationCase c = assignment.reassign(caseOfProcess.id(execution),
                    (String) execution.getVariable(REASSIGN_UNIT), (String) execution.getVariable(REASSIGN_REASON),
                    actor.id(), clock.now());
            facts.refresh(execution, c);
        };
    }

    @Bean
    JavaDelegate closeCase() {
        return execution -> steps.close(caseOfProcess.id(execution), clock.now());
    }

    /**
     * A task appears: forget the previous round's choices so the form starts empty, prepare suggestions, and name
     * the task after its case and unit — units may not read process variables, so Tasklist's list shows them the
     * case only through the name.
     */
    @Bean
    TaskListener caseTaskCreated() {
        return task -> {
            RectificationCase c = caseOfProcess.of(task);
            CaseStep step = CaseStep.of(ProcessKeys.of(task), task.getTaskDefinitionKey()).orElseThrow(() ->
                    new IllegalStateException("No case step for task " + task.getTaskDefinitionKey()));
            task.setDescription(c.caseNumber() + " " + c.title());
            String unit = c.leadUnitCode() == null ? "" : "（" + catalog.unitName(c.leadUnitCode()) + "）";
            task.setName(task.getName() + "：" + c.caseNumber() + unit + " " + c.title());
            // The extension decision's form offers the requested date as the default: that one is kept.
            step.variables().stream().filter(name -> step != CaseStep.DECIDE_EXTENSION || !name.equals(EXTENSION_UNTIL))
                    .forEach(name -> task.getExecution().removeVariable(name));
            if (step == CaseStep.REASSIGN) {
                RoutingDecision suggestion = assignment.suggestReassignment(c.id());
                task.getExecution().setVariable(SUGGESTED_UNIT, suggestion.leadUnit());
                task.getExecution().setVariable(SUGGESTED_UNIT_NAME, catalog.unitName(suggestion.leadUnit()));
            }
        };
    }

    /**
     * A task is completed, from any door: the gate checks the case's status, the actor's unit or role, the claim
     * and the separation of duties inside the completing transaction (the doors that can see what the client sent
     * have already refused undeclared variables), then the step's handler applies it.
     */
    @Bean
    TaskListener caseTaskCompleted() {
        return task -> {
            StepGate.Actor who = actor.current();
            StepGate.Admitted admitted = gate.admit(new StepGate.TaskAtHand(task.getId(), ProcessKeys.of(task), task.getTaskDefinitionKey(),
                    task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey(), task.getAssignee()),
                    who, null).orElseThrow(() -> new IllegalStateException(
                    "No case step for task " + task.getTaskDefinitionKey()));
            CaseStep step = admitted.step();
            long caseId = admitted.theCase().id();
            if (task.getAssignee() == null && !who.isSystem()) {
                task.setAssignee(who.id()); // acting on an unclaimed task claims it: the history names who did it
            }
            try {
                String what = handlers.get(step).apply(task, caseId, who.id(), clock.now());
                gate.done(who, step, caseId, what);
            } catch (DomainException refusal) {
                gate.refused(who, step, caseId, refusal.detail());
                throw refusal;
            }
        };
    }

    private String check(DelegateTask task, long caseId, String who, OffsetDateTime now) {
        CheckOutcome outcome = StepOutcomes.parse(CheckOutcome.class, task.getVariable(CHECK_OUTCOME),
                "check-outcome", "核实结论");
        switch (outcome) {
            case FILE -> steps.file(caseId, string(task, CORRECTED_CATEGORY), string(task, CORRECTED_ADDRESS),
                    string(task, CORRECTED_GRID), who, now);
            case REJECT -> steps.reject(caseId, string(task, REJECTION_REASON), string(task, REJECTION_COMMENT),
                    string(task, DUPLICATE_OF), who, now);
        }
        return outcome.chineseLabel();
    }

    private String accept(DelegateTask task, long caseId, String who, OffsetDateTime now) {
        AcceptOutcome outcome = StepOutcomes.parse(AcceptOutcome.class, task.getVariable(ACCEPT_OUTCOME),
                "accept-outcome", "");
        switch (outcome) {
            case ACCEPT -> steps.accept(caseId, who, now);
            case RETURN -> steps.returnToDispatcher(caseId, string(task, RETURN_REASON), who, now);
        }
        return outcome.chineseLabel();
    }

    private String reassign(DelegateTask task, long caseId, String who, OffsetDateTime now) {
        String unit = assignment.checkReassignment(caseId, string(task, REASSIGN_UNIT), string(task, REASSIGN_REASON));
        return "改派至" + catalog.unitName(unit);
    }

    private String fix(DelegateTask task, long caseId, String who, OffsetDateTime now) {
        Object sent = task.getVariable(FIX_OUTCOME);
        FixOutcome outcome = sent == null ? FixOutcome.FIXED
                : StepOutcomes.parse(FixOutcome.class, sent, "fix-outcome", "");
        task.setVariable(FIX_OUTCOME, outcome.name());
        switch (outcome) {
            case FIXED -> steps.submitRectification(caseId, string(task, RECTIFICATION_NOTE), afterPhotos(task), who, now);
            case EXTENSION -> extensions.request(caseId, string(task, EXTENSION_UNTIL), string(task, EXTENSION_REASON),
                    who, now);
            case SUSPENSION -> suspensions.request(caseId, string(task, SUSPENSION_REASON), who, now);
        }
        return outcome.chineseLabel();
    }

    private String decideExtension(DelegateTask task, long caseId, String who, OffsetDateTime now) {
        OffsetDateTime approved = extensions.decide(caseId, string(task, EXTENSION_DECISION),
                string(task, EXTENSION_UNTIL), string(task, EXTENSION_COMMENT), who, now);
        task.getExecution().setVariable(EXTENSION_APPROVED_UNTIL,
                approved == null ? null : java.util.Date.from(approved.toInstant()));
        return approved == null ? "不同意延期" : "同意延期";
    }

    private String decideSuspension(DelegateTask task, long caseId, String who, OffsetDateTime now) {
        return suspensions.decide(caseId, string(task, SUSPENSION_DECISION), string(task, SUSPENSION_COMMENT), who, now)
                ? "同意挂账" : "不同意挂账";
    }

    private String resume(DelegateTask task, long caseId, String who, OffsetDateTime now) {
        task.getExecution().setVariable(RESUME_COMMENT, string(task, RESUME_COMMENT));
        return "恢复整改";
    }

    private String verify(DelegateTask task, long caseId, String who, OffsetDateTime now) {
        steps.verify(caseId, string(task, VERIFICATION_OUTCOME), string(task, VERIFICATION_COMMENT), actor.groups(),
                who, now);
        return "核查" + StepOutcomes.parse(StepOutcomes.VerificationOutcome.class, task.getVariable(VERIFICATION_OUTCOME),
                "verification-outcome", "核查结论").chineseLabel();
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

    private static String string(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
