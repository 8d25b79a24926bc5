package org.rectify.campaigns;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectify.cases.CaseStatus;
import org.rectify.cases.Deadlines;
import org.rectify.cases.RectificationCase;
import org.rectify.cases.Cases;
import org.rectify.clock.BusinessClock;
import org.rectify.discipline.TransferTrigger;
import org.rectify.escalation.EscalationLadder;
import org.rectify.escalation.EscalationStepTaken.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The campaign process's service task "清零期限已过，未清零问题升级": every item of the campaign whose clock is
 * still running climbs the whole ladder at once — the warning, urging and supervision steps not yet taken for its
 * current deadline first, then the transfer to the discipline office with trigger CLEARANCE_DATE_PASSED.
 * Runs in the timer job's transaction. Each step is taken through {@link EscalationLadder#take}, which inserts
 * into a unique key: a retried job or a second node takes nothing twice, and a case whose own ladder already
 * transferred it is not transferred again. Closed, voided and rejected cases are not open; suspended cases
 * (挂账, an approved stop of the clock) are skipped by the ladder itself.
 */
@Component("escalateUncleared")
class ClearanceEscalation implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ClearanceEscalation.class);
    /** The statuses the ladder acts on ({@link EscalationLadder#take} skips the others anyway). */
    private static final List<String> CLOCK_RUNNING = Arrays.stream(CaseStatus.values())
            .filter(CaseStatus::isClockRunning).map(Enum::name).toList();

    private final CampaignStore campaigns;
    private final Cases cases;
    private final EscalationLadder ladder;
    private final BusinessClock clock;
    private final JdbcClient jdbc;

    ClearanceEscalation(CampaignStore campaigns, Cases cases, EscalationLadder ladder, BusinessClock clock,
            JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.cases = cases;
        this.ladder = ladder;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(CampaignRegistry.VAR_CAMPAIGN_ID)).longValue();
        int transferred = escalate(campaignId, clock.now());
        execution.setVariable("transferred", transferred);
    }

    /** Returns how many cases this call transferred. */
    int escalate(long campaignId, OffsetDateTime now) {
        Campaign campaign = campaigns.require(campaignId);
        List<Long> open = jdbc.sql("""
                select id from rectification_case
                where campaign_id = :campaign and status in (:running) and lead_unit_code is not null
                order by id""")
                .param("campaign", campaignId).param("running", CLOCK_RUNNING).query(Long.class).list();
        int transferred = 0;
        String clearance = Deadlines.format(campaign.clearanceAt());
        for (long caseId : open) {
            RectificationCase c = cases.require(caseId);
            String deadline = Deadlines.format(c.deadline());
            ladder.take(caseId, Step.WARNING, Map.of("deadline", c.deadline().toString()),
                    "预警：专项整治“" + campaign.name() + "”清零时限（" + clearance + "）已过，问题仍未整改", now);
            ladder.take(caseId, Step.URGING, Map.of("overdueText", "专项整治“" + campaign.name() + "”清零时限（" + clearance
                    + "）已过，整改期限（" + deadline + "）已到仍未完成整改"), "催办：清零时限已过仍未整改", now);
            // No order deadline: the case goes to the discipline office at once, so the order says 立即整改到位.
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("campaign", campaign.name());
            ladder.take(caseId, Step.SUPERVISION, order, "督办：专项整治“" + campaign.name() + "”清零时限已过仍未整改", now);
            if (ladder.take(caseId, Step.TRANSFER, Map.of("trigger", TransferTrigger.CLEARANCE_DATE_PASSED.name(),
                    "campaign", campaign.name()), "移交纪工委：" + TransferTrigger.CLEARANCE_DATE_PASSED.chineseLabel()
                            + "（专项整治“" + campaign.name() + "”，清零时限 " + clearance + "）", now)) {
                transferred++;
            }
        }
        campaigns.markEscalated(campaignId, now);
        log.info("Campaign {} passed its clearance date: {} open items, {} transferred now", campaignId, open.size(),
                transferred);
        return transferred;
    }
}
