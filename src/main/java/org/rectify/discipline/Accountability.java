package org.rectify.discipline;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rectify.calendar.Due;
import org.rectify.calendar.TimeLimitUnit;
import org.rectify.calendar.WorkingCalendar;
import org.rectify.cases.CaseHistory;
import org.rectify.cases.Cases;
import org.rectify.cases.Deadlines;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Unit;
import org.rectify.catalog.UnitPerson;
import org.rectify.escalation.LadderStage;
import org.rectify.escalation.LadderStages;
import org.rectify.rules.AccountabilityFacts;
import org.rectify.rules.AccountabilityMeasure;
import org.rectify.rules.AccountabilityRules;
import org.rectify.rules.AccountabilityTarget;
import org.rectify.rules.MeasureProposal;
import org.rectify.rules.RuleOutcome;
import org.rectify.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What each step of the discipline process does, whoever drives it (a Tasklist form or the API): checks the
 * input, appends to the unit's record, writes the case history. The {@code check…} methods throw
 * {@link DomainException} before anything changes.
 */
@Service
class Accountability {

    static final String PROPOSAL = "ACCOUNTABILITY_PROPOSAL";
    private static final int MAX_REASON = 500;
    private static final int MAX_APPEAL = 1000;

    /** The rules' proposal for one transfer, as recorded in the case's decisions. */
    record Proposal(AccountabilityMeasure measure, AccountabilityTarget target, String targetName,
            int appealWorkingDays, List<String> factors, String explanation, List<String> firedRules,
            String ruleSetVersion) {

        String describe() {
            return "对" + targetName + measure.chineseLabel();
        }

        String grounds() {
            return factors.isEmpty() ? "无加重情节" : String.join("，", factors);
        }
    }

    record Choice(AccountabilityMeasure measure, AccountabilityTarget target, String reason) {
    }

    enum NoticeOutcome { ACKNOWLEDGE, APPEAL }

    enum ReviewOutcome { UPHOLD, CHANGE }

    record ReviewChoice(ReviewOutcome outcome, AccountabilityMeasure measure, AccountabilityTarget target, String reason) {
    }

    /** How a decision came to take effect. */
    enum Effect {
        ACKNOWLEDGED("单位签收，未申诉"), APPEAL_WINDOW_PASSED("申诉期满，单位未申诉"), REVIEWED("申诉已复核");

        private final String chineseLabel;

        Effect(String chineseLabel) {
            this.chineseLabel = chineseLabel;
        }

        String chineseLabel() {
            return chineseLabel;
        }
    }

    private final Cases cases;
    private final CaseHistory history;
    private final Catalog catalog;
    private final AccountabilityRules rules;
    private final WorkingCalendar calendar;
    private final DisciplineTransfers transfers;
    private final AccountabilityRecords records;
    private final UnitRecords unitRecords;
    private final CaseFacts caseFacts;
    private final ApplicationEventPublisher events;
    private final LadderStages stages;

    Accountability(Cases cases, CaseHistory history, Catalog catalog, AccountabilityRules rules,
            WorkingCalendar calendar, DisciplineTransfers transfers, AccountabilityRecords records,
            UnitRecords unitRecords, CaseFacts caseFacts, ApplicationEventPublisher events, LadderStages stages) {
        this.stages = stages;
        this.cases = cases;
        this.history = history;
        this.catalog = catalog;
        this.rules = rules;
        this.calendar = calendar;
        this.transfers = transfers;
        this.records = records;
        this.unitRecords = unitRecords;
        this.caseFacts = caseFacts;
        this.events = events;
    }

    // ---- 规则建议问责措施 ----

