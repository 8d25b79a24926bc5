package org.rectify.workflow;

import static org.rectify.workflow.ProcessVariables.*;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectify.cases.Assignment;
import org.rectify.cases.Cases;
import org.rectify.cases.RectificationCase;
import org.rectify.clock.BusinessClock;
import org.rectify.escalation.EscalationLadder;
import org.rectify.escalation.EscalationStepTaken.Step;
import org.rectify.escalation.EscalationStepTaken.TransferReason;
import org.rectify.escalation.Extensions;
import org.rectify.escalation.Suspensions;
import org.rectify.escalation.Voiding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of the escalation ladder, extensions, suspension, rework and voiding in the BPMN. */
@Configuration(proxyBeanMethods = false)
class LadderCallbacks {

    private final Cases cases;
    private final Assignment assignment;
    private final EscalationLadder ladder;
    private final Extensions extensions;
    private final Suspensions suspensions;
    private final Voiding voiding;
    private final ProcessFacts facts;
    private final EngineActor actor;
    private final BusinessClock clock;
    private final CaseOfProcess caseOfProcess;

    LadderCallbacks(Cases cases, Assignment assignment, EscalationLadder ladder, Extensions extensions,
            Suspensions suspensions, Voiding voiding, ProcessFacts facts, EngineActor actor, BusinessClock clock,
            CaseOfProcess caseOfProcess) {
        this.caseOfProcess = caseOfProcess;
        this.cases = cases;
        this.assignment = assignment;
        this.ladder = ladder;
        this.extensions = extensions;
        this.suspensions = suspensions;
        this.voiding = voiding;
        this.facts = facts;
        this.actor = actor;
        this.clock = clock;
    }

    /** Before each round of rectification: the timers of the subprocess read these dates when it is entered. */
    @Bean
    JavaDelegate planLadder() {
        return execution -> {
            long caseId = caseId(execution);
            EscalationLadder.Plan plan = ladder.plan(caseId, clock.now());
            facts.refresh(execution, cases.require(caseId));
            execution.setVariable(WARNING_AT, Date.from(plan.warningAt().toInstant()));
            execution.setVariable(DEADLINE, Date.from(plan.deadline().toInstant()));
            execution.setVariable(SUPERVISE_AT, Date.from(plan.superviseAt().toInstant()));
            execution.setVariable(ORDER_DEADLINE, Date.from(plan.orderDeadline().toInstant()));
            execution.setVariable(TRANSFER_AT, Date.from(plan.transferAt().toInstant()));
            execution.setVariable(TRANSFER_REASON, plan.transferReason().name());
        };
    }

    @Bean
    JavaDelegate warnUnit() {
        return execution -> climbTo(execution, Step.WARNING);
    }

    @Bean
    JavaDelegate urgeUnit() {
        return execution -> climbTo(execution, Step.URGING);
    }

    @Bean
    JavaDelegate issueSupervisionOrder() {
        return execution -> climbTo(execution, Step.SUPERVISION);
    }

    @Bean
    JavaDelegate transferOverdue() {
        return execution -> climbTo(execution, Step.TRANSFER);
    }

