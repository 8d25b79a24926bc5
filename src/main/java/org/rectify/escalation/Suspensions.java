package org.rectify.escalation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.rectify.calendar.Due;
import org.rectify.calendar.WorkingCalendar;
import org.rectify.cases.CaseHistory;
import org.rectify.cases.CaseStatus;
import org.rectify.cases.Cases;
import org.rectify.cases.Deadlines;
import org.rectify.cases.RectificationCase;
import org.rectify.cases.StepOutcomes;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Service;

/**
 * 挂账: a problem that cannot be fixed within a deadline (budget, demolition order, another authority). While
 * suspended the clock stops; resuming gives back exactly the working time that was left.
 */
@Service
public class Suspensions {

    private final Cases cases;
    private final CaseHistory history;
    private final WorkingCalendar calendar;
    private final EscalationLadder ladder;

    Suspensions(Cases cases, CaseHistory history, WorkingCalendar calendar, EscalationLadder ladder) {
        this.cases = cases;
        this.history = history;
        this.calendar = calendar;
        this.ladder = ladder;
    }

    public String checkRequest(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason-required", "申请挂账必须说明理由（如需立项资金、需拆除决定、需其他部门审批）");
        }
        if (reason.strip().length() > 500) {
            throw DomainException.invalid("too-long", "挂账理由不能超过 500 个字");
        }
        return reason.strip();
    }

    public void request(long caseId, String reason, String actor, OffsetDateTime now) {
        String text = checkRequest(reason);
        cases.lock(caseId);
        cases.setStatus(caseId, CaseStatus.AWAITING_SUSPENSION_DECISION, now);
        history.record(caseId, now, actor, "SUSPENSION_REQUESTED", "申请挂账，理由：" + text, Map.of("reason", text));
    }

    public boolean checkDecision(String decision, String comment) {
        if (StepOutcomes.parse(StepOutcomes.Decision.class, decision, "suspension-decision", "审批结论")
                == StepOutcomes.Decision.REFUSE) {
            if (comment == null || comment.isBlank()) {
                throw DomainException.invalid("comment-required", "不同意挂账时必须填写意见");
            }
            return false;
        }
        return true;
    }

    public boolean decide(long caseId, String decision, String comment, String actor, OffsetDateTime now) {
        boolean approved = checkDecision(decision, comment);
        cases.lock(caseId);
        String note = comment == null || comment.isBlank() ? "" : "，意见：" + comment.strip();
        if (!approved) {
            cases.setStatus(caseId, CaseStatus.IN_RECTIFICATION, now);
        }
        history.record(caseId, now, actor, approved ? "SUSPENSION_APPROVED" : "SUSPENSION_REFUSED",
                (approved ? "同意挂账" : "不同意挂账") + note, Map.of("decision", decision));
        return approved;
    }

    /** Stops the clock, keeping the working time that was left. */
    public void suspend(long caseId, OffsetDateTime now) {
        RectificationCase c = cases.lock(caseId);
        Duration left = calendar.workingTimeBetween(now.toInstant(), c.deadline().toInstant());
        cases.suspend(caseId, left.toSeconds(), now);
        history.record(caseId, now, "系统", "SUSPENDED", "挂账停表，剩余整改时间 " + hours(left) + " 个工作小时（原时限 "
                + Deadlines.format(c.deadline()) + "）", Map.of("remainingSeconds", left.toSeconds()));
    }

    /** The review cycle of a suspended case, as an ISO-8601 repeating interval for the review timer. */
    public String reviewCycle(long caseId) {
        return "R/P" + ladder.policy(cases.require(caseId)).suspensionReviewDays() + "D";
    }

    public void remindReview(long caseId, OffsetDateTime now) {
        RectificationCase c = cases.require(caseId);
        history.record(caseId, now, "系统", "SUSPENSION_REVIEW_DUE", "挂账案件到期复核：已挂账 "
                + Duration.between(c.suspendedAt(), now).toDays() + " 天，请督查组复核是否恢复整改", Map.of());
    }

    /** Restarts the clock with the working time that was left when it stopped. */
    public RectificationCase resume(long caseId, String comment, String actor, OffsetDateTime now) {
        RectificationCase c = cases.lock(caseId);
        if (c.status() != CaseStatus.SUSPENDED) {
            throw DomainException.conflict("not-suspended", "案件 " + c.caseNumber() + " 未挂账，无需恢复");
        }
        Duration left = Duration.ofSeconds(c.suspendedRemainingSeconds() == null ? 0 : c.suspendedRemainingSeconds());
        Due due = calendar.addWorkingTime(now.toInstant(), left);
        cases.moveDeadline(caseId, due.at(), due.provisional(), false, now);
        history.record(caseId, now, actor, "RESUMED", "恢复整改，续算剩余 " + hours(left) + " 个工作小时，新时限 "
                + Deadlines.format(due.at()) + (comment == null || comment.isBlank() ? "" : "，说明：" + comment.strip()),
                Map.of("deadline", due.at().toString()));
        return cases.require(caseId);
    }

    private static String hours(Duration duration) {
        return String.format("%.1f", duration.toMinutes() / 60.0);
    }
}
