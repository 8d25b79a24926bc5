package org.rectify.cases;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rectify.calendar.Due;
import org.rectify.calendar.TimeLimitUnit;
import org.rectify.calendar.WorkingCalendar;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Category;
import org.rectify.catalog.Grid;
import org.rectify.rules.RoutingDecision;
import org.rectify.rules.RoutingFacts;
import org.rectify.rules.RuleEngine;
import org.rectify.rules.RuleOutcome;
import org.rectify.rules.TimeLimitDecision;
import org.rectify.rules.TimeLimitFacts;
import org.rectify.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Who fixes a case and by when (交办): asks the rules for the units and the time limit, counts the deadline
 * on the working calendar, and stores each decision with its explanation.
 */
@Service
public class Assignment {

    public static final String ROUTING = "ROUTING";
    public static final String TIME_LIMIT = "TIME_LIMIT";
    public static final String REWORK_TIME_LIMIT = "REWORK_TIME_LIMIT";

    private final Cases cases;
    private final CaseHistory history;
    private final Catalog catalog;
    private final RuleEngine rules;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;

    Assignment(Cases cases, CaseHistory history, Catalog catalog, RuleEngine rules, WorkingCalendar calendar,
            ApplicationEventPublisher events) {
        this.events = events;
        this.cases = cases;
        this.history = history;
        this.catalog = catalog;
        this.rules = rules;
        this.calendar = calendar;
    }

    /** First assignment after filing: the rules choose the units and the deadline. */
    public RectificationCase assign(long caseId, OffsetDateTime now) {
        RectificationCase c = cases.lock(caseId);
        RuleOutcome<RoutingDecision> routing = decideRouting(c, Set.of(), now);
        return applyAssignment(c, routing.decision().leadUnit(), routing.decision().coUnits(), now,
                "规则引擎", "派遣至" + catalog.unitName(routing.decision().leadUnit()));
    }

    /** What the rules would suggest now that some units returned the case. Records nothing. */
    public RoutingDecision suggestReassignment(long caseId) {
        RectificationCase c = cases.require(caseId);
        return rules.route(routingFacts(c, returnedUnits(caseId))).decision();
    }

    /**
     * Checks the dispatcher's choice before anything changes: the rules suggest a unit; another unit needs
     * a reason. Returns the unit the case will go to.
     */
    public String checkReassignment(long caseId, String chosenUnit, String reason) {
        String suggested = suggestReassignment(caseId).leadUnit();
        String unit = chosenUnit == null || chosenUnit.isBlank() ? suggested : chosenUnit.strip();
        if (catalog.unit(unit).isEmpty()) {
            throw DomainException.invalid("unknown-unit", "单位代码“" + unit + "”不存在，请从单位列表中选择");
        }
        if (!unit.equals(suggested) && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("reason-required", "改派给规则建议（" + catalog.unitName(suggested)
                    + "）以外的单位时，必须填写改派理由");
        }
        if (reason != null && reason.strip().length() > 500) {
            throw DomainException.invalid("too-long", "改派理由不能超过 500 个字");
        }
        return unit;
    }

    /** The dispatcher's reassignment; the new unit gets a fresh time limit from now. */
    public RectificationCase reassign(long caseId, String chosenUnit, String reason, String actor, OffsetDateTime now) {
        String unit = checkReassignment(caseId, chosenUnit, reason);
        RectificationCase c = cases.lock(caseId);
        RuleOutcome<RoutingDecision> suggestion = decideRouting(c, returnedUnits(caseId), now);
        String suggested = suggestion.decision().leadUnit();
        boolean overridden = !unit.equals(suggested);
        List<String> coUnits = overridden ? List.of() : suggestion.decision().coUnits();
        String summary = overridden
                ? "改派至" + catalog.unitName(unit) + "（未采纳规则建议的" + catalog.unitName(suggested) + "，理由："
                        + reason.strip() + "）"
                : "按规则建议改派至" + catalog.unitName(unit) + (reason == null || reason.isBlank() ? "" : "，说明：" + reason.strip());
        return applyAssignment(c, unit, coUnits, now, actor, summary);
    }

    /** The time limit the case was first given (the latest assignment's), which extensions and rework are measured by. */
    public record TimeLimit(int amount, TimeLimitUnit unit) {
    }

