package org.rectify.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Runs a process instance's due jobs in the test's thread, as a node's job executor would (tests run with the job
 * executor off, so that timers fire only when a test says so).
 */
public final class EngineJobs {

    private EngineJobs() {
    }

    /** Executes one due job of the process with this business key; false when it has none (or has ended). */
    public static boolean runNext(ProcessEngine engine, String businessKey) {
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).singleResult();
        if (instance == null) {
            return false;
        }
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable()
                .orderByJobId().asc().listPage(0, 1).stream().findFirst().orElse(null);
        if (job == null) {
            return false;
        }
        engine.getManagementService().executeJob(job.getId());
        return true;
    }

    /** Executes the process's due jobs, and those they create, until none is left; returns how many ran. */
    public static int runAll(ProcessEngine engine, String businessKey) {
        int ran = 0;
        while (runNext(engine, businessKey)) {
            ran++;
        }
        return ran;
    }

    /**
     * Executes the process instance's due jobs, round after round (a job may make the next one due), at most 20
     * rounds: a ladder has fewer steps than that.
     */
    public static void runDue(ManagementService managementService, String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }
}
