package org.rectify.notices;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.rectify.cases.CaseAssigned;
import org.rectify.cases.CaseEventRecorded;
import org.rectify.cases.Cases;
import org.rectify.cases.Deadlines;
import org.rectify.cases.RectificationCase;
import org.rectify.discipline.AccountabilityDecided;
import org.rectify.escalation.EscalationStepTaken;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which step sends which notice to whom. Synchronous listeners: the notice is written in the step's own transaction
 * (the outbox); nothing here talks to a channel, so a channel that is down never fails a step.
 */
@Component
class NoticeTriggers {

    private final Outbox outbox;
    private final Cases cases;
    private final CaseNotices models;

    NoticeTriggers(Outbox outbox, Cases cases, CaseNotices models) {
        this.outbox = outbox;
        this.cases = cases;
        this.models = models;
    }

    @EventListener
    void on(CaseAssigned assigned) {
        RectificationCase c = cases.require(assigned.caseId());
        Map<String, Object> model = models.model(c);
        Set<String> units = new LinkedHashSet<>();
        units.add(assigned.leadUnit());
        units.addAll(c.coUnitCodes());
        units.forEach(unit -> outbox.post(NoticeKind.NEW_CASE, c.id(), unit, Outbox.UNIT, model));
    }

    @EventListener
    void on(EscalationStepTaken step) {
        RectificationCase c = cases.require(step.caseId());
        Map<String, Object> model = models.model(c);
        Map<String, Object> p = step.particulars();
        switch (step.step()) {
            case WARNING -> outbox.post(NoticeKind.WARNING, c.id(), c.leadUnitCode(), Outbox.UNIT_AND_LEADER, model);
            case URGING -> outbox.post(NoticeKind.URGING, c.id(), c.leadUnitCode(), Outbox.UNIT_AND_LEADER, model);
            case SUPERVISION -> {
                model.put("overdueDays", p.getOrDefault("overdueWorkingDays", ""));
                Object orderDeadline = p.get("orderDeadline");
                model.put("orderDeadline", orderDeadline instanceof OffsetDateTime at ? Deadlines.format(at)
                        : orderDeadline == null ? "" : Deadlines.format(OffsetDateTime.parse(orderDeadline.toString())));
                outbox.post(NoticeKind.SUPERVISION_ORDER, c.id(), c.leadUnitCode(), Outbox.UNIT_AND_LEADER, model);
            }
            case TRANSFER -> {
                model.put("reason", transferReason(String.valueOf(p.get("trigger"))));
                outbox.post(NoticeKind.TRANSFER, c.id(), NoticeChannels.DISCIPLINE, Outbox.UNIT, model);
            }
        }
    }

    @EventListener
    void on(AccountabilityDecided decision) {
        RectificationCase c = cases.require(decision.caseId());
        Map<String, Object> model = models.model(c);
        model.put("measure", decision.measure());
        model.put("target", decision.target());
        model.put("reasons", decision.reasons());
        model.put("appealWorkingDays", decision.appealWorkingDays());
        outbox.post(NoticeKind.ACCOUNTABILITY, c.id(), c.leadUnitCode(), Outbox.UNIT_AND_LEADER, model);
    }

    /** Steps without an event of their own are read from the history they write. */
    @EventListener
    void on(CaseEventRecorded event) {
        switch (event.action()) {
            case "REPORTED" -> {
                RectificationCase c = cases.require(event.caseId());
                if (c.source().needsCheck()) {
                    outbox.postToReporter(NoticeKind.REPORT_RECEIVED, c.id(), c.reporterPhone(), models.model(c));
                }
            }
            case "EXTENSION_APPROVED", "EXTENSION_REFUSED" -> decided(NoticeKind.EXTENSION_DECIDED, event,
                    "EXTENSION_APPROVED".equals(event.action()));
            case "SUSPENSION_APPROVED", "SUSPENSION_REFUSED" -> decided(NoticeKind.SUSPENSION_DECIDED, event,
                    "SUSPENSION_APPROVED".equals(event.action()));
            default -> { }
        }
    }

    private void decided(NoticeKind kind, CaseEventRecorded event, boolean approved) {
        RectificationCase c = cases.require(event.caseId());
        Map<String, Object> model = models.model(c);
        model.put("approved", approved);
        model.put("decisionText", event.summary());
        outbox.post(kind, c.id(), c.leadUnitCode(), Outbox.UNIT, model);
    }

    private static String transferReason(String trigger) {
        for (EscalationStepTaken.TransferReason reason : EscalationStepTaken.TransferReason.values()) {
            if (reason.name().equals(trigger)) {
                return reason.chineseLabel();
            }
        }
        return "CLEARANCE_DATE_PASSED".equals(trigger) ? "问题清单清零期限已过仍未整改" : "整改逾期";
    }
}
