package org.rectify.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.SecondNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one PostgreSQL, as in a scaled-out deployment: both run the same due ladder job
 * at the same moment, and the step still happens once.
 */
@RectifyIntegrationTest
class TwoNodesIntegrationTests {

    private static ConfigurableApplicationContext secondNode;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ManagementService firstNodeJobs;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startSecondNode(@Autowired DataSource dataSource) {
        secondNode = SecondNode.start(dataSource);
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aDueStepRunOnTwoNodesAtOnceHappensOnce() throws Exception {
        ClockUtil.setCurrentTime(date(EscalationLadderIntegrationTests.REPORTED));
        Api api = new Api(rest);
        long id = api.reportCase(api.patrolReport("NOISE", "SERIOUS")).get("id").asLong();
        assertThat(api.post("sthjj-handler", "/api/cases/" + id + "/accept", null).getStatusCode().value()).isEqualTo(200);
        String processInstanceId = api.caseDetail(id).get("processInstanceId").asText();
        ClockUtil.setCurrentTime(date("2026-09-22T18:05:00+08:00"));
        List<Job> due = firstNodeJobs.createJobQuery().processInstanceId(processInstanceId).executable().list();
        assertThat(due).hasSize(2); // the warning and the urging notice
        ManagementService secondNodeJobs = secondNode.getBean(ManagementService.class);
        assertThat(secondNodeJobs.createJobQuery().processInstanceId(processInstanceId).count())
                .as("the second node works on the same database").isEqualTo(firstNodeJobs.createJobQuery()
                        .processInstanceId(processInstanceId).count());

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> runs = new ArrayList<>();
            for (Job job : due) {
                for (ManagementService node : List.of(firstNodeJobs, secondNodeJobs)) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        try {
                            node.executeJob(job.getId());
                            return true;
                        } catch (RuntimeException lostTheRace) {
                            return false;
                        }
                    }));
                }
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> run : runs) {
                succeeded += run.get() ? 1 : 0;
            }
            // Jobs of one process instance collide (optimistic locking) and the losers are retried later, as the
            // job executor does; no job may have run on both nodes.
            assertThat(succeeded).isBetween(1, 2);
        } finally {
            pool.shutdownNow();
        }
        // A job that lost the race waits out its retry delay before the next node picks it up.
        ClockUtil.setCurrentTime(date("2026-09-22T18:30:00+08:00"));
        for (int attempt = 0; attempt < 5; attempt++) {
            for (Job retry : secondNodeJobs.createJobQuery().processInstanceId(processInstanceId).executable().list()) {
                secondNodeJobs.executeJob(retry.getId());
            }
        }
        assertThat(firstNodeJobs.createJobQuery().processInstanceId(processInstanceId).executable().list())
                .extracting(job -> job.getJobDefinitionId() + "/" + job.getRetries() + "/" + job.getExceptionMessage())
                .isEmpty();

        JsonNode detail = api.caseDetail(id);
        // Both steps are taken after the deadline: the warning that can no longer warn is recorded as skipped (with
        // the moment it was due), the urging notice is issued — each exactly once, whichever node took it.
        assertThat(detail.get("history").findValuesAsText("action").stream().filter(a -> a.startsWith("ESCALATION_")))
                .containsExactlyInAnyOrder("ESCALATION_SKIPPED", "ESCALATION_URGING");
        assertThat(jdbc.sql("select count(*) from escalation_step where case_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(2);
    }

    private static Date date(String at) {
        return Date.from(OffsetDateTime.parse(at).toInstant());
    }
}
