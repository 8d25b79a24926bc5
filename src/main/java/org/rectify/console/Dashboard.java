package org.rectify.console;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.rectify.cases.CaseTallies;
import org.rectify.catalog.Unit;
import org.rectify.escalation.LadderStage;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live figures (实时监控): open, due today, overdue and closed this week; the same by unit and by street;
 * reported and closed per day over 30 days; the longest-overdue cases. Each figure is one aggregate query over
 * the case table, limited to what the viewer may see.
 */
@Component
class Dashboard {

    public record Totals(long open, long dueToday, long overdue, long closedThisWeek, long reportedToday) {
    }

    /** One line of the by-unit or by-street table; its code is what the ledger links filter by. */
    public record Line(String code, String name, long open, long overdue, long closedThisWeek) {
    }

    public record Day(LocalDate day, long reported, long closed) {

        public String label() {
            return day.getMonthValue() + "/" + day.getDayOfMonth();
        }

        public String iso() {
            return day.toString();
        }
    }

    public record OverdueCase(long id, String caseNumber, String title, String unitName, String deadline,
            String overdueText, String categoryName) {
    }

    /** Open cases at one rung of the ladder; its code is the ledger's stage filter. */
    public record Stage(String code, String label, long open) {
    }

    public record View(Totals totals, List<Line> byUnit, List<Line> byStreet, List<Day> trend, List<OverdueCase> overdue,
            String weekStart, String today, List<Stage> ladder) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseTallies tallies;