    /** Asks the rules for a measure, weighing the unit's record, and stores the proposal with its explanation. */
    Proposal propose(long transferId, OffsetDateTime now) {
        Transfer t = transfers.require(transferId);
        RectificationCase c = cases.require(t.caseId());
        UnitRecord unitRecord = unitRecords.of(t.unitCode(), now);
        List<UnitRecord.Entry> earlier = unitRecord.thisYear().stream().filter(e -> e.transferId() != t.id()).toList();
        int priorInQuarter = (int) earlier.stream().filter(UnitRecord.Entry::thisQuarter).count();
        int overdueDays = caseFacts.overdueWorkingDays(c, now);
        int orders = caseFacts.supervisionOrders(c.id()).size();
        String unitName = catalog.unitName(t.unitCode());
        AccountabilityFacts facts = new AccountabilityFacts(unitName, t.trigger().name(), c.source(), c.severity(),
                overdueDays, c.reworkCount(), orders, priorInQuarter, earlier.size());
        RuleOutcome<MeasureProposal> outcome = rules.propose(facts);
        MeasureProposal proposal = outcome.decision();
        String targetName = targetName(t, proposal.target());

        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("责任单位", unitName);
        inputs.put("移交原因", t.trigger().chineseLabel());
        inputs.put("来源", c.source().chineseLabel());
        inputs.put("严重程度", c.severity().chineseLabel());
        inputs.put("超期工作日", overdueDays);
        inputs.put("返工次数", c.reworkCount());
        inputs.put("督办次数", orders);
        inputs.put("本季度已被问责", priorInQuarter + "次");
        inputs.put("本年度已被问责", earlier.size() + "次");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("transferId", t.id());
        result.put("measure", proposal.measure().name());
        result.put("target", proposal.target().name());
        result.put("targetName", targetName);
        result.put("appealWorkingDays", proposal.appealWorkingDays());
        result.put("score", proposal.score());
        result.put("factors", proposal.factorTexts());
        String explanation = "建议对" + targetName + proposal.measure().chineseLabel() + "，可在"
                + proposal.appealWorkingDays() + "个工作日内申诉：" + describe(inputs) + "（"
                + proposal.describeFactors() + "；" + proposal.reason() + "）";
        history.recordDecision(c.id(), PROPOSAL, now, outcome.ruleSetVersion(), outcome.firedRules(), inputs, result,
                explanation);
        return proposalOf(t).orElseThrow();
    }

    /** The proposal the rules made for a transfer, read back from the case's decisions. */
    Optional<Proposal> proposalOf(Transfer t) {
        return history.decisions(t.caseId()).stream()
                .filter(d -> PROPOSAL.equals(d.kind()))
                .filter(d -> d.outcome().get("transferId") instanceof Number id && id.longValue() == t.id())
                .reduce((first, second) -> second)
                .map(d -> {
                    Map<String, Object> o = d.outcome();
                    @SuppressWarnings("unchecked")
                    List<String> factors = (List<String>) o.getOrDefault("factors", List.of());
                    return new Proposal(AccountabilityMeasure.valueOf((String) o.get("measure")),
                            AccountabilityTarget.valueOf((String) o.get("target")), (String) o.get("targetName"),
                            ((Number) o.get("appealWorkingDays")).intValue(), factors, d.explanation(), d.firedRules(),
                            d.ruleSetVersion());
                });
    }

    // ---- 审查并决定问责 ----

    /**
     * The officer's choice; an empty measure or target takes the proposal's. Choosing otherwise than the rules
     * proposed needs a reason.
     */
    Choice checkDecision(Transfer t, String measure, String target, String reason) {
        Choice choice = choose(requireProposal(t), measure, target, reason);
        requirePerson(t, choice.target());
        return choice;
    }

    /** 书面检查 and 诫勉谈话 are taken against a named person, 通报批评 and 取消评优评先 against the unit. */
    private static void checkFits(AccountabilityMeasure measure, AccountabilityTarget target) {
        if (!target.isSelectable()) {
            throw DomainException.invalid("unknown-target", "问责对象“" + target.chineseLabel() + "”已不再使用，请选择："
                    + selectableTargets());
        }
        if (!measure.fits(target)) {
            throw DomainException.invalid("measure-target-mismatch", measure.isPersonal()
                    ? measure.chineseLabel() + "是对个人的问责措施，请选择主要负责人、分管负责人或具体责任人，不能对单位作出"
                    : measure.chineseLabel() + "是对责任单位的问责措施，问责对象请选择责任单位");
        }
    }

    /** A decision against a person names the person: the unit must have someone registered at that post. */
    private void requirePerson(Transfer t, AccountabilityTarget target) {
        if (target.isPerson() && target.isSelectable() && person(t.unitCode(), target).isEmpty()) {
            throw DomainException.conflict("person-not-registered", catalog.unitName(t.unitCode()) + "未登记"
                    + target.chineseLabel() + "，请先由管理员登记该单位人员后再作出决定");
        }
    }

    private Optional<UnitPerson> person(String unitCode, AccountabilityTarget target) {
        return catalog.people(unitCode).stream().filter(p -> p.post().equals(target.name())).findFirst();
    }

