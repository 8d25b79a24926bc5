package org.rectify.console;

import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rectify.catalog.Unit;
import org.rectify.rules.BulletinFacts;
import org.rectify.rules.BulletinListing;
import org.rectify.rules.RuleEngine;
import org.rectify.rules.RuleOutcome;
import org.rectify.rules.RuleSetLabels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfigurer;

/**
 * The weekly bulletin (一周一反馈): what happened in a week (Monday to Sunday) and where things stand, written
 * as a document from a Freemarker template. A generated bulletin is stored in the database with its week as
 * the key, so every node serves the same text and a week is generated once, however many nodes try.
 */
@Component
class Bulletins {

    public record UnitLine(String name, long assigned, long closed, long onTime, String onTimeRate, long overdueNow,
            long reworked, long orders) {
    }

    public record OverdueItem(String caseNumber, String title, String unitName, String deadline, String overdueText) {
    }

    public record OrderItem(String caseNumber, String title, String unitName, String issuedAt, String text) {
    }

    public record Content(String title, String week, String period, String asOf, String issuedOn, long reported, long closed, long closedOnTime,
            String onTimeRate, long openNow, long overdueNow, long reworked, long orders, long transfers,
            List<UnitLine> units, List<UnitLine> best, List<UnitLine> worst, List<OverdueItem> overdue,
            long overdueTotal, List<OrderItem> supervisionOrders, String ruleSetLabel, Selection selection) {
    }

    public record Stored(LocalDate weekStart, OffsetDateTime generatedAt, String generatedBy, String trigger,
            String html) {

        public String generatedAtText() {
            return Texts.minute(generatedAt);
        }

        public String triggerLabel() {
            return "TIMER".equals(trigger) ? "每周一定时生成" : "手动生成";
        }
    }

    static final String TEMPLATE = "console/bulletin-document.ftlh";
    /** An arbitrary constant that names the bulletin generation in PostgreSQL's advisory locks. */
    private static final long LOCK_CLASS = 0x5245_4354_4255_4cL;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FreeMarkerConfigurer freemarker;

    private final RuleEngine rules;
    private final RuleSetLabels ruleSetLabels;

    Bulletins(JdbcClient jdbc, TransactionTemplate transactions, FreeMarkerConfigurer freemarker, RuleEngine rules,
            RuleSetLabels ruleSetLabels) {
        this.rules = rules;
        this.ruleSetLabels = ruleSetLabels;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.freemarker = freemarker;
    }

