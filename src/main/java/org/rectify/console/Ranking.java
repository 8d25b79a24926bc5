package org.rectify.console;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rectify.catalog.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly ranking of units (一月一评比). For the problems reported in the month and handed to a unit as lead
 * unit (not those rejected or voided), as they stand now:
 * <ul>
 * <li>按期销号率 = closed by the deadline ÷ due (closed, or open past the deadline); 100 % when nothing is due yet;</li>
 * <li>返工率 = problems reworked at least once ÷ problems;</li>
 * <li>超期数 = problems open past the deadline or closed after it;</li>
 * <li>督办 and 移交纪检 = supervision orders and transfers to the discipline office issued in the month;</li>
 * <li>督办率 = (督办 + 2 × 移交纪检) ÷ problems, at most 1;</li>
 * <li>得分 = 100 × (0.5 × 按期销号率 + 0.2 × (1 − 超期率) + 0.15 × (1 − 返工率) + 0.15 × (1 − 督办率)), so 0 to 100
 * whatever the unit's size.</li>
 * </ul>
 * These are the console's interim figures; the scoring rules of the campaigns feature take over when they land.
 */
@Component
class Ranking {

    public record Row(int rank, String unitCode, String unitName, String unitKind, long cases, long closed, long due,
            long onTime, long reworked, long overdue, long orders, long transfers, Double score, boolean mine) {

        public String onTimeRate() {
            return due == 0 ? "—" : Texts.percent((double) onTime / due);
        }

        public String reworkRate() {
            return cases == 0 ? "—" : Texts.percent((double) reworked / cases);
        }

        public String scoreText() {
            return score == null ? "—" : String.format("%.1f", score);
        }

        public String tone() {
            if (mine) {
                return "mine";
            }
            if (score == null) {
                return "poor";
            }
            return score >= 90 ? "good" : score >= 75 ? "mid" : "poor";
        }

        public String rankText() {
            return rank == 0 ? "—" : Integer.toString(rank);
        }
    }

    public record Result(YearMonth month, List<Row> rows, int rankedUnits) {

        public String monthLabel() {
            return month.getYear() + "年" + month.getMonthValue() + "月";
        }
    }

    static final Map<String, Comparator<Row>> SORTS = Map.of(
            "score", Comparator.comparing((Row r) -> r.score() == null ? -1 : r.score()),
            "cases", Comparator.comparingLong(Row::cases),
            "onTime", Comparator.comparingDouble((Row r) -> r.due() == 0 ? 1 : (double) r.onTime() / r.due()),
            "rework", Comparator.comparingDouble((Row r) -> r.cases() == 0 ? 0 : (double) r.reworked() / r.cases()),
            "overdue", Comparator.comparingLong(Row::overdue),
            "escalations", Comparator.comparingLong((Row r) -> r.orders() + r.transfers()));

    private final JdbcClient jdbc;

