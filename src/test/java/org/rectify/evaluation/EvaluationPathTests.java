package org.rectify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.rectify.support.ProcessPathTest;

/**
 * processes/evaluation.bpmn: the monthly ranking is computed at 02:00 on the 1st of every month and the quarterly
 * assessment at 02:30 on the 1st of January, April, July and October (Beijing time), each time again after it ran.
 */
class EvaluationPathTests extends ProcessPathTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    EvaluationPathTests() {
        super("evaluation.bpmn");
    }

    @Test
    void theMonthlyRankingRunsAtTwoOnTheFirstOfEveryMonthAndIsScheduledAgain() throws Exception {
        Job first = timerOf("evaluationMonthly");
        LocalDateTime due = local(first);
        assertThat(due.getDayOfMonth()).isEqualTo(1);
        assertThat(due.toLocalTime().toString()).isEqualTo("02:00");

        ClockUtil.setCurrentTime(first.getDuedate());
        engine.getManagementService().executeJob(first.getId());
        verify(delegate("evaluateLastMonth")).execute(any());
        LocalDateTime next = local(timerOf("evaluationMonthly"));
        assertThat(next).isEqualTo(due.plusMonths(1));
    }

    @Test
    void theQuarterlyAssessmentRunsAtHalfPastTwoOnTheFirstDayOfEachQuarter() throws Exception {
        Job first = timerOf("evaluationQuarterly");
        LocalDateTime due = local(first);
        assertThat(due.getMonthValue()).isIn(1, 4, 7, 10);
        assertThat(due.getDayOfMonth()).isEqualTo(1);
        assertThat(due.toLocalTime().toString()).isEqualTo("02:30");

        ClockUtil.setCurrentTime(first.getDuedate());
        engine.getManagementService().executeJob(first.getId());
        verify(delegate("evaluateLastQuarter")).execute(any());
        assertThat(local(timerOf("evaluationQuarterly"))).isEqualTo(due.plusMonths(3));
    }

    private Job timerOf(String processKey) {
        return engine.getManagementService().createJobQuery().processDefinitionKey(processKey).timers().singleResult();
    }

    private static LocalDateTime local(Job job) {
        return LocalDateTime.ofInstant(job.getDuedate().toInstant(), BEIJING);
    }
}