    Dashboard(DataSource dataSource, CaseTallies tallies) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.tallies = tallies;
    }

    /** The figures of one lead unit in one grid cell. */
    private static final class Cell {
        long open;
        long overdue;
        long closedThisWeek;
        long dueToday;
        long reportedToday;
    }

    View build(Viewer viewer, Directory.Snapshot directory, OffsetDateTime now) {
        LocalDate today = now.atZoneSameInstant(Texts.ZONE).toLocalDate();
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstDay = today.minusDays(29);
        Map<String, Object> params = new HashMap<>();
        String scope = viewer.scope(params);
        params.put("now", now);
        params.put("todayStart", Ledger.startOf(today));
        params.put("tomorrowStart", Ledger.startOf(today.plusDays(1)));
        params.put("trendStart", Ledger.startOf(firstDay));

        Map<List<String>, Cell> cells = new HashMap<>();
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (LocalDate d = firstDay; !d.isAfter(today); d = d.plusDays(1)) {
            days.put(d, new long[2]);
        }
        // Open, closed and reported: the cases module's counters for the cases led by the viewer's units (every case
        // for the offices), counted from the table for the few others a handler sees (as a co-unit or the reporter).
        Collection<String> leadUnits = viewer.seesAll() ? null : viewer.units();
        List<CaseTallies.Count> open = new ArrayList<>(tallies.open(leadUnits));
        List<CaseTallies.Count> reported = new ArrayList<>(tallies.reported(leadUnits, firstDay));
        List<CaseTallies.Count> closed = new ArrayList<>(tallies.closed(leadUnits, firstDay));
        String others = viewer.scopeParts(params).stream().skip(1).findFirst().orElse(null);
        if (others != null) {
            open.addAll(counted("null::date", others, "c.status not in (" + Texts.TERMINAL_SQL + ")", params));
            reported.addAll(counted("(c.created_at at time zone 'Asia/Shanghai')::date", others,
                    "c.created_at >= :trendStart", params));
            closed.addAll(counted("(c.closed_at at time zone 'Asia/Shanghai')::date", others,
                    "c.status = 'CLOSED' and c.closed_at >= :trendStart", params));
        }
        open.forEach(c -> cell(cells, c).open += c.n());
        for (CaseTallies.Count c : reported) {
            days.getOrDefault(c.day(), new long[2])[0] += c.n();
            if (c.day().equals(today)) {
                cell(cells, c).reportedToday += c.n();
            }
        }
        for (CaseTallies.Count c : closed) {
            days.getOrDefault(c.day(), new long[2])[1] += c.n();
            if (!c.day().isBefore(weekStart)) {
                cell(cells, c).closedThisWeek += c.n();
            }
        }
        // Overdue and due today depend on the clock, not only on the cases: the counters give the running cases due
        // in the months before this one (all overdue by now), the deadline index (V24) the rest, due from the first
        // of this month to the end of today. Both limited to what the viewer sees.
        LocalDate monthStart = today.withDayOfMonth(1);
        params.put("monthStart", Ledger.startOf(monthStart));
        List<CaseTallies.Count> overdueBefore = new ArrayList<>(tallies.dueBefore(leadUnits, monthStart));
        if (others != null) {
            overdueBefore.addAll(counted("null::date", others, "c.status in (" + Texts.RUNNING_SQL + ")"
                    + " and c.deadline < :monthStart", params));
        }
        overdueBefore.forEach(c -> cell(cells, c).overdue += c.n());
        jdbc.query("select c.lead_unit_code, c.grid_code, count(*) filter (where c.deadline < :now) as overdue,"
                + " count(*) filter (where c.deadline >= :todayStart) as due_today from rectification_case c"
                + " where " + scope + " and c.status in (" + Texts.RUNNING_SQL + ") and c.deadline >= :monthStart"
                + " and c.deadline < :tomorrowStart group by 1, 2", params, rs -> {
                    Cell cell = cells.computeIfAbsent(Arrays.asList(rs.getString("lead_unit_code"), rs.getString("grid_code")),
                            k -> new Cell());
                    cell.overdue += rs.getLong("overdue");
                    cell.dueToday += rs.getLong("due_today");
                });

        Map<String, String> unitNames = directory.unitNames();
        Map<String, String> streetOfGrid = directory.streetOfGrid();
        Map<String, long[]> streets = new LinkedHashMap<>();
        for (Unit street : directory.streets()) {
            streets.put(street.code(), new long[3]);
        }
        Map<String, long[]> units = new HashMap<>();
        long[] all = new long[5];
        cells.forEach((key, cell) -> {
            long[] figures = {cell.open, cell.overdue, cell.closedThisWeek};
            all[0] += cell.open;
            all[1] += cell.dueToday;
            all[2] += cell.overdue;
            all[3] += cell.closedThisWeek;
            all[4] += cell.reportedToday;
            // A unit is listed when it has anything to show this week (as the cases that can count at all).
            if (key.get(0) != null && (cell.open > 0 || cell.closedThisWeek > 0 || cell.reportedToday > 0)) {
                add(units.computeIfAbsent(key.get(0), k -> new long[3]), figures);
            }
            String street = key.get(1) == null ? null : streetOfGrid.get(key.get(1));
            if (street != null) {
                add(streets.computeIfAbsent(street, k -> new long[3]), figures);
            }
        });
        Totals totals = new Totals(all[0], all[1], all[2], all[3], all[4]);
        List<Line> byUnit = new ArrayList<>();
        units.forEach((code, f) -> byUnit.add(new Line(code, unitNames.getOrDefault(code, code), f[0], f[1], f[2])));
        byUnit.sort((a, b) -> a.overdue() != b.overdue() ? Long.compare(b.overdue(), a.overdue())
                : a.open() != b.open() ? Long.compare(b.open(), a.open()) : a.code().compareTo(b.code()));
        List<Line> byStreet = streets.entrySet().stream()
                .map(e -> new Line(e.getKey(), unitNames.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0],
                        e.getValue()[1], e.getValue()[2]))
                .toList();
        List<Day> trend = days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();

        Map<String, String> categoryNames = directory.categoryNames();
        List<OverdueCase> overdue = jdbc.query("""
                select c.id, c.case_number, c.title, c.lead_unit_code, c.deadline, c.category_code
                from rectification_case c where\s""" + scope + """
                \s and c.status in (""" + Texts.RUNNING_SQL + """
                ) and c.deadline < :now order by c.deadline asc, c.id limit 15""", params,
                (rs, n) -> {
                    OffsetDateTime deadline = rs.getObject("deadline", OffsetDateTime.class);
                    String unit = rs.getString("lead_unit_code");
                    return new OverdueCase(rs.getLong("id"), rs.getString("case_number"), rs.getString("title"),
                            unit == null ? "" : unitNames.getOrDefault(unit, unit), Texts.minute(deadline),
                            Texts.overdueBy(deadline, now),
                            categoryNames.getOrDefault(rs.getString("category_code"), rs.getString("category_code")));
                });
        Map<String, Long> byStage = new HashMap<>();
        jdbc.query("select s.stage, count(*) as n from case_ladder_stage s join rectification_case c on c.id = s.case_id"
                + " where " + scope + " and c.status not in (" + Texts.TERMINAL_SQL + ") group by s.stage", params,
                rs -> {
                    byStage.put(rs.getString("stage"), rs.getLong("n"));
                });
        List<Stage> ladder = Arrays.stream(LadderStage.values())
                .map(s -> new Stage(s.name(), s.chineseLabel(), byStage.getOrDefault(s.name(), 0L))).toList();
        return new View(totals, byUnit, byStreet, trend, overdue, Texts.day(weekStart), Texts.day(today), ladder);
    }

    private static Cell cell(Map<List<String>, Cell> cells, CaseTallies.Count count) {
        return cells.computeIfAbsent(Arrays.asList(count.leadUnitCode(), count.gridCode()), k -> new Cell());
    }

    private static void add(long[] sums, long[] figures) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += figures[i];
        }
    }

    /**
     * The same counts as the tallies', counted from the table for the cases matching {@code where} (a handler's cases
     * they do not lead: few, found by the co-unit and reporter indexes; the fence keeps PostgreSQL from walking
     * every open case instead).
     */
    private List<CaseTallies.Count> counted(String day, String scope, String condition, Map<String, Object> params) {
        return jdbc.query("select c.lead_unit_code, c.grid_code, " + day + " as day, count(*) as n"
                + " from (select c.* from rectification_case c where " + scope + " offset 0) c where " + condition
                + " group by 1, 2, 3", params,
                (rs, n) -> new CaseTallies.Count(rs.getString("lead_unit_code"), rs.getString("grid_code"),
                        rs.getObject("day", LocalDate.class), rs.getLong("n")));
    }
}
