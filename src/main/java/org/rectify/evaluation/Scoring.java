package org.rectify.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rectify.calendar.WorkingCalendar;
import org.rectify.calendar.WorkingDays;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;
import org.rectify.catalog.Unit;
import org.rectify.rules.RuleEngine;
import org.rectify.rules.ScoreFacts;
import org.rectify.rules.ScoreSheet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.rectify.shared.Hashes;

/**
 * Computes one period's evaluation from the database: the indicators of every active unit in Java (see
 * {@link Indicators} for what counts), one score item per case event of interest, and the score of each item by
 * the rules ({@code rules/scores.drl}) on one rule-set version. Reads only events before the period's end.
 */
@Component
class Scoring {

    static final BigDecimal BASE = BigDecimal.valueOf(100).setScale(1);
    /** A score never goes below nought: the deduction lines still show the whole record, past the floor. */
    static final BigDecimal FLOOR = BigDecimal.ZERO.setScale(1);

    /** The result before it is stored; {@code hash} identifies rule-set version, rows and lines. */
    record Computed(Period period, String ruleSetVersion, List<Evaluation.Row> rows, String hash) {
    }

    /** One item for the rules, with the case it is about. */
    private record Item(String unit, String kind, Long caseId, String caseNumber, String relation, ReportSource source,
            Severity severity, int overdueWorkingDays, int workingDaysEarly) {
    }

    private static final class Counts {
        int due, closed, onTimeClosed, handledOnTime, handled, reworks, overdue, extended, assigned, returned;
        int followups, satisfied, reopened;

        Indicators indicators() {
            return new Indicators(due, closed, onTimeClosed, handledOnTime, handled, reworks, overdue, extended, assigned,
                    returned, followups, satisfied, reopened);
        }
    }

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final WorkingCalendar calendar;
    private final RuleEngine rules;

    private final org.springframework.beans.factory.ObjectProvider<ScoreContributor> contributors;

