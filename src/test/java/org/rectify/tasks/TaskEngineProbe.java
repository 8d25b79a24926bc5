package org.rectify.tasks;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the task tests read back: a task's ladder steps, its process's timers, and its due jobs run by hand. */
final class TaskEngineProbe {

    private final JdbcClient jdbc;
    private final ManagementService managementService;

    TaskEngineProbe(JdbcClient jdbc, ManagementService managementService) {
        this.jdbc = jdbc;
        this.managementService = managementService;
    }

    List<String> ladder(long taskId) {
        return jdbc.sql("select kind from task_event where task_id = :id and kind in ('WARNING', 'URGING', 'SUPERVISION', 'TRANSFER') "
                + "order by id").param("id", taskId).query(String.class).list();
    }

    /** The process's timers by the activity they start, with their due dates. */
    Map<String, Date> timers(String instance) {
        Map<String, Date> timers = new LinkedHashMap<>();
        managementService.createJobQuery().processInstanceId(instance).timers().list()
                .forEach(job -> timers.put(managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult().getActivityId(), job.getDuedate()));
        return timers;
    }

    /** Runs the process's due jobs as the job executor would. */
    void runDueJobs(String instance) {
        org.rectify.support.EngineJobs.runDue(managementService, instance);
    }
}