    static LocalDate weekOf(OffsetDateTime at) {
        return at.atZoneSameInstant(Texts.ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static String weekTitle(LocalDate monday) {
        int week = monday.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return monday.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "年第" + week + "周";
    }

    Optional<Stored> find(LocalDate weekStart) {
        return jdbc.sql("select week_start, generated_at, generated_by, trigger, html from console_bulletin where week_start = :week")
                .param("week", weekStart)
                .query((rs, n) -> new Stored(rs.getObject(1, LocalDate.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    Map<LocalDate, Stored> recent(int weeks, LocalDate latest) {
        Map<LocalDate, Stored> stored = new LinkedHashMap<>();
        jdbc.sql("""
                select week_start, generated_at, generated_by, trigger from console_bulletin
                where week_start > :from order by week_start desc""")
                .param("from", latest.minusWeeks(weeks))
                .query((rs, n) -> new Stored(rs.getObject(1, LocalDate.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3), rs.getString(4), null))
                .list().forEach(s -> stored.put(s.weekStart(), s));
        return stored;
    }

    /**
     * Generates and stores the bulletin of the week unless it is stored already. Only one node works on a week at
     * a time (a transaction-scoped advisory lock), and the week is the primary key, so a race stores one bulletin.
     * Returns the stored bulletin, whoever made it.
     */
    Stored generate(LocalDate weekStart, String by, String trigger, Directory.Snapshot directory, OffsetDateTime now) {
        transactions.executeWithoutResult(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:lockClass, :week)")
                    .param("lockClass", (int) (LOCK_CLASS & 0x7fffffff)).param("week", (int) weekStart.toEpochDay())
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked) || find(weekStart).isPresent()) {
                return;
            }
            Content content = compute(weekStart, directory, now);
            String html = render(content);
            jdbc.sql("""
                    insert into console_bulletin (week_start, generated_at, generated_by, trigger, html, rule_set_version,
                        fired_rules)
                    values (:week, :at, :by, :trigger, :html, :version, :fired) on conflict (week_start) do nothing""")
                    .param("week", weekStart).param("at", now).param("by", by).param("trigger", trigger)
                    .param("html", html).param("version", content.selection().ruleSetVersion())
                    .param("fired", content.selection().firedRules().toArray(String[]::new)).update();
        });
        return find(weekStart).orElseThrow(() -> new IllegalStateException(
                "Another node is generating the bulletin of " + weekStart + "; it will be there in a moment"));
    }

    /** The part of a stored bulletin that a page shows inside its own frame (the document without its head). */
    static String body(String html) {
        return between(html, STYLE_START, STYLE_END) + between(html, BODY_START, BODY_END);
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        int to = html.indexOf(end);
        return from < 0 || to < from ? "" : html.substring(from + start.length(), to);
    }

    static final String STYLE_START = "<!--style-->";
    static final String STYLE_END = "<!--/style-->";

    static final String BODY_START = "<!--bulletin-->";
    static final String BODY_END = "<!--/bulletin-->";

    String render(Content content) {
        try {
            Template template = freemarker.getConfiguration().getTemplate(TEMPLATE);
            StringWriter out = new StringWriter();
            template.process(Map.of("b", content), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("The bulletin template failed: " + e.getMessage(), e);
        }
    }

    /** Who the bulletin praises and criticises, and on which rules (rules/bulletin.drl) and rule-set version. */
    record Selection(List<UnitLine> best, List<UnitLine> worst, List<String> firedRules, String ruleSetVersion) {
    }

    private static final int NAMED_PER_LIST = 3;

    /**
     * The rules put each unit on one list only (点名批评, 表扬 or neither), so a unit praised is never criticised in
     * the same issue; the bulletin names the three heaviest criticised (by the rules' weight) and the three best
     * praised (by the share closed on time, then by closures).
     */
    static Selection select(List<UnitLine> units, RuleEngine rules) {
        List<RuleOutcome<BulletinListing>> outcomes = rules.bulletin(units.stream()
                .map(u -> new BulletinFacts(u.name(), (int) u.closed(), (int) u.onTime(), (int) u.overdueNow(),
                        (int) u.reworked(), (int) u.orders()))
                .toList());
        Map<UnitLine, BulletinListing> listings = new java.util.IdentityHashMap<>();
        java.util.Set<String> fired = new java.util.LinkedHashSet<>();
        String version = null;
        for (int i = 0; i < units.size(); i++) {
            listings.put(units.get(i), outcomes.get(i).decision());
            fired.addAll(outcomes.get(i).firedRules());
            version = outcomes.get(i).ruleSetVersion();
        }
        List<UnitLine> worst = units.stream().filter(u -> BulletinListing.CRITICISED.equals(listings.get(u).listing()))
                .sorted(Comparator.comparingInt((UnitLine u) -> listings.get(u).weight()).reversed())
                .limit(NAMED_PER_LIST).toList();
        List<UnitLine> best = units.stream().filter(u -> BulletinListing.PRAISED.equals(listings.get(u).listing()))
                .sorted(Comparator.comparingDouble((UnitLine u) -> (double) u.onTime() / u.closed()).reversed()
                        .thenComparing(Comparator.comparingLong(UnitLine::closed).reversed()))
                .limit(NAMED_PER_LIST).toList();
        return new Selection(best, worst, List.copyOf(fired), version == null ? rules.activeVersion() : version);
    }

    Content compute(LocalDate weekStart, Directory.Snapshot directory, OffsetDateTime now) {
        OffsetDateTime start = Ledger.startOf(weekStart);
        OffsetDateTime end = Ledger.startOf(weekStart.plusDays(7));
        Map<String, Object> p = new HashMap<>();
        p.put("start", start);
        p.put("end", end);
        p.put("now", now);
        p.put("running", Texts.clockRunningStatuses());
        p.put("terminal", Texts.terminalStatuses());

        long[] totals = jdbc.sql("""
                select count(*) filter (where created_at >= :start and created_at < :end),
                       count(*) filter (where status = 'CLOSED' and closed_at >= :start and closed_at < :end),
                       count(*) filter (where status = 'CLOSED' and closed_at >= :start and closed_at < :end
                                          and (deadline is null or closed_at <= deadline)),
                       count(*) filter (where status not in (:terminal)),
                       count(*) filter (where status in (:running) and deadline < :now)
                from rectification_case""").params(p)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .single();
        Map<String, Long> events = new HashMap<>();
        jdbc.sql("""
                select action, count(*) from case_event where occurred_at >= :start and occurred_at < :end
                  and action in ('VERIFICATION_FAILED', 'ESCALATION_SUPERVISION', 'ESCALATION_TRANSFER') group by action""")
                .params(p).query(rs -> {
                    events.put(rs.getString(1), rs.getLong(2));
                });

        Map<String, long[]> byUnit = new HashMap<>();
        jdbc.sql("""
                select lead_unit_code,
                       count(*) filter (where created_at >= :start and created_at < :end),
                       count(*) filter (where status = 'CLOSED' and closed_at >= :start and closed_at < :end),
                       count(*) filter (where status = 'CLOSED' and closed_at >= :start and closed_at < :end
                                          and (deadline is null or closed_at <= deadline)),
                       count(*) filter (where status in (:running) and deadline < :now)
                from rectification_case
                where lead_unit_code is not null
                  and ((created_at >= :start and created_at < :end) or (closed_at >= :start and closed_at < :end)
                       or (status in (:running) and deadline < :now))
                group by lead_unit_code""").params(p)
                .query(rs -> {
                    byUnit.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), 0, 0});
                });
        jdbc.sql("""
                select c.lead_unit_code, count(*) filter (where e.action = 'VERIFICATION_FAILED'),
                       count(*) filter (where e.action = 'ESCALATION_SUPERVISION')
                from case_event e join rectification_case c on c.id = e.case_id
                where e.occurred_at >= :start and e.occurred_at < :end and c.lead_unit_code is not null
                  and e.action in ('VERIFICATION_FAILED', 'ESCALATION_SUPERVISION')
                group by c.lead_unit_code""").params(p)
                .query(rs -> {
                    long[] f = byUnit.computeIfAbsent(rs.getString(1), u -> new long[6]);
                    f[4] = rs.getLong(2);
                    f[5] = rs.getLong(3);
                });
        List<UnitLine> units = new ArrayList<>();
        for (Unit unit : directory.units()) {
            long[] f = byUnit.get(unit.code());
            if (f == null) {
                continue;
            }
            units.add(new UnitLine(unit.name(), f[0], f[1], f[2], f[1] == 0 ? "—" : Texts.percent((double) f[2] / f[1]),
                    f[3], f[4], f[5]));
        }
        units.sort(Comparator.comparingLong(UnitLine::overdueNow).reversed().thenComparing(UnitLine::name));
        Selection selection = select(units, rules);

        Map<String, String> unitNames = directory.unitNames();
        List<OverdueItem> overdue = jdbc.sql("""
                select case_number, title, lead_unit_code, deadline from rectification_case
                where status in (:running) and deadline < :now order by deadline asc, id limit 20""").params(p)
                .query((rs, n) -> {
                    OffsetDateTime deadline = rs.getObject(4, OffsetDateTime.class);
                    return new OverdueItem(rs.getString(1), rs.getString(2),
                            unitNames.getOrDefault(rs.getString(3), rs.getString(3) == null ? "" : rs.getString(3)),
                            Texts.minute(deadline), Texts.overdueBy(deadline, now));
                }).list();
        List<OrderItem> orders = jdbc.sql("""
                select c.case_number, c.title, c.lead_unit_code, e.occurred_at, e.summary
                from case_event e join rectification_case c on c.id = e.case_id
                where e.occurred_at >= :start and e.occurred_at < :end and e.action = 'ESCALATION_SUPERVISION'
                order by e.occurred_at, e.id limit 20""").params(p)
                .query((rs, n) -> new OrderItem(rs.getString(1), rs.getString(2),
                        unitNames.getOrDefault(rs.getString(3), rs.getString(3) == null ? "" : rs.getString(3)),
                        Texts.minute(rs.getObject(4, OffsetDateTime.class)), rs.getString(5)))
                .list();

        LocalDate sunday = weekStart.plusDays(6);
        return new Content("创文创卫问题整改工作通报（" + weekTitle(weekStart) + "）", weekTitle(weekStart),
                Texts.chineseDay(weekStart) + "至" + Texts.chineseDay(sunday), org.rectify.shared.ChineseTimes.text(now),
                Texts.chineseDay(now.atZoneSameInstant(Texts.ZONE).toLocalDate()),
                totals[0], totals[1], totals[2], totals[1] == 0 ? "—" : Texts.percent((double) totals[2] / totals[1]),
                totals[3], totals[4], events.getOrDefault("VERIFICATION_FAILED", 0L),
                events.getOrDefault("ESCALATION_SUPERVISION", 0L), events.getOrDefault("ESCALATION_TRANSFER", 0L),
                units, selection.best(), selection.worst(), overdue, totals[4], orders,
                ruleSetLabels.label(selection.ruleSetVersion()), selection);
    }
}
