package org.rectify.discipline;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
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

/** The paths through processes/discipline.bpmn on a bare engine with every delegate mocked. */
class DisciplinePathTests extends ProcessPathTest {

    DisciplinePathTests() {
        super("discipline.bpmn");
    }

    @Test
    void anAcknowledgedDecisionTakesEffect() throws Exception {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("UserTask_Decide").hasPassed("ServiceTask_Propose");
        complete(task(pi));
        assertThat(pi).isWaitingAt("UserTask_Notice").hasPassed("ServiceTask_RecordDecision");
        complete(task(pi), withVariables("noticeOutcome", "ACKNOWLEDGE"));
        assertThat(pi).isEnded().hasPassed("ServiceTask_TakeEffect", "EndEvent_Effective")
                .hasNotPassed("UserTask_ReviewAppeal");
        verify(delegate("disciplineTakeEffect")).execute(any());
    }

    @Test
    void anAppealIsReviewedBeforeTheDecisionTakesEffect() throws Exception {
        ProcessInstance pi = start();
        complete(task(pi));
        complete(task(pi), withVariables("noticeOutcome", "APPEAL"));
        assertThat(pi).isWaitingAt("UserTask_ReviewAppeal");
        complete(task(pi));
        assertThat(pi).isEnded().hasPassedInOrder("UserTask_ReviewAppeal", "ServiceTask_RecordReview",
                "ServiceTask_TakeEffect");
        verify(delegate("disciplineRecordReview")).execute(any());
    }

    @Test
    void withoutAnAnswerTheDecisionTakesEffectWhenTheAppealWindowCloses() {
        ProcessInstance pi = start();
        complete(task(pi));
        assertThat(pi).isWaitingAt("UserTask_Notice");
        ClockUtil.setCurrentTime(days(start, 6));
        BareEngine.runDueTimers(pi.getId());
        assertThat(pi).isEnded().hasPassed("BoundaryEvent_AppealWindow", "ServiceTask_TakeEffect")
                .hasNotPassed("Gateway_NoticeOutcome");
    }

    private ProcessInstance start() {
        // the appeal window (five days here) and the accountable unit come from the transfer and the decision
        return engine.getRuntimeService().startProcessInstanceByKey(DisciplineVariables.PROCESS_KEY, Map.of(
                "accountableUnit", "cgj", "appealDeadline", days(start, 5)));
    }

}
