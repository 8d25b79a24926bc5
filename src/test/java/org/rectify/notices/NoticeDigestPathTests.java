package org.rectify.notices;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.BareEngine;
import org.rectify.support.ProcessPathTest;

/** processes/notice-digest.bpmn: the morning digest goes out on working days only. */
class NoticeDigestPathTests extends ProcessPathTest {

    NoticeDigestPathTests() {
        super("notice-digest.bpmn");
    }

    @Test
    void onAWorkingDayTheDigestIsSent() throws Exception {
        ProcessInstance pi = morning(true);
        assertThat(pi).isEnded().hasPassed("ServiceTask_SendDigest", "EndEvent_Sent");
        verify(delegate("sendDailyDigest")).execute(any());
    }

    @Test
    void onADayOffNothingIsSent() throws Exception {
        ProcessInstance pi = morning(false);
        assertThat(pi).isEnded().hasPassed("EndEvent_DayOff").hasNotPassed("ServiceTask_SendDigest");
        verify(delegate("sendDailyDigest"), never()).execute(any());
    }

    /** What the 08:30 timer starts, started by hand (the timer start event is the engine's business). */
    private ProcessInstance morning(boolean workingDay) throws Exception {
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable("workingDay", workingDay);
            return null;
        }).when(delegate("checkWorkingDay")).execute(any());
        return engine.getRuntimeService().createProcessInstanceByKey("noticeDigest")
                .startBeforeActivity("ServiceTask_CheckWorkingDay").execute();
    }

}