    public TimeLimit originalTimeLimit(long caseId) {
        Map<String, Object> initial = initialTimeLimit(caseId);
        return new TimeLimit(((Number) initial.get("amount")).intValue(), TimeLimitUnit.valueOf((String) initial.get("unit")));
    }

    /** A failed verification: the rework count goes up and the rules set a new, shorter deadline. */
    public RectificationCase rework(long caseId, OffsetDateTime now) {
        RectificationCase c = cases.lock(caseId);
        int reworkCount = c.reworkCount() + 1;
        TimeLimit initial = originalTimeLimit(caseId);
        int initialAmount = initial.amount();
        TimeLimitUnit initialUnit = initial.unit();
        Category category = category(c.categoryCode());
        TimeLimitFacts facts = inCampaign(c, TimeLimitFacts.forRework(c.categoryCode(), category.name(), c.severity(),
                c.source(), reworkCount, initialAmount, initialUnit));
        RuleOutcome<TimeLimitDecision> outcome = rules.timeLimit(facts);
        Due counted = calendar.due(now.toInstant(), outcome.decision().amount(), outcome.decision().unit());
        Due due = capped(counted, outcome.decision());
        Map<String, Object> inputs = new LinkedHashMap<>(timeLimitInputs(c, category));
        inputs.put("返工次数", reworkCount);
        inputs.put("原时限", initialAmount + "个" + initialUnit.chineseLabel());
        putCampaign(inputs, facts);
        recordTimeLimit(c.id(), REWORK_TIME_LIMIT, now, outcome, counted, due, inputs);
        cases.rework(c.id(), reworkCount, due.at(), due.provisional(), now);
        return cases.require(c.id());
    }

