package org.rectify.tasks;

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

/** The paths through processes/task.bpmn (任务清单) on a bare engine with every delegate mocked. */
class TaskPathTests extends ProcessPathTest {

    TaskPathTests() {
        super("task.bpmn");
    }

    @BeforeEach
    void setUp() throws Exception {
        JavaDelegate planTimetable = execution -> {
            Date now = ClockUtil.getCurrentTime();
            execution.setVariable("warningAt", days(now, 1));
            execution.setVariable("urgeAt", days(now, 2));
            execution.setVariable("superviseAt", days(now, 3));
            execution.setVariable("transferAt", days(now, 4));
            execution.setVariable("dueAt", days(now, 2));
        };
        for (String planner : new String[] {"planTaskAcknowledgement", "planTaskLadder"}) {
            doAnswer(call -> {
                planTimetable.execute(call.getArgument(0));
                return null;
            }).when(delegate(planner)).execute(any());
        }
    }

    @Test
    void anAcknowledgedTaskReportedDoneAndPassedIsAchieved() throws Exception {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("UserTask_Acknowledge");
        complete(task(pi));
        assertThat(pi).isWaitingAt("UserTask_Report").hasPassed("ServiceTask_PlanLadder");
        complete(task(pi), withVariables("reportKind", "COMPLETION"));
        assertThat(pi).isWaitingAt("UserTask_Review");
        complete(task(pi), withVariables("reviewOutcome", "PASS"));
        assertThat(pi).isEnded().hasPassed("ServiceTask_Achieve", "EndEvent_Achieved");
        verify(delegate("achieveTask")).execute(any());
    }

    @Test
    void aProgressReportOrAFailedReviewStartsTheNextCycle() throws Exception {
        ProcessInstance pi = start();
        complete(task(pi));
        complete(task(pi), withVariables("reportKind", "PROGRESS"));
        assertThat(pi).isWaitingAt("UserTask_Report");
        complete(task(pi), withVariables("reportKind", "COMPLETION"));
        complete(task(pi), withVariables("reviewOutcome", "FAIL"));
        assertThat(pi).isWaitingAt("UserTask_Report").hasNotPassed("ServiceTask_Achieve");
        verify(delegate("planTaskLadder"), times(3)).execute(any());
    }

    @Test
    void aSilentUnitIsWarnedUrgedSupervisedAndTransferredWhileTheReportStaysOpen() throws Exception {
        ProcessInstance pi = start();
        complete(task(pi));
        ClockUtil.setCurrentTime(days(start, 5));
        BareEngine.runDueTimers(pi.getId());
        verify(delegate("taskLadderStep"), times(4)).execute(any());
        assertThat(pi).isWaitingAt("UserTask_Report")
                .hasPassed("ServiceTask_Warn", "ServiceTask_Urge", "ServiceTask_Supervise", "ServiceTask_Transfer");
    }

    @Test
    void aTaskNotAcknowledgedClimbsTheLadderWhileTheAcknowledgementStaysOpen() throws Exception {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("UserTask_Acknowledge").hasPassed("ServiceTask_PlanAcknowledge");
        ClockUtil.setCurrentTime(days(start, 5));
        BareEngine.runDueTimers(pi.getId());
        verify(delegate("taskLadderStep"), times(4)).execute(any());
        assertThat(pi).isWaitingAt("UserTask_Acknowledge")
                .hasPassed("ServiceTask_AckWarn", "ServiceTask_AckUrge", "ServiceTask_AckSupervise", "ServiceTask_AckTransfer")
                .hasNotPassed("ServiceTask_PlanLadder");
        complete(task(pi));
        assertThat(pi).isWaitingAt("UserTask_Report").hasPassed("ServiceTask_PlanLadder");
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey(TaskVariables.PROCESS_KEY,
                Map.of("unitCode", "cgj", "taskId", 1L));
    }

}
