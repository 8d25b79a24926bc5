package org.rectify.discipline;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.rectify.cases.CaseViews;
import org.rectify.rules.RuleSetLabels;
import org.rectify.security.CurrentUser;
import org.rectify.cases.Deadlines;
import org.rectify.cases.RectificationCase;
import org.rectify.clock.BusinessClock;
import org.rectify.catalog.Catalog;
import org.rectify.rules.AccountabilityTarget;
import org.springframework.stereotype.Component;

/** What the discipline office reads before deciding: the case file (卷宗) and the transfers' course. */
@Component
class Dossiers {

    record Dossier(CaseViews.Detail caseDetail, Overdue overdue, List<SupervisionOrders.SupervisionOrder> supervisionOrders,
            List<TransferView> transfers, UnitRecord unitRecord, List<PersonView> unitPeople) {
    }

    /** A person of the unit a decision against a person names, by post (主要负责人, 分管负责人, 具体责任人). */
    record PersonView(String post, String postLabel, String name, String title) {
    }

    /** How late the case is: the deadline against its closing or now. */
    record Overdue(OffsetDateTime deadline, boolean deadlineProvisional, OffsetDateTime measuredAt, boolean closed,
            int overdueWorkingDays, int reworkCount, String summary) {
    }

    record TransferView(long id, int sequence, String businessKey, String trigger, String triggerLabel, String detail,
            OffsetDateTime transferredAt, String status, String statusLabel, OffsetDateTime effectiveAt,
            String processInstanceId, String openStep, String openStepName, ProposalView proposal,
            List<RecordView> records, AppealView appeal) {
    }

    record ProposalView(String measure, String measureLabel, String target, String targetLabel, String targetName,
            int appealWorkingDays, List<String> factors, String explanation, List<String> firedRules,
            String ruleSetVersion, String ruleSetLabel) {
    }

    /**
     * One version of the decision; {@code current} marks the one that stands. {@code previous…} is what this
     * version was decided against: the rules' proposal for version 1, the superseded version after a review.
     */
    record RecordView(long id, int version, String basis, String basisLabel, String measure, String measureLabel,
            String target, String targetLabel, String targetName, String previousMeasureLabel,
            String previousTargetLabel, boolean followsProposal, String reason, OffsetDateTime appealDeadline,
            String decidedBy, OffsetDateTime decidedAt, boolean current) {
    }

    record AppealView(String reason, String filedBy, OffsetDateTime filedAt, String filedByName) {
    }

    private final CaseViews views;
    private final CaseFacts caseFacts;
    private final DisciplineTransfers transfers;
    private final AccountabilityRecords records;
    private final Accountability accountability;
    private final DisciplineProcess process;
    private final UnitRecords unitRecords;
    private final BusinessClock clock;
    private final Catalog catalog;

    private final RuleSetLabels ruleSetLabels;
    private final org.rectify.security.CurrentUsers users;

    Dossiers(CaseViews views, CaseFacts caseFacts, DisciplineTransfers transfers, AccountabilityRecords records,
            Accountability accountability, DisciplineProcess process, UnitRecords unitRecords, BusinessClock clock,
            Catalog catalog, RuleSetLabels ruleSetLabels, org.rectify.security.CurrentUsers users) {
        this.ruleSetLabels = ruleSetLabels;
        this.users = users;
        this.catalog = catalog;
        this.views = views;
        this.caseFacts = caseFacts;
        this.transfers = transfers;
        this.records = records;
        this.accountability = accountability;
        this.process = process;
        this.unitRecords = unitRecords;
        this.clock = clock;
    }

    /** The hash of the rule set is the administrators'; the office reads the version's label. */
    Dossier of(RectificationCase c, CurrentUser user) {
        OffsetDateTime now = clock.now();
        List<Transfer> caseTransfers = transfers.forCase(c.id());
        String unit = caseTransfers.isEmpty() ? c.leadUnitCode() : caseTransfers.get(caseTransfers.size() - 1).unitCode();
        return new Dossier(views.detailFor(c, user), overdue(c, now), caseFacts.supervisionOrders(c.id()),
                caseTransfers.stream().map(t -> view(t, user)).toList(), unit == null ? null : unitRecords.of(unit, now),
                unit == null ? List.of() : catalog.people(unit).stream().map(p -> new PersonView(p.post(),
                        AccountabilityTarget.valueOf(p.post()).chineseLabel(), p.name(), p.title())).toList());
    }

    TransferView view(Transfer t, CurrentUser user) {
        List<AccountabilityRecords.Entry> versions = records.versions(t.id());
        List<RecordView> recordViews = versions.stream().map(e -> new RecordView(e.id(), e.version(), e.basis().name(),
                e.basis().chineseLabel(), e.measure().name(), e.measure().chineseLabel(), e.target().name(),
                e.target().chineseLabel(), e.targetName(), e.proposedMeasure().chineseLabel(),
                e.proposedTarget().chineseLabel(), e.followsProposal(), e.reason(), e.appealDeadline(), e.decidedBy(),
                e.decidedAt(), e.version() == versions.size())).toList();
        ProposalView proposal = accountability.proposalOf(t).map(p -> new ProposalView(p.measure().name(),
                p.measure().chineseLabel(), p.target().name(), p.target().chineseLabel(), p.targetName(),
                p.appealWorkingDays(), p.factors(), p.explanation(), p.firedRules(),
                user.isAdmin() ? p.ruleSetVersion() : null, ruleSetLabels.label(p.ruleSetVersion()))).orElse(null);
        AppealView appeal = records.appealOf(t.id()).map(a -> new AppealView(a.reason(), a.filedBy(), a.filedAt(),
                users.displayNames(List.of(a.filedBy())).getOrDefault(a.filedBy(), a.filedBy())))
                .orElse(null);
        Optional<DisciplineProcess.OpenStep> step = t.isOpen() ? process.openStep(t.processInstanceId()) : Optional.empty();
        return new TransferView(t.id(), t.sequence(), t.businessKey(), t.trigger().name(), t.trigger().chineseLabel(),
                t.detail(), t.transferredAt(), t.status().name(), t.status().chineseLabel(), t.effectiveAt(),
                t.processInstanceId(), step.map(DisciplineProcess.OpenStep::key).orElse(null),
                step.map(DisciplineProcess.OpenStep::name).orElse(null), proposal, recordViews, appeal);
    }

    private Overdue overdue(RectificationCase c, OffsetDateTime now) {
        OffsetDateTime measuredAt = c.closedAt() != null ? c.closedAt() : now;
        int days = caseFacts.overdueWorkingDays(c, now);
        String summary;
        if (c.deadline() == null) {
            summary = "未设定整改时限";
        } else if (measuredAt.isAfter(c.deadline())) {
            summary = "整改时限 " + Deadlines.format(c.deadline()) + "，" + (c.closedAt() != null ? "销号时" : "至今")
                    + "已超期 " + days + " 个工作日";
        } else {
            summary = "整改时限 " + Deadlines.format(c.deadline()) + "，" + (c.closedAt() != null ? "按期销号" : "尚未到期");
        }
        return new Overdue(c.deadline(), c.deadlineProvisional(), measuredAt, c.closedAt() != null, days,
                c.reworkCount(), summary + (c.reworkCount() > 0 ? "；返工 " + c.reworkCount() + " 次" : ""));
    }
}