    private static String selectableTargets() {
        return Arrays.stream(AccountabilityTarget.values()).filter(AccountabilityTarget::isSelectable)
                .map(m -> m.name() + "（" + m.chineseLabel() + "）").collect(Collectors.joining("、"));
    }

    private Choice choose(Proposal proposal, String measure, String target, String reason) {
        AccountabilityMeasure chosenMeasure = isBlank(measure) ? proposal.measure() : parseMeasure(measure);
        AccountabilityTarget chosenTarget = isBlank(target) ? proposal.target() : parseTarget(target);
        String text = checkText(reason, MAX_REASON, "理由");
        checkFits(chosenMeasure, chosenTarget);
        if ((chosenMeasure != proposal.measure() || chosenTarget != proposal.target()) && text == null) {
            throw DomainException.invalid("reason-required", "未采纳规则建议（" + proposal.describe()
                    + "）而改为对" + chosenTarget.chineseLabel() + chosenMeasure.chineseLabel() + "时，必须填写理由");
        }
        return new Choice(chosenMeasure, chosenTarget, text);
    }

    /**
     * Records the office's decision as version 1 in the unit's record, opens the appeal window counted on the
     * working calendar, and announces the decision.
     */
    AccountabilityRecords.Entry decide(long transferId, String measure, String target, String reason, String actor,
            OffsetDateTime now) {
        Transfer t = transfers.require(transferId);
        Proposal proposal = requireProposal(t);
        Choice choice = choose(proposal, measure, target, reason);
        requirePerson(t, choice.target());
        Due appealDue = calendar.due(now.toInstant(), proposal.appealWorkingDays(), TimeLimitUnit.WORKING_DAYS);
        String targetName = targetName(t, choice.target());
        AccountabilityRecords.Entry entry = records.append(new AccountabilityRecords.NewEntry(t.id(), t.caseId(),
                t.unitCode(), AccountabilityRecords.Basis.DECISION, choice.measure(), choice.target(), targetName,
                proposal.measure(), proposal.target(), choice.reason(), proposal.ruleSetVersion(), appealDue.at(),
                actor, now));
        transfers.setStatus(t.id(), Transfer.Status.NOTIFIED);
        stages.reach(t.caseId(), LadderStage.DECIDED, now);
        String grounds = entry.followsProposal()
                ? "采纳规则建议，加重情节：" + proposal.grounds() + (choice.reason() == null ? "" : "；说明：" + choice.reason())
                : "未采纳规则建议的“" + proposal.describe() + "”，理由：" + choice.reason();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("transferId", t.id());
        details.put("recordId", entry.id());
        details.put("measure", entry.measure().name());
        details.put("target", entry.target().name());
        details.put("followsProposal", entry.followsProposal());
        details.put("appealDeadline", appealDue.at().toString());
        details.put("unit", t.unitCode());
        // The office's own reasoning stays in the details, which only the office and administrators read.
        details.put("grounds", grounds);
        history.record(t.caseId(), now, actor, "ACCOUNTABILITY_DECIDED", "纪工委决定：对" + targetName
                + entry.measure().chineseLabel() + "。已通知" + catalog.unitName(t.unitCode())
                + "，可在" + proposal.appealWorkingDays() + "个工作日内（" + Deadlines.format(appealDue.at())
                + "前）申诉一次" + (appealDue.provisional() ? "（截止时间暂定）" : ""), details);
        // The document states facts and circumstances, never the officer's internal reasoning (grounds above).
        events.publishEvent(new AccountabilityDecided(t.caseId(), entry.id(), entry.measure().chineseLabel(),
                targetName, publicGrounds(proposal), proposal.appealWorkingDays(), actor));
        return entry;
    }

    // ---- 接收问责决定（可申诉） ----

    NoticeOutcome checkNotice(Transfer t, String outcome, String appealReason, OffsetDateTime now) {
        NoticeOutcome parsed = parse(NoticeOutcome.class, outcome, "notice-outcome",
                "请选择：ACKNOWLEDGE（签收，不申诉）或 APPEAL（申诉）");
        if (parsed == NoticeOutcome.APPEAL) {
            if (checkText(appealReason, MAX_APPEAL, "申诉理由") == null) {
                throw DomainException.invalid("appeal-reason-required", "申诉时必须填写申诉理由");
            }
            AccountabilityRecords.Entry current = requireCurrent(t);
            if (current.appealDeadline() != null && now.isAfter(current.appealDeadline())) {
                throw DomainException.conflict("appeal-window-closed", "申诉期限已于"
                        + Deadlines.format(current.appealDeadline()) + "届满，不能再申诉");
            }
            if (records.appealOf(t.id()).isPresent()) {
                throw DomainException.conflict("already-appealed", "该问责决定已申诉过一次，不能再次申诉");
            }
        }
        return parsed;
    }

