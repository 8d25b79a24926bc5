package org.rectify.campaigns;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The campaign process after its clearance date: {@link #unclearedItems} lists the items whose clock is still
 * running, and the multi-instance service task "清零期限已过，未清零问题逐项升级" climbs each one up the whole ladder
 * at once, in a job and transaction of its own — the warning, urging and supervision steps not yet taken for its
 * current deadline first, then the transfer to the discipline office with trigger CLEARANCE_DATE_PASSED. One item's
 * failure is retried alone; the rest go on. Each step is taken through {@link EscalationLadder#take}, which inserts
 * into a unique key: a retried job or a second node takes nothing twice, and a case whose own ladder already
 * transferred it is not transferred again. Closed, voided and rejected cases are not open; suspended cases (挂账,
 * an approved stop of the clock) are skipped by the ladder itself.
 */
@Component("clearanceEscalation")
public class ClearanceEscalation {

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

    /** The campaign's items still to be cleared: the multi-instance task's collection, one instance each. */
    public List<Long> unclearedItems(long campaignId) {
        return jdbc.sql("""
                select id from rectification_case
                where campaign_id = :campaign and status in (:running) and lead_unit_code is not null
                order by id""")
                .param("campaign", campaignId).param("running", CLOCK_RUNNING).query(Long.class).list();
    }

    @Bean
    JavaDelegate escalateUncleared() {
        return execution -> escalate(campaigns.require(((Number) execution.getVariable(CampaignRegistry.VAR_CAMPAIGN_ID))
                .longValue()), ((Number) execution.getVariable("caseId")).longValue(), clock.now());
    }

    @Bean
    JavaDelegate recordCampaignEscalated() {
        return execution -> {
            long campaignId = ((Number) execution.getVariable(CampaignRegistry.VAR_CAMPAIGN_ID)).longValue();
            campaigns.markEscalated(campaignId, clock.now());
            log.info("Campaign {} passed its clearance date: its uncleared items have climbed the ladder", campaignId);
        };
    }

    /** Climbs one item up the ladder; returns whether this call transferred it. */
    boolean escalate(Campaign campaign, long caseId, OffsetDateTime now) {
        RectificationCase c = cases.require(caseId);
        String clearance = Deadlines.format(campaign.clearanceAt());
        String deadline = Deadlines.format(c.deadline());
        ladder.take(caseId, Step.WARNING, Map.of("deadline", c.deadline().toString()),
                "预警：专项整治“" + campaign.name() + "”清零时限（" + clearance + "）已过，问题仍未整改", now);
        ladder.take(caseId, Step.URGING, Map.of("overdueText", "专项整治“" + campaign.name() + "”清零时限（" + clearance
                + "）已过，整改期限（" + deadline + "）已到仍未完成整改"), "催办：清零时限已过仍未整改", now);
        // No order deadline: the case goes to the discipline office at once, so the order says 立即整改到位.
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("campaign", campaign.name());
        ladder.take(caseId, Step.SUPERVISION, order, "督办：专项整治“" + campaign.name() + "”清零时限已过仍未整改", now);
        return ladder.take(caseId, Step.TRANSFER, Map.of("trigger", TransferTrigger.CLEARANCE_DATE_PASSED.name(),
                "campaign", campaign.name()), "移交纪工委：" + TransferTrigger.CLEARANCE_DATE_PASSED.chineseLabel()
                        + "（专项整治“" + campaign.name() + "”，清零时限 " + clearance + "）", now);
    }
}
