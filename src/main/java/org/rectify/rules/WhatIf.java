package org.rectify.rules;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.rectify.calendar.TimeLimitUnit;
import org.rectify.rules.OpenCases.OpenCase;
import org.rectify.calendar.WorkingCalendar;
import org.rectify.catalog.Catalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What a candidate rule set would change for the open cases, before anyone activates it: for every case not
 * closed, rejected or voided, the routing, the time limit (for the stage the case is in) and the escalation
 * ladder that the active rules give today, next to what the candidate would give. Reads only; decisions
 * already made are never rewritten by activating a rule set (it applies to decisions made after it).
 */
@Service
class WhatIf {

    static final int SAMPLE_SIZE = 20;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One way the candidate would decide a case differently. */
    record Change(String what, String before, String after, List<String> rulesBefore, List<String> rulesAfter,
            String effect) {
    }

    record CaseChanges(long caseId, String caseNumber, String title, String category, String status, List<Change> changes) {
    }

    record Report(String activeVersion, String candidateVersion, boolean candidatePassesGate,
            List<RuleSetProblem> gateProblems, int openCases, int changedCases, Map<String, Integer> changes,
            Map<String, Integer> timeLimitChangesByCategory, int casesTheCandidateCannotDecide,
            List<CaseChanges> sample, List<String> errors) {
    }

    private final OpenCases openCases;
    private final Catalog catalog;
    private final WorkingCalendar calendar;
    private final ZoneId zone;

    WhatIf(OpenCases openCases, Catalog catalog, WorkingCalendar calendar,
            @Value("${rectify.zone-id:Asia/Shanghai}") String zoneId) {
        this.openCases = openCases;
        this.catalog = catalog;
        this.calendar = calendar;
        this.zone = ZoneId.of(zoneId);
    }

    Report compare(CompiledRuleSet active, RuleSetGate.Verdict candidate, String categoryCode) {
        if (candidate.compiled() == null) {
            return new Report(active.shortVersion(), candidate.version(), false, candidate.problems(), 0, 0, Map.of(),
                    Map.of(), 0, List.of(), List.of());
        }
        List<OpenCase> open = openCases.open(categoryCode == null || categoryCode.isBlank() ? null : categoryCode.strip());
        Map<String, String> unitNames = new java.util.HashMap<>();
        catalog.units().forEach(u -> unitNames.put(u.code(), u.name()));
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("派遣", 0);
        counts.put("时限", 0);
        counts.put("升级", 0);
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        List<CaseChanges> sample = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int changed = 0;
        int undecided = 0;
        for (OpenCase c : open) {
            List<Change> changes = new ArrayList<>();
            try {
                compareRouting(active, candidate.compiled(), c, changes, unitNames);
                compareTimeLimit(active, candidate.compiled(), c, changes, byCategory);
                compareEscalation(active, candidate.compiled(), c, changes);
            } catch (RuntimeException e) {
                undecided++;
                if (errors.size() < SAMPLE_SIZE) {
                    errors.add(c.caseNumber() + "：" + e.getMessage());
                }
                continue;
            }
            if (!changes.isEmpty()) {
                changed++;
                changes.forEach(change -> counts.merge(change.what(), 1, Integer::sum));
                if (sample.size() < SAMPLE_SIZE) {
                    sample.add(new CaseChanges(c.id(), c.caseNumber(), c.title(), c.categoryName(), c.status(), changes));
                }
            }
        }
        return new Report(active.shortVersion(), candidate.version(), candidate.passed(), candidate.problems(),
                open.size(), changed, counts, byCategory, undecided, sample, errors);
    }

    private void compareRouting(CompiledRuleSet active, CompiledRuleSet candidate, OpenCase c, List<Change> changes,
            Map<String, String> unitNames) {
        RoutingFacts facts = new RoutingFacts(c.categoryCode(), c.categoryName(), c.defaultUnit(), c.severity(), c.source(),
                c.streetUnit(), c.communityUnit(), c.returned());
        RuleOutcome<RoutingDecision> before = active.decide(Decisions.ROUTING, facts, RoutingDecision.class);
        RuleOutcome<RoutingDecision> after = candidate.decide(Decisions.ROUTING, facts, RoutingDecision.class);
        Function<String, String> name = code -> unitNames.getOrDefault(code, code);
        Function<RoutingDecision, String> describe = d -> "牵头 " + name.apply(d.leadUnit())
                + (d.coUnits().isEmpty() ? "" : "，配合 " + d.coUnits().stream().map(name).collect(java.util.stream.Collectors.joining("、")));
        if (!Objects.equals(before.decision().leadUnit(), after.decision().leadUnit())
                || !Set.copyOf(before.decision().coUnits()).equals(Set.copyOf(after.decision().coUnits()))) {
            changes.add(new Change("派遣", describe.apply(before.decision()), describe.apply(after.decision()),
                    before.firedRules(), after.firedRules(), "已派遣的案件不会自动改派；新派遣、改派建议将按新规则"));
        }
    }