    void acknowledge(long transferId, String actor, OffsetDateTime now) {
        Transfer t = transfers.require(transferId);
        AccountabilityRecords.Entry current = requireCurrent(t);
        history.record(t.caseId(), now, actor, "ACCOUNTABILITY_ACKNOWLEDGED", catalog.unitName(t.unitCode())
                + "签收问责决定（对" + current.targetName() + current.measure().chineseLabel() + "），不申诉",
                Map.of("transferId", t.id(), "recordId", current.id(), "unit", t.unitCode()));
    }

    void appeal(long transferId, String reason, String actor, OffsetDateTime now) {
        Transfer t = transfers.require(transferId);
        checkNotice(t, NoticeOutcome.APPEAL.name(), reason, now);
        AccountabilityRecords.Entry current = requireCurrent(t);
        String text = reason.strip();
        records.appeal(t.id(), current.id(), text, actor, now);
        transfers.setStatus(t.id(), Transfer.Status.APPEALED);
        history.record(t.caseId(), now, actor, "ACCOUNTABILITY_APPEALED", catalog.unitName(t.unitCode())
                + "对问责决定（对" + current.targetName() + current.measure().chineseLabel() + "）提出申诉：" + text,
                Map.of("transferId", t.id(), "recordId", current.id()));
    }

    // ---- 复核申诉 ----

    /** Upholding needs nothing more; a change needs a lighter measure (an appeal never makes it heavier) and a reason. */
    ReviewChoice checkReview(Transfer t, String outcome, String measure, String target, String reason) {
        ReviewOutcome parsed = parse(ReviewOutcome.class, outcome, "review-outcome",
                "请选择复核结论：UPHOLD（维持原决定）或 CHANGE（变更问责措施）");
        AccountabilityRecords.Entry current = requireCurrent(t);
        String text = checkText(reason, MAX_REASON, "复核理由");
        if (parsed == ReviewOutcome.UPHOLD) {
            return new ReviewChoice(parsed, current.measure(), current.target(), text);
        }
        if (isBlank(measure)) {
            throw DomainException.invalid("measure-required", "变更问责措施时，请选择新的问责措施 measure");
        }
        AccountabilityMeasure changed = parseMeasure(measure);
        if (changed == current.measure()) {
            throw DomainException.invalid("measure-unchanged", "所选措施与原决定相同（"
                    + current.measure().chineseLabel() + "），如不变更请选择“维持原决定”");
        }
        if (changed.isHeavierThan(current.measure())) {
            throw DomainException.invalid("heavier-on-appeal", "申诉复核不得加重问责：原决定为"
                    + current.measure().chineseLabel() + "，只能维持或改为更轻的措施");
        }
        if (text == null) {
            throw DomainException.invalid("reason-required", "变更问责措施时必须填写复核理由");
        }
        AccountabilityTarget changedTarget = isBlank(target) ? current.target() : parseTarget(target);
        checkFits(changed, changedTarget);
        requirePerson(t, changedTarget);
        return new ReviewChoice(parsed, changed, changedTarget, text);
    }

    /** Appends the review's outcome as a new version; a changed measure is announced like a first decision. */
    AccountabilityRecords.Entry review(long transferId, String outcome, String measure, String target, String reason,
            String actor, OffsetDateTime now) {
        Transfer t = transfers.require(transferId);
        ReviewChoice choice = checkReview(t, outcome, measure, target, reason);
        AccountabilityRecords.Entry current = requireCurrent(t);
        boolean upheld = choice.outcome() == ReviewOutcome.UPHOLD;
        String targetName = upheld ? current.targetName() : targetName(t, choice.target());
        AccountabilityRecords.Entry entry = records.append(new AccountabilityRecords.NewEntry(t.id(), t.caseId(),
                t.unitCode(), upheld ? AccountabilityRecords.Basis.APPEAL_UPHELD : AccountabilityRecords.Basis.APPEAL_CHANGED,
                choice.measure(), choice.target(), targetName, current.measure(), current.target(), choice.reason(),
                null, null, actor, now));
        String summary = upheld
                ? "纪工委复核申诉：维持原决定，对" + targetName + entry.measure().chineseLabel()
                        + (choice.reason() == null ? "" : "，理由：" + choice.reason())
                : "纪工委复核申诉：由对" + current.targetName() + current.measure().chineseLabel() + "变更为对" + targetName
                        + entry.measure().chineseLabel() + "，理由：" + choice.reason();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("transferId", t.id());
        details.put("recordId", entry.id());
        details.put("supersedes", current.id());
        details.put("outcome", choice.outcome().name());
        details.put("measure", entry.measure().name());
        details.put("target", entry.target().name());
        details.put("unit", t.unitCode());
        history.record(t.caseId(), now, actor, "ACCOUNTABILITY_REVIEWED", summary, details);
        if (!upheld) {
            events.publishEvent(new AccountabilityDecided(t.caseId(), entry.id(), entry.measure().chineseLabel(),
                    targetName, "经复核" + catalog.unitName(t.unitCode()) + "的申诉，对原问责决定予以变更。", 0, actor));
        }
        return entry;
    }

