package org.rectify.campaigns;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.BareEngine;
import org.rectify.support.ProcessPathTest;

/**
 * processes/campaign.bpmn and campaign-import.bpmn on a bare engine with every delegate mocked: a campaign waits for
 * its clearance date and then escalates each uncleared item in a job of its own; an import files its batches one job
 * after another and then finishes.
 */
class CampaignPathTests extends ProcessPathTest {

    CampaignPathTests() {
        super("campaign.bpmn", "campaign-import.bpmn");
    }

    @Test
    void onItsClearanceDateACampaignEscalatesEachUnclearedItemOnce() throws Exception {
        ClearanceEscalation escalation = mock(ClearanceEscalation.class);
        when(escalation.unclearedItems(7L)).thenReturn(List.of(11L, 12L, 13L));
        Mocks.register("clearanceEscalation", escalation);
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(CampaignRegistry.PROCESS_KEY,
                Map.of("campaignId", 7L, "clearanceAt", days(start, 30)));
        assertThat(pi).isWaitingAt("TimerEvent_ClearanceDate");

        ClockUtil.setCurrentTime(days(start, 31));
        BareEngine.runDueTimers(pi.getId());
        // each uncleared item is escalated in a job of its own, so one failure is retried alone
        BareEngine.runDueJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("ServiceTask_RecordEscalated", "EndEvent_Escalated");
        verify(delegate("escalateUncleared"), times(3)).execute(any());
        verify(delegate("recordCampaignEscalated")).execute(any());
    }

    @Test
    void anImportFilesEachBatchInItsOwnJobAndThenFinishes() throws Exception {
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(ListImports.PROCESS_KEY,
                Map.of("batchCount", 3));
        assertThat(pi).isWaitingAt("ServiceTask_FileBatch");
        for (int batch = 1; batch <= 3; batch++) {
            execute(job(pi));
            verify(delegate("fileImportBatch"), times(batch)).execute(any());
        }
        assertThat(pi).isWaitingAt("ServiceTask_Finish");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("EndEvent_Imported");
        verify(delegate("finishImport")).execute(any());
    }

}