    Scoring(JdbcClient jdbc, Catalog catalog, WorkingCalendar calendar, RuleEngine rules,
            org.springframework.beans.factory.ObjectProvider<ScoreContributor> contributors) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.calendar = calendar;
        this.rules = rules;
        this.contributors = contributors;
    }

    Computed compute(Period period) {
        return compute(period, period.end());
    }

    /**
     * The period as it stands at {@code asOf}: a finished period at its end, the current one (a live preview) up to
     * now. Only what had happened by then counts: a case due later in the month is neither due nor overdue yet, and an
     * open case is overdue by the working days up to that moment.
     */
    Computed compute(Period period, OffsetDateTime asOf) {
        OffsetDateTime start = period.start();
        OffsetDateTime end = asOf.isBefore(period.end()) ? asOf : period.end();
        Map<String, Unit> units = new TreeMap<>();
        catalog.units().forEach(u -> units.put(u.code(), u));
        Map<String, Counts> counts = new TreeMap<>();
        units.keySet().forEach(code -> counts.put(code, new Counts()));
        List<Item> items = new ArrayList<>();
        WorkingDays workingDays = calendar.snapshot();

        // Cases due in the period, overdue during it, or closed in it.
        jdbc.sql("""
                select c.id, c.case_number, c.lead_unit_code, c.source, c.severity, c.deadline, c.closed_at,
                       exists (select 1 from case_event e where e.case_id = c.id and e.action = 'RECTIFIED'
                               and e.occurred_at <= c.deadline and e.occurred_at < :end) as handled_on_time,
                       exists (select 1 from case_event e where e.case_id = c.id and e.action = 'EXTENSION_APPROVED'
                               and e.occurred_at < :end) as extended
                from rectification_case c
                where c.lead_unit_code is not null and c.deadline is not null and c.status not in ('REJECTED', 'VOIDED')
                  and ((c.deadline < :end and (c.closed_at is null or c.closed_at >= :start))
                       or (c.closed_at >= :start and c.closed_at < :end))
                order by c.id""")
                .param("start", start).param("end", end)
                .query(rs -> {
                    String unit = rs.getString("lead_unit_code");
                    Counts c = counts.get(unit);
                    if (c == null) {
                        return;
                    }
                    long id = rs.getLong("id");
                    String number = rs.getString("case_number");
                    ReportSource source = ReportSource.valueOf(rs.getString("source"));
                    Severity severity = Severity.valueOf(rs.getString("severity"));
                    OffsetDateTime deadline = rs.getObject("deadline", OffsetDateTime.class);
                    OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
                    boolean closedByEnd = closedAt != null && closedAt.isBefore(end);
                    if (!deadline.isBefore(start) && deadline.isBefore(end)) {
                        c.due++;
                        if (closedByEnd) {
                            c.closed++;
                        }
                        if (closedAt != null && !closedAt.isAfter(deadline)) {
                            c.onTimeClosed++;
                        }
                        if (rs.getBoolean("handled_on_time")) {
                            c.handledOnTime++;
                        }
                        if (rs.getBoolean("extended")) {
                            c.extended++;
                        }
                    }
                    boolean overdue = deadline.isBefore(end) && (closedAt == null || closedAt.isAfter(deadline))
                            && (closedAt == null || !closedAt.isBefore(start));
                    if (overdue) {
                        c.overdue++;
                        OffsetDateTime until = closedByEnd ? closedAt : end.minusSeconds(1); // the statistics' moment
                        // Overdue since an earlier period: whether and how much it costs again is the rules' call.
                        String kind = deadline.isBefore(start) ? ScoreFacts.CARRIED_OVER : ScoreFacts.OVERDUE;
                        items.add(new Item(unit, kind, id, number, ScoreFacts.LEAD, source, severity,
                                workingDays.countAfter(deadline, until), 0));
                    }
                    if (closedAt != null && !closedAt.isBefore(start) && closedAt.isBefore(end) && !closedAt.isAfter(deadline)) {
                        items.add(new Item(unit, ScoreFacts.EARLY_CLOSURE, id, number, ScoreFacts.LEAD, source, severity, 0,
                                workingDays.countAfter(closedAt, deadline)));
                    }
                });

        // Steps that happened in the period.
        jdbc.sql("""
                select e.action, c.id, c.case_number, c.lead_unit_code, c.source, c.severity,
                       e.details ->> 'leadUnit' as assigned_unit,
                       (e.action = 'ASSIGNED' and exists (
                           select 1 from case_event r where r.case_id = e.case_id and r.action = 'RETURNED'
                             and r.details ->> 'unit' = e.details ->> 'leadUnit' and r.id > e.id
                             and r.occurred_at < :end)) as returned_later
                from case_event e join rectification_case c on c.id = e.case_id
                where e.occurred_at >= :start and e.occurred_at < :end
                  and e.action in ('RECTIFIED', 'VERIFICATION_FAILED', 'ESCALATION_SUPERVISION', 'ESCALATION_TRANSFER',
                                   'ASSIGNED', 'FOLLOWUP_FIXED', 'FOLLOWUP_SILENT', 'FOLLOWUP_NOT_FIXED', 'REOPENED')
                order by e.id""")
                .param("start", start).param("end", end)
                .query(rs -> {
                    String action = rs.getString("action");
                    String unit = action.equals("ASSIGNED") ? rs.getString("assigned_unit") : rs.getString("lead_unit_code");
                    Counts c = unit == null ? null : counts.get(unit);
                    if (c == null) {
                        return;
                    }
                    long id = rs.getLong("id");
                    String number = rs.getString("case_number");
                    ReportSource source = ReportSource.valueOf(rs.getString("source"));
                    Severity severity = Severity.valueOf(rs.getString("severity"));
                    switch (action) {
                        case "RECTIFIED" -> c.handled++;
                        case "VERIFICATION_FAILED" -> {
                            c.reworks++;
                            items.add(new Item(unit, ScoreFacts.REWORK, id, number, ScoreFacts.LEAD, source, severity, 0, 0));
                        }
                        case "ESCALATION_SUPERVISION" -> items.add(new Item(unit, ScoreFacts.SUPERVISION, id, number,
                                ScoreFacts.LEAD, source, severity, 0, 0));
                        case "ESCALATION_TRANSFER" -> items.add(new Item(unit, ScoreFacts.TRANSFER, id, number,
                                ScoreFacts.LEAD, source, severity, 0, 0));
                        case "ASSIGNED" -> {
                            c.assigned++;
                            if (rs.getBoolean("returned_later")) {
                                c.returned++;
                            }
                        }
                        // the reporter's follow-up (回访): silence counts as satisfied
                        case "FOLLOWUP_FIXED", "FOLLOWUP_SILENT" -> {
                            c.followups++;
                            c.satisfied++;
                        }
                        case "FOLLOWUP_NOT_FIXED" -> c.followups++;
                        case "REOPENED" -> {
                            c.reopened++;
                            items.add(new Item(unit, ScoreFacts.REOPENED, id, number, ScoreFacts.LEAD, source, severity, 0, 0));
                        }
                        default -> {
                        }
                    }
                });

        // Problems first found by a provincial or national inspection: the lead unit and the area's community and street.
        jdbc.sql("""
                select c.id, c.case_number, c.lead_unit_code, c.source, c.severity, g.community_code, u.parent_code as street_code
                from rectification_case c
                left join grid g on g.code = c.grid_code
                left join unit u on u.code = g.community_code
                where c.created_at >= :start and c.created_at < :end
                  and c.source in ('PROVINCIAL_INSPECTION', 'NATIONAL_INSPECTION') and c.status not in ('REJECTED', 'VOIDED')
                order by c.id""")
                .param("start", start).param("end", end)
                .query(rs -> {
                    Map<String, String> concerned = new LinkedHashMap<>();
                    if (rs.getString("lead_unit_code") != null) {
                        concerned.put(rs.getString("lead_unit_code"), ScoreFacts.LEAD);
                    }
                    for (String area : new String[] {rs.getString("community_code"), rs.getString("street_code")}) {
                        if (area != null) {
                            concerned.putIfAbsent(area, ScoreFacts.AREA);
                        }
                    }
                    long id = rs.getLong("id");
                    String number = rs.getString("case_number");
                    ReportSource source = ReportSource.valueOf(rs.getString("source"));
                    Severity severity = Severity.valueOf(rs.getString("severity"));
                    concerned.forEach((unit, relation) -> {
                        if (counts.containsKey(unit)) {
                            items.add(new Item(unit, ScoreFacts.HIGHER_INSPECTION, id, number, relation, source, severity,
                                    0, 0));
                        }
                    });
                });

        Map<String, Indicators> indicators = new TreeMap<>();
        counts.forEach((unit, c) -> indicators.put(unit, c.indicators()));
        items.sort(Comparator.comparing(Item::unit).thenComparing(Item::kind)
                .thenComparing(i -> i.caseNumber() == null ? "" : i.caseNumber()));
        for (String unit : units.keySet()) {
            items.add(new Item(unit, ScoreFacts.SUMMARY, null, null, ScoreFacts.LEAD, null, null, 0, 0));
            if (counts.get(unit).followups > 0) {
                items.add(new Item(unit, ScoreFacts.SATISFACTION, null, null, ScoreFacts.LEAD, null, null, 0, 0));
            }
        }
        List<ScoreFacts> facts = items.stream().map(i -> facts(i, units.get(i.unit()), indicators.get(i.unit()))).toList();
        ScoreSheet sheet = rules.scores(facts);

        Map<String, List<Evaluation.Line>> lines = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            ScoreSheet.Scored scored = sheet.items().get(i);
            if (scored.line().points().signum() != 0) {
                lines.computeIfAbsent(item.unit(), u -> new ArrayList<>()).add(new Evaluation.Line(item.kind(), item.caseId(),
                        item.caseNumber(), scored.line().points(), scored.rule(), scored.line().reason()));
            }
        }
        // other features' lines (the task list), already scored by their own rules
        contributors.orderedStream().flatMap(c -> c.lines(start, end).stream())
                .filter(l -> units.containsKey(l.unitCode()) && l.points().signum() != 0)
                .forEach(l -> lines.computeIfAbsent(l.unitCode(), u -> new ArrayList<>()).add(new Evaluation.Line(l.kind(),
                        null, l.reference(), l.points().setScale(1, java.math.RoundingMode.HALF_UP), l.rule(), l.reason())));
        List<Evaluation.Row> rows = new ArrayList<>();
        for (Unit unit : units.values()) {
            List<Evaluation.Line> unitLines = lines.getOrDefault(unit.code(), List.of());
            BigDecimal deductions = unitLines.stream().map(Evaluation.Line::points).filter(p -> p.signum() < 0)
                    .reduce(BigDecimal.ZERO.setScale(1), BigDecimal::add);
            BigDecimal credits = unitLines.stream().map(Evaluation.Line::points).filter(p -> p.signum() > 0)
                    .reduce(BigDecimal.ZERO.setScale(1), BigDecimal::add);
            rows.add(new Evaluation.Row(null, unit.code(), unit.name(), score(deductions, credits), deductions,
                    credits, indicators.get(unit.code()), unitLines));
        }
        List<Evaluation.Row> ranked = rank(rows);
        return new Computed(period, sheet.ruleSetVersion(), ranked, hash(sheet.ruleSetVersion(), ranked));
    }

    /** The base plus credits plus (negative) deductions, never below nought. */
    static BigDecimal score(BigDecimal deductions, BigDecimal credits) {
        return BASE.add(deductions).add(credits).max(FLOOR);
    }

    /** Units with anything to be assessed on, by score (ties share a rank); the others after them, unranked. */
    static List<Evaluation.Row> rank(List<Evaluation.Row> rows) {
        List<Evaluation.Row> assessed = rows.stream().filter(r -> !r.indicators().isEmpty() || !r.lines().isEmpty())
                .sorted(Comparator.comparing(Evaluation.Row::score).reversed().thenComparing(Evaluation.Row::unitCode))
                .toList();
        List<Evaluation.Row> ranked = new ArrayList<>();
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < assessed.size(); i++) {
            Evaluation.Row r = assessed.get(i);
            if (previous == null || r.score().compareTo(previous) != 0) {
                rank = i + 1;
                previous = r.score();
            }
            ranked.add(new Evaluation.Row(rank, r.unitCode(), r.unitName(), r.score(), r.deductions(), r.credits(),
                    r.indicators(), r.lines()));
        }
        rows.stream().filter(r -> r.indicators().isEmpty() && r.lines().isEmpty())
                .sorted(Comparator.comparing(Evaluation.Row::unitCode)).forEach(ranked::add);
        return ranked;
    }

    private static ScoreFacts facts(Item item, Unit unit, Indicators ind) {
        Double onTime = ind.onTimeClosureRate();
        Double rework = ind.reworkRate();
        return new ScoreFacts(item.kind(), unit.name(), item.caseNumber(), item.relation(), item.source(), item.severity(),
                item.overdueWorkingDays(), item.workingDaysEarly(), ind.dueCases(), ind.overdueCases(),
                onTime == null ? 1.0 : onTime, rework == null ? 0.0 : rework,
                ind.satisfactionRate() == null ? 1.0 : ind.satisfactionRate());
    }

    /** What makes two results the same: the rule-set version and every row and line, in order. */
    static String hash(String ruleSetVersion, List<Evaluation.Row> rows) {
        StringBuilder text = new StringBuilder(ruleSetVersion).append('\n');
        for (Evaluation.Row r : rows) {
            text.append(r.unitCode()).append('|').append(r.rank()).append('|').append(r.score().toPlainString())
                    .append('|').append(r.indicators()).append('\n');
            for (Evaluation.Line l : r.lines()) {
                text.append("  ").append(l.kind()).append('|').append(l.caseNumber()).append('|')
                        .append(l.points().toPlainString()).append('|').append(l.rule()).append('|').append(l.reason())
                        .append('\n');
            }
        }
        return Hashes.sha256(text.toString());
    }
}