    private RectificationCase applyAssignment(RectificationCase c, String leadUnit, List<String> coUnits,
            OffsetDateTime now, String actor, String summary) {
        Category category = category(c.categoryCode());
        TimeLimitFacts facts = inCampaign(c,
                TimeLimitFacts.forAssignment(c.categoryCode(), category.name(), c.severity(), c.source()));
        RuleOutcome<TimeLimitDecision> timeLimit = rules.timeLimit(facts);
        Due counted = calendar.due(now.toInstant(), timeLimit.decision().amount(), timeLimit.decision().unit());
        Due due = capped(counted, timeLimit.decision());
        Map<String, Object> inputs = timeLimitInputs(c, category);
        putCampaign(inputs, facts);
        recordTimeLimit(c.id(), TIME_LIMIT, now, timeLimit, counted, due, inputs);
        cases.assign(c.id(), leadUnit, coUnits, due.at(), due.provisional(), CaseStatus.AWAITING_ACCEPTANCE, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("leadUnit", leadUnit);
        details.put("coUnits", coUnits);
        details.put("deadline", due.at().toString());
        if (due.provisional()) {
            details.put("provisionalYears", due.provisionalYears());
        }
        String coNames = coUnits.stream().map(catalog::unitName).collect(Collectors.joining("、"));
        history.record(c.id(), now, actor, "ASSIGNED", summary + (coNames.isEmpty() ? "" : "，配合单位：" + coNames)
                + "，整改时限至 " + Deadlines.format(due.at()) + (due.provisional() ? "（含未发布节假日安排的年份，截止时间为暂定）" : ""),
                details);
        events.publishEvent(new CaseAssigned(c.id(), leadUnit, due.at()));
        return cases.require(c.id());
    }

    private RuleOutcome<RoutingDecision> decideRouting(RectificationCase c, Set<String> excluded, OffsetDateTime now) {
        RoutingFacts facts = routingFacts(c, excluded);
        RuleOutcome<RoutingDecision> outcome = rules.route(facts);
        RoutingDecision decision = outcome.decision();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("类别", facts.categoryName());
        inputs.put("严重程度", facts.severity().chineseLabel());
        inputs.put("来源", facts.source().chineseLabel());
        inputs.put("属地街道", facts.streetUnit() == null ? "未定位" : catalog.unitName(facts.streetUnit()));
        if (!excluded.isEmpty()) {
            inputs.put("已退回单位", excluded.stream().map(catalog::unitName).sorted().collect(Collectors.joining("、")));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("leadUnit", decision.leadUnit());
        result.put("coUnits", decision.coUnits());
        String explanation = "牵头单位" + catalog.unitName(decision.leadUnit())
                + (decision.coUnits().isEmpty() ? "" : "，配合单位"
                        + decision.coUnits().stream().map(catalog::unitName).collect(Collectors.joining("、")))
                + "：" + describe(inputs) + "（" + decision.reason() + "）";
        history.recordDecision(c.id(), ROUTING, now, outcome.ruleSetVersion(), outcome.firedRules(), inputs, result,
                explanation);
        return outcome;
    }

    private RoutingFacts routingFacts(RectificationCase c, Set<String> excluded) {
        Category category = category(c.categoryCode());
        Grid grid = c.gridCode() == null ? null : catalog.grid(c.gridCode()).orElse(null);
        return new RoutingFacts(c.categoryCode(), category.name(), category.defaultUnitCode(), c.severity(), c.source(),
                grid == null ? null : grid.streetCode(), grid == null ? null : grid.communityCode(), excluded);
    }

    /** A case of a campaign: the rules see the campaign's clearance date. */
    private TimeLimitFacts inCampaign(RectificationCase c, TimeLimitFacts facts) {
        return cases.campaignOf(c.id()).map(k -> facts.inCampaign(k.name(), k.clearanceAt())).orElse(facts);
    }

    private static void putCampaign(Map<String, Object> inputs, TimeLimitFacts facts) {
        if (facts.clearanceAt() != null) {
            inputs.put("专项整治", facts.campaignName());
            inputs.put("清零时限", Deadlines.format(facts.clearanceAt()));
        }
    }

    /** The deadline counted on the calendar, or the rules' cap (a clearance date) if that comes first. */
    private static Due capped(Due counted, TimeLimitDecision decision) {
        if (decision.capAt() == null || !counted.at().isAfter(decision.capAt())) {
            return counted;
        }
        return new Due(decision.capAt().atZoneSameInstant(counted.at().getOffset()).toOffsetDateTime(), false, List.of());
    }

    private void recordTimeLimit(long caseId, String kind, OffsetDateTime now, RuleOutcome<TimeLimitDecision> outcome,
            Due counted, Due due, Map<String, Object> inputs) {
        TimeLimitDecision decision = outcome.decision();
        boolean capped = !counted.at().equals(due.at());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("amount", decision.amount());
        result.put("unit", decision.unit().name());
        result.put("deadline", due.at().toString());
        result.put("provisional", due.provisional());
        if (capped) {
            result.put("cappedByClearanceDate", true);
            result.put("countedDeadline", counted.at().toString());
        }
        String explanation = "时限" + decision.describe() + "：" + describe(inputs) + "（" + decision.reason()
                + "），截止 " + Deadlines.format(due.at()) + (due.provisional() ? "（暂定）" : "")
                + (capped ? "（按时限计算应至 " + Deadlines.format(counted.at()) + "，已按专项整治清零时限封顶，不得超过清零时限）"
                        : decision.capAt() != null ? "，未超过清零时限" : "");
        history.recordDecision(caseId, kind, now, outcome.ruleSetVersion(), outcome.firedRules(), inputs, result,
                explanation);
    }

    private Map<String, Object> timeLimitInputs(RectificationCase c, Category category) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("类别", category.name());
        inputs.put("严重程度", c.severity().chineseLabel());
        inputs.put("来源", c.source().chineseLabel());
        return inputs;
    }

    private Map<String, Object> initialTimeLimit(long caseId) {
        return history.decisions(caseId).stream().filter(d -> TIME_LIMIT.equals(d.kind()))
                .reduce((first, second) -> second)
                .map(CaseHistory.Decision::outcome)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " was never given a time limit"));
    }

    private Set<String> returnedUnits(long caseId) {
        return history.events(caseId).stream().filter(e -> "RETURNED".equals(e.action()))
                .map(e -> (String) e.details().get("unit")).collect(Collectors.toSet());
    }

    private Category category(String code) {
        return catalog.category(code).orElseThrow(() -> DomainException.invalid("unknown-category",
                "问题类别“" + code + "”不存在或已停用"));
    }

    private static String describe(Map<String, Object> inputs) {
        return inputs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("，"));
    }
}
