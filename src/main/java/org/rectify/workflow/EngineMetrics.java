package org.rectify.workflow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.rectify.escalation.EscalationStepTaken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The job executor's state for Prometheus: the backlog of jobs due now (what the holiday morning piles up), the
 * jobs failed for good (no retries left: an incident to look at), and the ladder steps taken (per hour =
 * {@code rate(rectify_ladder_steps_total[1h]) * 3600}). Read on each scrape from the engine's own queries.
 */
@Component
class EngineMetrics {

    private final MeterRegistry registry;

    EngineMetrics(MeterRegistry registry, ManagementService jobs) {
        this.registry = registry;
        Gauge.builder("rectify.engine.jobs.due", () -> jobs.createJobQuery().executable().count())
                .description("Jobs due now and not failed: the job executor's backlog").register(registry);
        Gauge.builder("rectify.engine.jobs.failed", () -> jobs.createJobQuery().noRetriesLeft().count())
                .description("Jobs out of retries (incidents)").register(registry);
        Gauge.builder("rectify.engine.jobs.timers", () -> jobs.createJobQuery().timers().count())
                .description("Timer jobs waiting, due or not (ladder steps, deadlines)").register(registry);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(EscalationStepTaken step) {
        registry.counter("rectify.ladder.steps", "step", step.step().name()).increment();
    }
}
