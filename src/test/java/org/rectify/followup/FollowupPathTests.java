package org.rectify.followup;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.BareEngine;
import org.rectify.support.ProcessPathTest;

/** The paths through processes/followup.bpmn (回访) on a bare engine with every delegate mocked. */
class FollowupPathTests extends ProcessPathTest {

    FollowupPathTests() {
        super("followup.bpmn");
    }

    @Test
    void aReporterWhoSaysItIsFixedEndsTheFollowup() {
        ProcessInstance pi = start();
        answer(pi, "FIXED");
        assertThat(pi).isEnded().hasPassed("EndEvent_Satisfied").hasNotPassed("UserTask_FollowupReview");
    }

    @Test
    void aReporterWhoSaysItIsNotFixedGetsASupervisorsReviewThatConfirmsOrReopens() throws Exception {
        ProcessInstance confirmed = start();
        answer(confirmed, "NOT_FIXED");
        assertThat(confirmed).isWaitingAt("UserTask_FollowupReview");
        complete(task(confirmed), withVariables("reviewOutcome", "PASS"));
        assertThat(confirmed).isEnded().hasPassed("ServiceTask_ApplyReview", "EndEvent_ConfirmedFixed");

        ProcessInstance reopened = start();
        answer(reopened, "NOT_FIXED");
        complete(task(reopened), withVariables("reviewOutcome", "FAIL"));
        assertThat(reopened).isEnded().hasPassed("EndEvent_Reopened");
    }

    @Test
    void silenceUntilTheWaitEndsIsRecordedAndAnAnswerAfterItFindsNothingToAnswer() throws Exception {
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(days(start, 8));
        BareEngine.runDueTimers(pi.getId());
        assertThat(pi).isEnded().hasPassed("ServiceTask_RecordSilence", "EndEvent_Silent");
        verify(delegate("recordFollowupSilence")).execute(any());
        verify(delegate("applyFollowupReview"), never()).execute(any());
        org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createMessageCorrelation("FollowupAnswered")
                .processInstanceId(pi.getId()).correlateAllWithResult()).isEmpty();
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey(Followups.PROCESS_KEY,
                Map.of("waitUntil", days(start, 7), "caseNumber", "ZG-2026-000001", "title", "星河路占道经营"));
    }

    private void answer(ProcessInstance pi, String answer) {
        engine.getRuntimeService().createMessageCorrelation("FollowupAnswered").processInstanceId(pi.getId())
                .setVariable("answer", answer).correlate();
    }

}
