package org.rectify.console;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
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

    Dashboard(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    View build(Viewer viewer, Directory.Snapshot directory, OffsetDateTime now) {
        LocalDate today = now.atZoneSameInstant(Texts.ZONE).toLocalDate();
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<String, Object> params = new HashMap<>();
        String scope = viewer.scope(params);
        params.put("now", now);
        params.put("todayStart", Ledger.startOf(today));
        params.put("tomorrowStart", Ledger.startOf(today.plusDays(1)));
        params.put("weekStart", Ledger.startOf(weekStart));
        String running = "c.status in (" + Texts.RUNNING_SQL + ")";
        String figures = "count(*) filter (where c.status not in (" + Texts.TERMINAL_SQL + ")) as open,"
                + " count(*) filter (where " + running + " and c.deadline >= :todayStart and c.deadline < :tomorrowStart) as due_today,"
                + " count(*) filter (where " + running + " and c.deadline < :now) as overdue,"
                + " count(*) filter (where c.status = 'CLOSED' and c.closed_at >= :weekStart) as closed_week";
        // The cases that can count at all: the open ones (read from their partial index alone, V21) and the few
        // finished ones closed this week or reported today. Two disjoint parts rather than one OR, which would
        // make PostgreSQL visit rows all over the table.
        String relevant = "(select c.lead_unit_code, c.grid_code, c.status, c.deadline, null::timestamptz as closed_at, c.created_at"
                + " from rectification_case c where " + scope + " and c.status not in (" + Texts.TERMINAL_SQL + ")"
                + " union all select c.lead_unit_code, c.grid_code, c.status, c.deadline, c.closed_at, c.created_at"
                + " from rectification_case c where " + scope + " and c.status in (" + Texts.TERMINAL_SQL + ")"
                + " and (c.closed_at >= :weekStart or c.created_at >= :todayStart)) c";

        // One pass over the table for the totals, the units and the grid cells (grouping sets), not three.
        Map<String, String> unitNames = directory.unitNames();
        Map<String, String> streetOfGrid = directory.streetOfGrid();
        Map<String, long[]> streets = new LinkedHashMap<>();
        for (Unit street : directory.streets()) {
            streets.put(street.code(), new long[3]);
        }
        List<Line> byUnit = new ArrayList<>();
        Totals[] totals = {new Totals(0, 0, 0, 0, 0)};
        jdbc.query("select grouping(c.lead_unit_code) as by_all_units, grouping(c.grid_code) as by_all_grids,"
                + " c.lead_unit_code, c.grid_code, " + figures
                + ", count(*) filter (where c.created_at >= :todayStart) as reported_today"
                + " from " + relevant
                + " group by grouping sets ((), (c.lead_unit_code), (c.grid_code))", params, rs -> {
                    boolean allUnits = rs.getInt("by_all_units") == 1;
                    boolean allGrids = rs.getInt("by_all_grids") == 1;
                    if (allUnits && allGrids) {
                        totals[0] = new Totals(rs.getLong("open"), rs.getLong("due_today"), rs.getLong("overdue"),
                                rs.getLong("closed_week"), rs.getLong("reported_today"));
                    } else if (allGrids) {
                        String code = rs.getString("lead_unit_code");
                        if (code != null) {
                            byUnit.add(new Line(code, unitNames.getOrDefault(code, code), rs.getLong("open"),
                                    rs.getLong("overdue"), rs.getLong("closed_week")));
                        }
                    } else {
                        String street = rs.getString("grid_code") == null ? null : streetOfGrid.get(rs.getString("grid_code"));
                        if (street != null) {
                            long[] sums = streets.computeIfAbsent(street, k -> new long[3]);
                            sums[0] += rs.getLong("open");
                            sums[1] += rs.getLong("overdue");
                            sums[2] += rs.getLong("closed_week");
                        }
                    }
                });
        byUnit.sort((a, b) -> a.overdue() != b.overdue() ? Long.compare(b.overdue(), a.overdue())
                : Long.compare(b.open(), a.open()));
        List<Line> byStreet = streets.entrySet().stream()
                .map(e -> new Line(e.getKey(), unitNames.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0],
                        e.getValue()[1], e.getValue()[2]))
                .toList();

        LocalDate firstDay = today.minusDays(29);
        params.put("trendStart", Ledger.startOf(firstDay));
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (LocalDate d = firstDay; !d.isAfter(today); d = d.plusDays(1)) {
            days.put(d, new long[2]);
        }
        jdbc.query("select (c.created_at at time zone 'Asia/Shanghai')::date as day, count(*) as n from rectification_case c"
                + " where " + scope + " and c.created_at >= :trendStart group by 1", params, rs -> {
                    long[] counts = days.get(rs.getObject("day", LocalDate.class));
                    if (counts != null) {
                        counts[0] = rs.getLong("n");
                    }
                });
        jdbc.query("select (c.closed_at at time zone 'Asia/Shanghai')::date as day, count(*) as n from rectification_case c"
                + " where " + scope + " and c.status = 'CLOSED' and c.closed_at >= :trendStart group by 1", params, rs -> {
                    long[] counts = days.get(rs.getObject("day", LocalDate.class));
                    if (counts != null) {
                        counts[1] = rs.getLong("n");
                    }
                });
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
        List<Stage> ladder = java.util.Arrays.stream(LadderStage.values())
                .map(s -> new Stage(s.name(), s.chineseLabel(), byStage.getOrDefault(s.name(), 0L))).toList();
        return new View(totals[0], byUnit, byStreet, trend, overdue, Texts.day(weekStart), Texts.day(today), ladder);
    }
}
