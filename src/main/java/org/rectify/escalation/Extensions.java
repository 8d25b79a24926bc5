package org.rectify.escalation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import java.util.Map;
import org.rectify.calendar.Due;
import org.rectify.calendar.WorkingCalendar;
import org.rectify.cases.Assignment;
import org.rectify.cases.CaseHistory;
import org.rectify.cases.CaseStatus;
import org.rectify.cases.Cases;
import org.rectify.cases.Deadlines;
import org.rectify.cases.RectificationCase;
import org.rectify.cases.StepOutcomes;
import org.rectify.rules.EscalationPolicy;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Service;

/**
 * 延期申请: the unit asks once for more time with a reason, a supervisor approves with a date or refuses.
 * The rules cap it: how many extensions, and at most a share of the original time limit.
 */
@Service
public class Extensions {

    private final Cases cases;
    private final CaseHistory history;
    private final Assignment assignment;
    private final EscalationLadder ladder;
    private final WorkingCalendar calendar;

    Extensions(Cases cases, CaseHistory history, Assignment assignment, EscalationLadder ladder,
            WorkingCalendar calendar) {
        this.cases = cases;
        this.history = history;
        this.assignment = assignment;
        this.ladder = ladder;
        this.calendar = calendar;
    }

    /** Checks a request before anything changes; returns the requested new deadline. */
    public OffsetDateTime checkRequest(long caseId, String requestedUntil, String reason) {
        RectificationCase c = cases.require(caseId);
        EscalationPolicy policy = ladder.policy(c);
        if (c.extensionCount() >= policy.maxExtensions()) {
            throw DomainException.conflict("extension-limit", "案件 " + c.caseNumber() + " 已延期 " + c.extensionCount()
                    + " 次，按规则最多可延期 " + policy.maxExtensions() + " 次");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason-required", "申请延期必须说明理由");
        }
        if (reason.strip().length() > 500) {
            throw DomainException.invalid("too-long", "延期理由不能超过 500 个字");
        }
        OffsetDateTime until = parse(requestedUntil, "申请延期至");
        checkWithinCap(c, policy, until);
        return until;
    }

    public void request(long caseId, String requestedUntil, String reason, String actor, OffsetDateTime now) {
        OffsetDateTime until = checkRequest(caseId, requestedUntil, reason);
        cases.lock(caseId);
        cases.setStatus(caseId, CaseStatus.AWAITING_EXTENSION_DECISION, now);
        history.record(caseId, now, actor, "EXTENSION_REQUESTED", "申请延期至 " + Deadlines.format(until) + "，理由："
                + reason.strip(), Map.of("until", until.toString(), "reason", reason.strip()));
    }

    /** Checks a supervisor's decision; returns the approved deadline, or null for a refusal. */
    public OffsetDateTime checkDecision(long caseId, String decision, String approvedUntil, String comment) {
        RectificationCase c = cases.require(caseId);
        if (StepOutcomes.parse(StepOutcomes.Decision.class, decision, "extension-decision", "审批结论")
                == StepOutcomes.Decision.REFUSE) {
            if (comment == null || comment.isBlank()) {
                throw DomainException.invalid("comment-required", "不同意延期时必须填写意见");
            }
            return null;
        }
        String until = approvedUntil == null || approvedUntil.isBlank() ? requestedUntil(caseId) : approvedUntil;
        OffsetDateTime approved = parse(until, "批准延期至");
        checkWithinCap(c, ladder.policy(c), approved);
        return approved;
    }

    public OffsetDateTime decide(long caseId, String decision, String approvedUntil, String comment, String actor,
            OffsetDateTime now) {
        OffsetDateTime approved = checkDecision(caseId, decision, approvedUntil, comment);
        cases.lock(caseId);
        String note = comment == null || comment.isBlank() ? "" : "，意见：" + comment.strip();
        if (approved == null) {
            cases.setStatus(caseId, CaseStatus.IN_RECTIFICATION, now);
            history.record(caseId, now, actor, "EXTENSION_REFUSED", "不同意延期" + note, Map.of("decision", "REFUSE"));
        } else {
            history.record(caseId, now, actor, "EXTENSION_APPROVED", "同意延期至 " + Deadlines.format(approved) + note,
                    Map.of("decision", "APPROVE", "until", approved.toString()));
        }
        return approved;
    }

    /** The approved date becomes the deadline; the ladder starts again from it. */
    public RectificationCase apply(long caseId, OffsetDateTime approvedUntil, OffsetDateTime now) {
        cases.lock(caseId);
        Due due = new Due(approvedUntil, false, java.util.List.of());
        cases.moveDeadline(caseId, due.at(), due.provisional(), true, now);
        return cases.require(caseId);
    }

    private void checkWithinCap(RectificationCase c, EscalationPolicy policy, OffsetDateTime until) {
        if (!until.isAfter(c.deadline())) {
            throw DomainException.invalid("extension-not-later", "延期后的时限必须晚于现有时限 "
                    + Deadlines.format(c.deadline()));
        }
        // A campaign's items must be cleared by its clearance date: no extension reaches past it.
        cases.campaignOf(c.id()).filter(k -> until.isAfter(k.clearanceAt())).ifPresent(k -> {
            throw DomainException.invalid("extension-past-clearance", "专项整治“" + k.name()
                    + "”的问题不得超过清零时限，延期最晚可至 " + Deadlines.format(k.clearanceAt()));
        });
        Assignment.TimeLimit original = assignment.originalTimeLimit(c.id());
        int cap = Math.max(1, (int) Math.ceil(original.amount() * policy.extensionMaxShare()));
        OffsetDateTime latest = calendar.due(c.deadline().toInstant(), cap, original.unit()).at();
        if (until.isAfter(latest)) {
            throw DomainException.invalid("extension-too-long", "延期不能超过原时限（" + original.amount() + "个"
                    + original.unit().chineseLabel() + "）" + (policy.extensionMaxShare() < 1 ? "的" + Math.round(
                    policy.extensionMaxShare() * 100) + "%" : "") + "，最晚可延至" + Deadlines.format(latest));
        }
    }

    private String requestedUntil(long caseId) {
        return history.events(caseId).stream().filter(e -> "EXTENSION_REQUESTED".equals(e.action()))
                .reduce((first, second) -> second).map(e -> (String) e.details().get("until"))
                .orElseThrow(() -> DomainException.invalid("no-request", "该案件没有待审批的延期申请"));
    }

    private OffsetDateTime parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("date-required", "请填写" + what + "的日期（如 2026-12-01）");
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return calendar.closingTime(LocalDate.parse(value));
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("bad-date", what + "的日期“" + value
                    + "”格式不正确，请写成 2026-12-01 或 2026-12-01T18:00:00+08:00");
        }
    }

}
