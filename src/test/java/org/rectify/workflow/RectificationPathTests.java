package org.rectify.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.BareEngine;
import org.rectify.support.ProcessPathTest;

/**
 * The paths through processes/rectification.bpmn on a bare engine with every delegate mocked: what the diagram does
 * with the outcomes the forms send and with the ladder's dates, apart from what the delegates do (the
 * whole-application tests cover those). Fast: one engine and database for every path test in the run.
 */
class RectificationPathTests extends ProcessPathTest {

    RectificationPathTests() {
        super("rectification.bpmn");
    }

    @BeforeEach
    void setUp() throws Exception {
        // the routing picks the lead unit, the ladder plans its four dates one day apart
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable(ProcessVariables.LEAD_UNIT, "cgj");
            return null;
        }).when(delegate("routeCase")).execute(any());
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            Date now = ClockUtil.getCurrentTime();
            execution.setVariable(ProcessVariables.WARNING_AT, days(now, 1));
            execution.setVariable(ProcessVariables.DEADLINE, days(now, 2));
            execution.setVariable(ProcessVariables.SUPERVISE_AT, days(now, 3));
            execution.setVariable(ProcessVariables.TRANSFER_AT, days(now, 4));
            return null;
        }).when(delegate("planLadder")).execute(any());
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable("reworkTransferDue", false);
            return null;
        }).when(delegate("reworkCase")).execute(any());
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariableLocal("transferWaits", false);
            return null;
        }).when(delegate("transferOverdue")).execute(any());
    }

    @Test
    void aFiledCaseIsAcceptedFixedVerifiedAndClosed() throws Exception {
        ProcessInstance pi = start(false);
        assertThat(pi).isWaitingAt("UserTask_Accept");
        complete(task(pi), withVariables("acceptOutcome", "ACCEPT"));
        assertThat(pi).isWaitingAt("UserTask_Fix");
        complete(task(pi), withVariables("fixOutcome", "FIXED"));
        assertThat(pi).isWaitingAt("UserTask_Verify");
        complete(task(pi), withVariables("verificationOutcome", "PASS"));
        assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_Route", "UserTask_Accept", "ServiceTask_PlanLadder",
                "UserTask_Fix", "UserTask_Verify", "ServiceTask_Close", "EndEvent_Closed");
        verify(delegate("closeCase")).execute(any());
    }

    @Test
    void aFailedVerificationSendsTheCaseBackToTheUnitWithANewLadder() throws Exception {
        ProcessInstance pi = start(false);
        complete(task(pi), withVariables("acceptOutcome", "ACCEPT"));
        complete(task(pi), withVariables("fixOutcome", "FIXED"));
        complete(task(pi), withVariables("verificationOutcome", "FAIL"));
        assertThat(pi).isWaitingAt("UserTask_Fix").hasPassed("ServiceTask_Rework").hasNotPassed("ServiceTask_Close");
        verify(delegate("planLadder"), times(2)).execute(any());
    }

    @Test
    void aReportThatNeedsCheckingIsRejectedOrFiled() {
        ProcessInstance rejected = start(true);
        assertThat(rejected).isWaitingAt("UserTask_Check");
        complete(task(rejected), withVariables("checkOutcome", "REJECT"));
        assertThat(rejected).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("ServiceTask_Route");

        ProcessInstance filed = start(true);
        complete(task(filed), withVariables("checkOutcome", "FILE"));
        assertThat(filed).isWaitingAt("UserTask_Accept").hasPassed("ServiceTask_Route");
    }

    @Test
    void aReturnedCaseIsReassignedAndOfferedForAcceptanceAgain() throws Exception {
        ProcessInstance pi = start(false);
        complete(task(pi), withVariables("acceptOutcome", "RETURN"));
        assertThat(pi).isWaitingAt("UserTask_Reassign");
        complete(task(pi));
        assertThat(pi).isWaitingAt("UserTask_Accept").hasPassed("ServiceTask_ApplyReassignment");
        verify(delegate("applyReassignment")).execute(any());
    }

    @Test
    void anApprovedExtensionReplansTheLadderAndARefusedOneLeavesTheFixOpen() throws Exception {
        ProcessInstance pi = start(false);
        complete(task(pi), withVariables("acceptOutcome", "ACCEPT"));
        complete(task(pi), withVariables("fixOutcome", "EXTENSION"));
        assertThat(pi).isWaitingAt("UserTask_DecideExtension");
        complete(task(pi), withVariables("extensionDecision", "REFUSE"));
        assertThat(pi).isWaitingAt("UserTask_Fix").hasNotPassed("ServiceTask_ApplyExtension");

        complete(task(pi), withVariables("fixOutcome", "EXTENSION"));
        complete(task(pi), withVariables("extensionDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("UserTask_Fix").hasPassed("EndEvent_ExtensionApproved", "ServiceTask_ApplyExtension");
        verify(delegate("planLadder"), times(2)).execute(any());
    }

    @Test
    void anApprovedSuspensionWaitsForReviewAndResumes() throws Exception {
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable("suspensionReviewCycle", "R/P10D");
            return null;
        }).when(delegate("suspendCase")).execute(any());
        ProcessInstance pi = start(false);
        complete(task(pi), withVariables("acceptOutcome", "ACCEPT"));
        complete(task(pi), withVariables("fixOutcome", "SUSPENSION"));
        complete(task(pi), withVariables("suspensionDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("UserTask_Suspended").hasPassed("ServiceTask_Suspend");
        // the review reminder comes every ten days while the case stays suspended; the ladder's timers are gone
        ClockUtil.setCurrentTime(days(start, 11));
        BareEngine.runDueTimers(pi.getId());
        verify(delegate("remindSuspensionReview")).execute(any());
        verify(delegate("warnUnit"), times(0)).execute(any());
        complete(task(pi));
        assertThat(pi).isWaitingAt("UserTask_Fix").hasPassed("ServiceTask_Resume");
    }

    @Test
    void theLadderWarnsUrgesSupervisesAndTransfersAsTheDaysPassWhileTheFixStaysOpen() throws Exception {
        ProcessInstance pi = start(false);
        complete(task(pi), withVariables("acceptOutcome", "ACCEPT"));
        Date accepted = ClockUtil.getCurrentTime();
        String[] rungs = {"warnUnit", "urgeUnit", "issueSupervisionOrder", "transferOverdue"};
        for (int day = 1; day <= 4; day++) {
            ClockUtil.setCurrentTime(new Date(days(accepted, day).getTime() + Duration.ofMinutes(1).toMillis()));
            BareEngine.runDueTimers(pi.getId());
            verify(delegate(rungs[day - 1])).execute(any());
            assertThat(pi).isWaitingAt("UserTask_Fix");
        }
        assertThat(pi).hasPassed("ServiceTask_Warn", "ServiceTask_Urge", "ServiceTask_Supervise",
                "ServiceTask_TransferOverdue", "EndEvent_TransferredOverdue");
        complete(task(pi), withVariables("fixOutcome", "FIXED"));
        assertThat(pi).isWaitingAt("UserTask_Verify");
    }

    @Test
    void aTimerFiringDaysLateStillTakesEachRungOnce() throws Exception {
        ProcessInstance pi = start(false);
        complete(task(pi), withVariables("acceptOutcome", "ACCEPT"));
        ClockUtil.setCurrentTime(days(ClockUtil.getCurrentTime(), 30)); // the server was down for a month
        BareEngine.runDueTimers(pi.getId());
        for (String rung : new String[] {"warnUnit", "urgeUnit", "issueSupervisionOrder", "transferOverdue"}) {
            verify(delegate(rung), times(1)).execute(any());
        }
        assertThat(pi).isWaitingAt("UserTask_Fix");
    }

    @Test
    void aVoidedCaseEndsWhereverItStands() {
        ProcessInstance pi = start(false);
        complete(task(pi), withVariables("acceptOutcome", "ACCEPT"));
        engine.getRuntimeService().createMessageCorrelation("VoidCase").processInstanceId(pi.getId()).correlate();
        assertThat(pi).isEnded().hasPassed("ServiceTask_Void", "EndEvent_Voided").hasNotPassed("ServiceTask_Close");
    }

    private ProcessInstance start(boolean needsCheck) {
        return engine.getRuntimeService().startProcessInstanceByKey(ProcessVariables.PROCESS_KEY,
                "ZG-PATH-" + UUID.randomUUID(), Map.of(ProcessVariables.NEEDS_CHECK, needsCheck));
    }

}
