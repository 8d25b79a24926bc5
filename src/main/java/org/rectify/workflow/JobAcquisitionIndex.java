package org.rectify.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The index behind the job executor's acquisition by due date ({@code jobExecutorAcquireByDueDate}): without it,
 * each acquisition sorts every acquirable job, which with 100 000 due timers (the morning after a long holiday)
 * costs more than running the jobs. Made here, not in a Flyway migration: Camunda creates its tables after Flyway
 * on a new database. {@code if not exists} keeps every later start (and a second node) instant.
 */
@Component
class JobAcquisitionIndex {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    private final JdbcClient jdbc;

    JobAcquisitionIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void ensure() {
        try {
            jdbc.sql("""
                    create index if not exists rectify_job_acquisition on act_ru_job (type_ desc, duedate_)
                    where retries_ > 0 and suspension_state_ = 1""").update();
        } catch (RuntimeException e) {
            // two nodes starting at once may race on the catalog; the other one made it
            log.warn("Job acquisition index not created here: {}", e.getMessage());
        }
    }
}
