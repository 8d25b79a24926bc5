package org.rectify.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectify.clock.BusinessClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of processes/evaluation.bpmn: on the 1st of each month the month just ended, on the 1st of
 * January, April, July and October the quarter just ended. Recomputing is idempotent (an identical result stores
 * nothing), so a retried job or a second node firing too changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationTimers {

    static final String BY = "系统定时";

    @Bean
    JavaDelegate evaluateLastMonth(Evaluations evaluations, BusinessClock clock) {
        return execution -> evaluate(evaluations, Period.monthBefore(clock.now()), execution);
    }

    @Bean
    JavaDelegate evaluateLastQuarter(Evaluations evaluations, BusinessClock clock) {
        return execution -> evaluate(evaluations, Period.quarterBefore(clock.now()), execution);
    }

    private static void evaluate(Evaluations evaluations, Period period, DelegateExecution execution) {
        Evaluations.Recomputed done = evaluations.recompute(period, "TIMER", BY);
        execution.setVariable("period", period.key());
        execution.setVariable("version", done.evaluation().version());
    }
}