    private void compareTimeLimit(CompiledRuleSet active, CompiledRuleSet candidate, OpenCase c, List<Change> changes,
            Map<String, Integer> byCategory) {
        TimeLimitFacts facts = c.reworkCount() > 0 && c.initialAmount() != null
                ? TimeLimitFacts.forRework(c.categoryCode(), c.categoryName(), c.severity(), c.source(), c.reworkCount(),
                        c.initialAmount(), c.initialUnit())
                : TimeLimitFacts.forAssignment(c.categoryCode(), c.categoryName(), c.severity(), c.source());
        RuleOutcome<TimeLimitDecision> before = active.decide(Decisions.TIME_LIMITS, facts, TimeLimitDecision.class);
        RuleOutcome<TimeLimitDecision> after = candidate.decide(Decisions.TIME_LIMITS, facts, TimeLimitDecision.class);
        TimeLimitDecision b = before.decision();
        TimeLimitDecision a = after.decision();
        if (b.amount() == a.amount() && b.unit() == a.unit()) {
            return;
        }
        String effect = "当前截止 " + format(c.deadline());
        if (c.deadlineSetAt() != null) {
            effect = "按新时限从 " + format(c.deadlineSetAt()) + " 起算将截止于 "
                    + format(calendar.due(c.deadlineSetAt().toInstant(), a.amount(), a.unit()).at())
                    + "（现截止 " + format(c.deadline()) + "，不会自动改动）";
        }
        changes.add(new Change("时限", (c.reworkCount() > 0 ? "返工 " : "") + b.describe(), a.describe(),
                before.firedRules(), after.firedRules(), effect));
        byCategory.merge(c.categoryName(), 1, Integer::sum);
    }

    private void compareEscalation(CompiledRuleSet active, CompiledRuleSet candidate, OpenCase c, List<Change> changes) {
        EscalationFacts facts = new EscalationFacts(c.categoryCode(), c.categoryName(), c.severity(), c.source(),
                c.reworkCount());
        RuleOutcome<EscalationPolicy> before = active.decide(Decisions.ESCALATION, facts, EscalationPolicy.class);
        RuleOutcome<EscalationPolicy> after = candidate.decide(Decisions.ESCALATION, facts, EscalationPolicy.class);
        EscalationPolicy b = before.decision();
        EscalationPolicy a = after.decision();
        List<String> was = new ArrayList<>();
        List<String> would = new ArrayList<>();
        differ(was, would, "预警", "用时" + percent(b.warningShare()), "用时" + percent(a.warningShare()));
        differ(was, would, "督办", "超期" + b.supervisionAfterWorkingDays() + "个工作日",
                "超期" + a.supervisionAfterWorkingDays() + "个工作日");
        differ(was, would, "移交纪检", "超期" + b.transferAfterWorkingDays() + "个工作日",
                "超期" + a.transferAfterWorkingDays() + "个工作日");
        differ(was, would, "督办令时限", b.supervisionOrderWorkingDays() + "个工作日", a.supervisionOrderWorkingDays() + "个工作日");
        differ(was, would, "返工移交纪检", b.transferAfterReworks() + "次", a.transferAfterReworks() + "次");
        differ(was, would, "可延期", b.maxExtensions() + "次", a.maxExtensions() + "次");
        differ(was, would, "延期上限", "原时限的" + percent(b.extensionMaxShare()), "原时限的" + percent(a.extensionMaxShare()));
        differ(was, would, "挂账复核", "每" + b.suspensionReviewDays() + "日", "每" + a.suspensionReviewDays() + "日");
        if (was.isEmpty()) {
            return;
        }
        String effect = "已排定的预警、督办、移交时间不会自动改动；下次排定（延期、返工、改派）时按新规则";
        if (c.deadline() != null && b.supervisionAfterWorkingDays() != a.supervisionAfterWorkingDays()) {
            effect = "按现截止时间，督办将从 "
                    + format(calendar.due(c.deadline().toInstant(), b.supervisionAfterWorkingDays(), TimeLimitUnit.WORKING_DAYS).at())
                    + " 变为 "
                    + format(calendar.due(c.deadline().toInstant(), a.supervisionAfterWorkingDays(), TimeLimitUnit.WORKING_DAYS).at())
                    + "；" + effect;
        }
        changes.add(new Change("升级", String.join("，", was), String.join("，", would), before.firedRules(),
                after.firedRules(), effect));
    }

    private static void differ(List<String> was, List<String> would, String what, String before, String after) {
        if (!before.equals(after)) {
            was.add(what + before);
            would.add(what + after);
        }
    }

    private static String percent(double share) {
        return Scenarios.display(share);
    }

    private String format(OffsetDateTime at) {
        return at == null ? "（无）" : at.atZoneSameInstant(zone).format(MINUTES);
    }
}