    /**
     * Takes every step up to the given one that is not taken yet, in order: when the engine was down or a case
     * was left for weeks, several timers fall due at once and may run in any order, but the unit must still
     * have been urged before it is put under supervision, and under supervision before it is transferred. Each
     * step is computed from the moment it is actually taken (see {@link EscalationLadder#urge}).
     */
    private void climbTo(DelegateExecution execution, Step target) {
        // read once for the whole climb: the business key names the case, and the steps only read its deadline and facts
        RectificationCase c = caseOfProcess.of(execution);
        long caseId = c.id();
        OffsetDateTime now = clock.now();
        Set<Step> done = target == Step.WARNING ? Set.of() : ladder.stepsDone(c);
        for (Step step : Step.values()) {
            if (step.ordinal() > target.ordinal()) {
                return;
            }
            // the transfer's branch also tells the BPMN whether to wait, so it always runs
            if (step != Step.TRANSFER && done.contains(step)) {
                continue;
            }
            switch (step) {
                case WARNING -> ladder.warn(c, moment(execution, WARNING_AT), now);
                case URGING -> ladder.urge(c, moment(execution, DEADLINE), now);
                case SUPERVISION -> ladder.supervise(c, moment(execution, SUPERVISE_AT), now)
                        .ifPresent(orderDeadline -> {
                            execution.setVariable(ORDER_DEADLINE, Date.from(orderDeadline.toInstant()));
                            // The unit is owed the time the order gives it: no transfer before the order expires.
                            if (orderDeadline.isAfter(moment(execution, TRANSFER_AT))) {
                                execution.setVariable(TRANSFER_AT, Date.from(orderDeadline.toInstant()));
                            }
                        });
                case TRANSFER -> {
                    OffsetDateTime transferAt = moment(execution, TRANSFER_AT);
                    boolean waits = transferAt.isAfter(now) && cases.require(caseId).status().isClockRunning();
                    // The BPMN waits on a timer at transferAt and comes back here; see BoundaryEvent_Transfer.
                    execution.setVariableLocal(TRANSFER_WAITS, waits);
                    if (!waits) {
                        ladder.take(caseId, Step.TRANSFER, Map.of("trigger", execution.getVariable(TRANSFER_REASON)),
                                "移交纪工委：" + TransferReason.valueOf((String) execution.getVariable(TRANSFER_REASON))
                                        .chineseLabel(), now, transferAt);
                    }
                }
            }
        }
    }

    private OffsetDateTime moment(DelegateExecution execution, String variable) {
        return ((Date) execution.getVariable(variable)).toInstant().atZone(clock.zone()).toOffsetDateTime();
    }

    @Bean
    JavaDelegate reworkCase() {
        return execution -> {
            RectificationCase c = assignment.rework(caseId(execution), clock.now());
            facts.refresh(execution, c);
            execution.setVariable(REWORK_TRANSFER_DUE, ladder.reworkTransferDue(c));
        };
    }

    @Bean
    JavaDelegate transferReworked() {
        return execution -> transfer(caseId(execution), TransferReason.REWORKED);
    }

    @Bean
    JavaDelegate applyExtension() {
        return execution -> {
            Date approved = (Date) execution.getVariable(EXTENSION_APPROVED_UNTIL);
            facts.refresh(execution, extensions.apply(caseId(execution),
                    approved.toInstant().atZone(clock.zone()).toOffsetDateTime(), clock.now()));
        };
    }

    @Bean
    JavaDelegate suspendCase() {
        return execution -> {
            long caseId = caseId(execution);
            suspensions.suspend(caseId, clock.now());
            execution.setVariable(SUSPENSION_REVIEW_CYCLE, suspensions.reviewCycle(caseId));
        };
    }

    @Bean
    JavaDelegate remindSuspensionReview() {
        return execution -> suspensions.remindReview(caseId(execution), clock.now());
    }

    @Bean
    JavaDelegate resumeCase() {
        return execution -> facts.refresh(execution, suspensions.resume(caseId(execution),
                (String) execution.getVariable(RESUME_COMMENT), actor.id(), clock.now()));
    }

    @Bean
    JavaDelegate voidCase() {
        return execution -> voiding.voidCase(caseId(execution), (String) execution.getVariable(VOID_REASON),
                (String) execution.getVariable(VOIDED_BY), clock.now());
    }

    private void transfer(long caseId, TransferReason reason) {
        ladder.take(caseId, Step.TRANSFER, Map.of("trigger", reason.name()), "移交纪工委：" + reason.chineseLabel(),
                clock.now());
    }

    private long caseId(DelegateExecution execution) {
        return caseOfProcess.id(execution);
    }
}
