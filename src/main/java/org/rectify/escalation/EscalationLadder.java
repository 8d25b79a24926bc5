package org.rectify.escalation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rectify.calendar.TimeLimitUnit;
import org.rectify.calendar.WorkingCalendar;
import org.rectify.cases.CaseHistory;
import org.rectify.cases.Cases;
import org.rectify.cases.Deadlines;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.rectify.escalation.EscalationStepTaken.Step;
import org.rectify.escalation.EscalationStepTaken.TransferReason;
import org.rectify.rules.EscalationFacts;
import org.rectify.rules.EscalationPolicy;
import org.rectify.rules.RuleEngine;
import org.rectify.rules.RuleOutcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Plans when each ladder step falls due for a case's current deadline, and takes a step exactly once per
 * deadline round (a transfer once per case), whatever retries or cluster nodes do.
 */
@Service
public class EscalationLadder {

    public static final String PLAN_DECISION = "ESCALATION_PLAN";
    /** Transfers happen once per case, not once per deadline round. */
    private static final int TRANSFER_ROUND = 0;

    /** When each step falls due for the current deadline. */
    public record Plan(OffsetDateTime warningAt, OffsetDateTime deadline, OffsetDateTime superviseAt,
            OffsetDateTime orderDeadline, OffsetDateTime transferAt, TransferReason transferReason,
            EscalationPolicy policy) {
    }

    private final Cases cases;
    private final CaseHistory history;
    private final Catalog catalog;
    private final RuleEngine rules;
    private final WorkingCalendar calendar;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    EscalationLadder(Cases cases, CaseHistory history, Catalog catalog, RuleEngine rules, WorkingCalendar calendar,
            JdbcClient jdbc, ApplicationEventPublisher events) {
        this.cases = cases;
        this.history = history;
        this.catalog = catalog;
        this.rules = rules;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.events = events;
    }

    public EscalationPolicy policy(RectificationCase c) {
        return policyOutcome(c).decision();
    }

    /** Plans the ladder for the case's current deadline and records the plan as an explained decision. */
    public Plan plan(long caseId, OffsetDateTime now) {
        RectificationCase c = cases.require(caseId);
        RuleOutcome<EscalationPolicy> outcome = policyOutcome(c);
        EscalationPolicy policy = outcome.decision();
        OffsetDateTime deadline = c.deadline();
        OffsetDateTime start = c.deadlineSetAt() == null ? now : c.deadlineSetAt();
        OffsetDateTime warningAt = warningAt(start, deadline, policy.warningShare());
        OffsetDateTime superviseAt = calendar.due(deadline.toInstant(), policy.supervisionAfterWorkingDays(),
                TimeLimitUnit.WORKING_DAYS).at();
        OffsetDateTime orderDeadline = calendar.due(superviseAt.toInstant(), policy.supervisionOrderWorkingDays(),
                TimeLimitUnit.WORKING_DAYS).at();
        OffsetDateTime overdueTransfer = calendar.due(deadline.toInstant(), policy.transferAfterWorkingDays(),
                TimeLimitUnit.WORKING_DAYS).at();
        boolean orderExpiresFirst = orderDeadline.isBefore(overdueTransfer);
        Plan plan = new Plan(warningAt, deadline, superviseAt, orderDeadline,
                orderExpiresFirst ? orderDeadline : overdueTransfer,
                orderExpiresFirst ? TransferReason.SUPERVISION_ORDER_EXPIRED : TransferReason.OVERDUE, policy);

        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("类别", catalog.category(c.categoryCode()).map(cat -> cat.name()).orElse(c.categoryCode()));
        inputs.put("严重程度", c.severity().chineseLabel());
        inputs.put("来源", c.source().chineseLabel());
        inputs.put("返工次数", c.reworkCount());
        inputs.put("整改时限", Deadlines.format(deadline));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("round", c.deadlineRound());
        result.put("warningAt", warningAt.toString());
        result.put("superviseAt", superviseAt.toString());
        result.put("orderDeadline", orderDeadline.toString());
        result.put("transferAt", plan.transferAt().toString());
        history.recordDecision(caseId, PLAN_DECISION, now, outcome.ruleSetVersion(), outcome.firedRules(), inputs,
                result, "预警 " + Deadlines.format(warningAt) + "，催办 " + Deadlines.format(deadline) + "，督办 "
                        + Deadlines.format(superviseAt) + "，移交纪检 " + Deadlines.format(plan.transferAt()) + "（"
                        + policy.reason() + "）");
        return plan;
    }

    /**
     * Takes a step for the case's current round, once: a second attempt (a retried job, a second node) finds
     * the step taken and does nothing. Returns whether this call took it.
     */
    public boolean take(long caseId, Step step, Map<String, Object> particulars, String summary, OffsetDateTime now) {
        RectificationCase c = cases.lock(caseId);
        if (!c.status().isClockRunning()) {
            return false;
        }
        int round = step == Step.TRANSFER ? TRANSFER_ROUND : c.deadlineRound();
        int inserted = jdbc.sql("""
                insert into escalation_step (case_id, round, step, taken_at) values (:caseId, :round, :step, :at)
                on conflict do nothing""")
                .param("caseId", caseId).param("round", round).param("step", step.name()).param("at", now)
                .update();
        if (inserted == 0) {
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>(particulars);
        details.put("step", step.name());
        details.put("round", c.deadlineRound());
        history.record(caseId, now, "系统", "ESCALATION_" + step.name(), summary, details);
        events.publishEvent(new EscalationStepTaken(caseId, step, round, Map.copyOf(particulars)));
        return true;
    }

    public boolean reworkTransferDue(RectificationCase c) {
        return c.reworkCount() >= policy(c).transferAfterReworks();
    }

    private RuleOutcome<EscalationPolicy> policyOutcome(RectificationCase c) {
        String categoryName = catalog.category(c.categoryCode()).map(cat -> cat.name()).orElse(c.categoryCode());
        return rules.escalationPolicy(new EscalationFacts(c.categoryCode(), categoryName, c.severity(), c.source(),
                c.reworkCount()));
    }

    /** A share of the working time between the deadline being set and the deadline; natural time if none is office time. */
    private OffsetDateTime warningAt(OffsetDateTime start, OffsetDateTime deadline, double share) {
        Duration working = calendar.workingTimeBetween(start.toInstant(), deadline.toInstant());
        if (working.isZero()) {
            Duration natural = Duration.between(start, deadline);
            return start.plus(Duration.ofSeconds((long) (natural.toSeconds() * share)));
        }
        Duration elapsed = Duration.ofSeconds((long) (working.toSeconds() * share));
        return calendar.addWorkingTime(start.toInstant(), elapsed).at().atZoneSameInstant(deadline.getOffset())
                .toOffsetDateTime();
    }
}