    // ---- 决定生效 ----

    void takeEffect(long transferId, Effect effect, OffsetDateTime now) {
        Transfer t = transfers.require(transferId);
        AccountabilityRecords.Entry current = requireCurrent(t);
        transfers.makeEffective(t.id(), now);
        history.record(t.caseId(), now, "系统", "ACCOUNTABILITY_EFFECTIVE", "问责决定生效（" + effect.chineseLabel()
                + "）：对" + current.targetName() + current.measure().chineseLabel() + "，记入"
                + catalog.unitName(t.unitCode()) + "问责记录", Map.of("transferId", t.id(), "recordId", current.id(),
                        "effect", effect.name(), "unit", t.unitCode()));
    }

    // ---- helpers ----

    /** The circumstances the decision document states: facts the rules weighed, not the officer's notes. */
    private static String publicGrounds(Proposal proposal) {
        return proposal.factors().isEmpty() ? "" : "经查，该问题存在以下情节：" + String.join("；",
                proposal.factors().stream().map(f -> f.replaceFirst("（[+＋]\\d+）$", "")).toList()) + "。";
    }

    /** Who exactly a target is for this transfer, in words for the decision and the document. */
    String targetName(Transfer t, AccountabilityTarget target) {
        String unitName = catalog.unitName(t.unitCode());
        return switch (target) {
            case UNIT -> unitName;
            case PRINCIPAL, DEPUTY, RESPONSIBLE -> unitName + target.chineseLabel() + person(t.unitCode(), target)
                    .map(p -> (p.title() == null || p.title().isBlank() ? "" : p.title()) + p.name() + "同志")
                    .orElse("（姓名未登记）");
            case LEADER -> unitName + "包保领导" + catalog.unit(t.unitCode()).map(Unit::leaderName)
                    .filter(name -> !name.isBlank()).orElse("（未登记姓名）");
            case HANDLER -> caseFacts.handler(t.caseId()).map(account -> unitName + "经办人（账号 " + account + "）")
                    .orElse(unitName + "具体经办人（案件未经签收，由单位确定责任人）");
        };
    }

    AccountabilityRecords.Entry requireCurrent(Transfer t) {
        return records.current(t.id()).orElseThrow(() -> DomainException.conflict("not-decided",
                "纪工委尚未作出问责决定"));
    }

    private Proposal requireProposal(Transfer t) {
        return proposalOf(t).orElseThrow(() -> new IllegalStateException("Transfer " + t.id() + " has no proposal"));
    }

    private static AccountabilityMeasure parseMeasure(String value) {
        return parse(AccountabilityMeasure.class, value, "unknown-measure", "问责措施“" + value + "”无效，可选："
                + Arrays.stream(AccountabilityMeasure.values()).map(m -> m.name() + "（" + m.chineseLabel() + "）")
                        .collect(Collectors.joining("、")));
    }

    private static AccountabilityTarget parseTarget(String value) {
        return parse(AccountabilityTarget.class, value, "unknown-target", "问责对象“" + value + "”无效，可选："
                + selectableTargets());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String code, String message) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(code, message);
        }
    }

    /** The stripped text, or null if blank; refuses text over the limit. */
    private static String checkText(String text, int max, String what) {
        if (isBlank(text)) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw DomainException.invalid("too-long", what + "不能超过 " + max + " 个字（现为 " + stripped.length() + " 个字）");
        }
        return stripped;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String describe(Map<String, Object> inputs) {
        return inputs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("，"));
    }
}
