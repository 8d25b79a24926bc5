package org.rectify.escalation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private static final Duration LATE_AFTER = Duration.ofMinutes(10);
    /** However short the rules make it, an order leaves the unit at least this many whole working days. */
    public static final int MIN_ORDER_WORKING_DAYS = 1;

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
    private final LadderStages stages;

    EscalationLadder(Cases cases, CaseHistory history, Catalog catalog, RuleEngine rules, WorkingCalendar calendar,
            JdbcClient jdbc, ApplicationEventPublisher events, LadderStages stages) {
        this.stages = stages;
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
        return take(caseId, step, particulars, summary, now, null);
    }

    /**
     * As {@link #take(long, Step, Map, String, OffsetDateTime)}, remembering when the step was due: a step taken
     * later than planned (the server was down, timers fell due together) says so in the history, with both moments,
     * and is stored at the moment it was actually taken, never back-dated.
     */
    public boolean take(long caseId, Step step, Map<String, Object> particulars, String summary, OffsetDateTime now,
            OffsetDateTime dueAt) {
        RectificationCase c = cases.lock(caseId);
        if (!c.status().isClockRunning()) {
            return false;
        }
        if (!insertStep(caseId, step == Step.TRANSFER ? TRANSFER_ROUND : c.deadlineRound(), step, now, dueAt, false)) {
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>(particulars);
        details.put("step", step.name());
        details.put("round", c.deadlineRound());
        String text = summary;
        if (late(dueAt, now)) {
            details.put("dueAt", dueAt.toString());
            text = summary + "（应于" + Deadlines.format(dueAt) + "执行，实际执行于" + Deadlines.format(now) + "）";
        }
        history.record(caseId, now, "系统", "ESCALATION_" + step.name(), text, details);
        stages.reach(caseId, LadderStage.of(step), now);
        events.publishEvent(new EscalationStepTaken(caseId, step, round(step, c), Map.copyOf(particulars)));
        return true;
    }

    /**
     * Records that a step of the current round was not taken because its moment passed while it could not run
     * (a warning that would only arrive after the deadline): no document, no event, the moment it was due kept.
     * Returns whether this call recorded it (false if the step was taken or skipped before).
     */
    public boolean skip(long caseId, Step step, OffsetDateTime dueAt, String why, OffsetDateTime now) {
        RectificationCase c = cases.lock(caseId);
        if (!c.status().isClockRunning() || !insertStep(caseId, round(step, c), step, now, dueAt, true)) {
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("step", step.name());
        details.put("round", c.deadlineRound());
        details.put("dueAt", dueAt.toString());
        details.put("skipped", true);
        history.record(caseId, now, "系统", "ESCALATION_SKIPPED", "未" + step.chineseLabel() + "：应于"
                + Deadlines.format(dueAt) + "执行，" + why, details);
        return true;
    }

    /**
     * The steps already taken or skipped for the case's current round (and its transfer, once per case): when the
     * ladder's timers fall due together, the later ones find the earlier steps done and need not redo their
     * computations (rules, calendar, row lock) only to have {@link #take} refuse them. A read without the lock: a
     * step missing here is still taken at most once by {@link #take}.
     */
    public Set<Step> stepsDone(RectificationCase c) {
        long caseId = c.id();
        Set<Step> done = EnumSet.noneOf(Step.class);
        jdbc.sql("""
                select step from escalation_step where case_id = :caseId
                   and (round = :round or (round = :transferRound and step = 'TRANSFER'))""")
                .param("caseId", caseId).param("round", c.deadlineRound()).param("transferRound", TRANSFER_ROUND)
                .query(String.class).list().forEach(step -> done.add(Step.valueOf(step)));
        return done;
    }

    /** A step counts as late when it runs more than a few minutes after its moment (job pickup takes seconds). */
    static boolean late(OffsetDateTime dueAt, OffsetDateTime now) {
        return dueAt != null && now.isAfter(dueAt.plus(LATE_AFTER));
    }

    private static int round(Step step, RectificationCase c) {
        return step == Step.TRANSFER ? TRANSFER_ROUND : c.deadlineRound();
    }

    private boolean insertStep(long caseId, int round, Step step, OffsetDateTime now, OffsetDateTime dueAt,
            boolean skipped) {
        return jdbc.sql("""
                insert into escalation_step (case_id, round, step, taken_at, due_at, skipped)
                values (:caseId, :round, :step, :at, :dueAt, :skipped)
                on conflict do nothing""")
                .param("caseId", caseId).param("round", round).param("step", step.name()).param("at", now)
                .param("dueAt", dueAt).param("skipped", skipped)
                .update() > 0;
    }

    /**
     * 预警, at the moment it is actually taken: a warning that could only arrive after the deadline has lost its
     * purpose (the urging notice says more) and is recorded as skipped, with the moment it was due. Like
     * {@link #urge} and {@link #supervise} it takes the case as the caller read it, without its lock: these read only
     * its deadline and its rules' facts (category, severity, source, reworks), which no ladder step changes, and
     * {@link #take} locks the row before anything is written.
     */
    public void warn(RectificationCase c, OffsetDateTime dueAt, OffsetDateTime now) {
        long caseId = c.id();
        if (!now.isBefore(c.deadline())) {
            skip(caseId, Step.WARNING, dueAt, "系统恢复运行时已过整改时限（" + Deadlines.format(c.deadline())
                    + "），改由催办通知书告知", now);
            return;
        }
        take(caseId, Step.WARNING, Map.of("deadline", c.deadline().toString()), "预警：整改用时已达规则规定比例，时限 "
                + Deadlines.format(c.deadline()) + "，请抓紧整改", now, dueAt);
    }

    /** 催办, saying how far past the deadline the case is at the moment the notice is actually issued. */
    public void urge(RectificationCase c, OffsetDateTime dueAt, OffsetDateTime now) {
        long caseId = c.id();
        int overdue = overdueWorkingDays(c.deadline(), now);
        // The notice states the deadline itself, in the documents' own date format: the text only says how far past.
        String overdueText = overdue == 0 ? "已到整改期限仍未完成整改" : "已超过整改期限" + overdue + "个工作日仍未完成整改";
        Map<String, Object> particulars = new LinkedHashMap<>();
        particulars.put("overdueText", overdueText);
        particulars.put("overdueWorkingDays", overdue);
        take(caseId, Step.URGING, particulars, "催办：" + overdueText, now, dueAt);
    }

    /**
     * 督办令, issued now: its overdue count is counted up to now and its own deadline runs from now, never less than
     * {@link #MIN_ORDER_WORKING_DAYS} full working day(s), so an order issued late never gives a date already past
     * or only until the close of the day it is issued. Returns the order's deadline, or empty if no order was issued
     * by this call (issued before, or the case no longer runs).
     */
    public Optional<OffsetDateTime> supervise(RectificationCase c, OffsetDateTime dueAt, OffsetDateTime now) {
        long caseId = c.id();
        OffsetDateTime orderDeadline = orderDeadline(policy(c), now);
        int overdue = overdueWorkingDays(c.deadline(), now);
        Map<String, Object> particulars = new LinkedHashMap<>();
        particulars.put("overdueWorkingDays", overdue);
        particulars.put("orderDeadline", orderDeadline);
        boolean taken = take(caseId, Step.SUPERVISION, particulars, "督办：超期 " + overdue
                + " 个工作日仍未整改，下发督办令，限" + Deadlines.format(orderDeadline) + "前整改到位", now, dueAt);
        return taken ? Optional.of(orderDeadline) : Optional.empty();
    }

    /** The deadline of a supervision order issued at {@code issuedAt}: whole working days after the day of issue. */
    public OffsetDateTime orderDeadline(EscalationPolicy policy, OffsetDateTime issuedAt) {
        return calendar.due(issuedAt.toInstant(), Math.max(MIN_ORDER_WORKING_DAYS, policy.supervisionOrderWorkingDays()),
                TimeLimitUnit.WORKING_DAYS).at();
    }

    /** Working days after the deadline's day up to and including the day of {@code at}; 0 before or on the deadline. */
    public int overdueWorkingDays(OffsetDateTime deadline, OffsetDateTime at) {
        return deadline == null || !at.isAfter(deadline) ? 0 : calendar.snapshot().countAfter(deadline, at);
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