    Ranking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every active unit, ranked by score (units without problems in the month are listed last, unranked). */
    Result compute(YearMonth month, Directory.Snapshot directory, OffsetDateTime now, java.util.Set<String> myUnits) {
        OffsetDateTime start = Ledger.startOf(month.atDay(1));
        OffsetDateTime end = Ledger.startOf(month.plusMonths(1).atDay(1));
        List<String> dropped = Texts.terminalStatuses().stream().filter(s -> !s.equals("CLOSED")).toList();
        Map<String, long[]> figures = new HashMap<>();
        jdbc.sql("""
                select c.lead_unit_code as unit,
                       count(*) as cases,
                       count(*) filter (where c.status = 'CLOSED') as closed,
                       count(*) filter (where c.status = 'CLOSED' or (c.status in (:running) and c.deadline < :now)) as due,
                       count(*) filter (where c.status = 'CLOSED' and (c.deadline is null or c.closed_at <= c.deadline)) as on_time,
                       count(*) filter (where c.rework_count > 0) as reworked,
                       count(*) filter (where (c.status in (:running) and c.deadline < :now)
                                           or (c.status = 'CLOSED' and c.closed_at > c.deadline)) as overdue
                from rectification_case c
                where c.created_at >= :start and c.created_at < :end and c.lead_unit_code is not null
                  and c.status not in (:dropped)
                group by c.lead_unit_code""")
                .param("running", Texts.clockRunningStatuses()).param("now", now).param("start", start)
                .param("end", end).param("dropped", dropped.isEmpty() ? List.of("-") : dropped)
                .query(rs -> {
                    figures.put(rs.getString("unit"), new long[] {rs.getLong("cases"), rs.getLong("closed"),
                            rs.getLong("due"), rs.getLong("on_time"), rs.getLong("reworked"), rs.getLong("overdue"), 0, 0});
                });
        jdbc.sql("""
                select c.lead_unit_code as unit,
                       count(*) filter (where e.action = 'ESCALATION_SUPERVISION') as orders,
                       count(*) filter (where e.action = 'ESCALATION_TRANSFER') as transfers
                from case_event e join rectification_case c on c.id = e.case_id
                where e.occurred_at >= :start and e.occurred_at < :end
                  and e.action in ('ESCALATION_SUPERVISION', 'ESCALATION_TRANSFER') and c.lead_unit_code is not null
                group by c.lead_unit_code""")
                .param("start", start).param("end", end)
                .query(rs -> {
                    long[] f = figures.computeIfAbsent(rs.getString("unit"), u -> new long[8]);
                    f[6] = rs.getLong("orders");
                    f[7] = rs.getLong("transfers");
                });
        List<Row> rows = new ArrayList<>();
        for (Unit unit : directory.units()) {
            long[] f = figures.getOrDefault(unit.code(), new long[8]);
            rows.add(new Row(0, unit.code(), unit.name(), unit.kind().chineseLabel(), f[0], f[1], f[2], f[3], f[4], f[5],
                    f[6], f[7], f[0] == 0 ? null : score(f), myUnits.contains(unit.code())));
        }
        rows.sort(Comparator.comparing((Row r) -> r.score() == null ? -1 : r.score()).reversed()
                .thenComparing(Comparator.comparingLong(Row::cases).reversed()).thenComparing(Row::unitCode));
        List<Row> ranked = new ArrayList<>();
        int rank = 0;
        for (Row r : rows) {
            ranked.add(r.score() == null ? r : withRank(r, ++rank));
        }
        return new Result(month, ranked, rank);
    }

    static double score(long[] f) {
        long cases = f[0];
        double onTime = f[2] == 0 ? 1 : (double) f[3] / f[2];
        double rework = cases == 0 ? 0 : (double) f[4] / cases;
        double overdue = cases == 0 ? 0 : (double) f[5] / cases;
        double escalation = cases == 0 ? 0 : Math.min(1, (f[6] + 2.0 * f[7]) / cases);
        double score = 100 * (0.5 * onTime + 0.2 * (1 - overdue) + 0.15 * (1 - rework) + 0.15 * (1 - escalation));
        return Math.round(Math.max(0, Math.min(100, score)) * 10) / 10.0;
    }

    private static Row withRank(Row r, int rank) {
        return new Row(rank, r.unitCode(), r.unitName(), r.unitKind(), r.cases(), r.closed(), r.due(), r.onTime(),
                r.reworked(), r.overdue(), r.orders(), r.transfers(), r.score(), r.mine());
    }

    static List<Row> sorted(List<Row> rows, String sort, String dir) {
        Comparator<Row> comparator = SORTS.get(sort);
        if (comparator == null) {
            return rows;
        }
        Comparator<Row> ordered = "asc".equals(dir) ? comparator : comparator.reversed();
        return rows.stream().sorted(ordered.thenComparing(Row::unitCode)).toList();
    }
}
