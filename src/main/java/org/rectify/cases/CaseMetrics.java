package org.rectify.cases;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.List;
import org.rectify.clock.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The business figures for Prometheus: open and overdue cases (read on each scrape), cases assigned and closed
 * (counted as they commit; per hour = {@code rate(...[1h]) * 3600}).
 */
@Component
class CaseMetrics {

    /** As the dashboard counts overdue: a suspended case's clock stands still. */
    private static final List<String> RUNNING = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isClockRunning)
            .map(Enum::name).toList();

    private final Counter assigned;
    private final Counter closed;

    CaseMetrics(MeterRegistry registry, JdbcClient jdbc, BusinessClock clock, CaseTallies tallies) {
        // from the counters kept with every case change: a count over a million rows at every scrape would not do
        Gauge.builder("rectify.cases.open", () -> tallies.open(null).stream().mapToLong(CaseTallies.Count::n).sum())
                .description("Cases not closed, voided or rejected").register(registry);
        Gauge.builder("rectify.cases.overdue", () -> jdbc.sql("""
                select count(*) from rectification_case where status in (:running) and deadline < :now""")
                .param("running", RUNNING).param("now", clock.now()).query(Long.class).single())
                .description("Cases past their deadline while their clock runs").register(registry);
        assigned = Counter.builder("rectify.cases.assigned").description("Cases assigned to a unit (reports that became cases)")
                .register(registry);
        closed = Counter.builder("rectify.cases.closed").description("Cases closed (销号)").register(registry);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CaseAssigned event) {
        assigned.increment();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CaseClosed event) {
        closed.increment();
    }
}
