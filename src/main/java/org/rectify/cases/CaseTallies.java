package org.rectify.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Exact counts of cases without counting them (V24's case_tally): cases by lead unit, grid cell and status, and
 * cases reported or closed per day (Asia/Shanghai). The database keeps them in the same transaction as every case
 * change, so they are as exact as {@code count(*)} and cost a few thousand rows to read instead of a million.
 */
@Component
public class CaseTallies {

    /** Cases of one lead unit in one grid cell ({@code null}: none); {@code day} is null for {@link #open}. */
    public record Count(String leadUnitCode, String gridCode, LocalDate day, long n) {
    }

    private static final List<String> OPEN = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)
            .map(Enum::name).toList();

    private final JdbcClient jdbc;

    CaseTallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open cases (not closed, voided or rejected) by lead unit and grid, of the given lead units ({@code null}: all cases). */
    public List<Count> open(Collection<String> leadUnits) {
        return read("CASES", leadUnits, null, "status in (:open)");
    }

    /** Cases reported per day from {@code since} on, by lead unit and grid. */
    public List<Count> reported(Collection<String> leadUnits, LocalDate since) {
        return read("REPORTED", leadUnits, since, null);
    }

    /** Cases closed (and still closed) per day of closing from {@code since} on, by lead unit and grid. */
    public List<Count> closed(Collection<String> leadUnits, LocalDate since) {
        return read("CLOSED", leadUnits, since, null);
    }

    /**
     * Cases whose clock runs (open, not suspended) with a deadline in a month before {@code monthStart}'s, by lead
     * unit and grid: all of them overdue once that month has begun.
     */
    public List<Count> dueBefore(Collection<String> leadUnits, LocalDate monthStart) {
        return read("DUE", leadUnits, null, "day < '" + monthStart.withDayOfMonth(1) + "'::date");
    }

    private List<Count> read(String measure, Collection<String> leadUnits, LocalDate since, String condition) {
        boolean byDay = since != null;
        StringBuilder sql = new StringBuilder("select lead_unit_code, grid_code, ")
                .append(byDay ? "day" : "null::date as day").append(", sum(n) as n from case_tally where measure = :measure");
        if (byDay) {
            sql.append(" and day >= :since");
        }
        if (condition != null) {
            sql.append(" and ").append(condition);
        }
        if (leadUnits != null) {
            sql.append(" and lead_unit_code in (:units)");
        }
        sql.append(" group by 1, 2, 3 having sum(n) <> 0");
        var statement = jdbc.sql(sql.toString()).param("measure", measure).param("open", OPEN);
        if (byDay) {
            statement = statement.param("since", since);
        }
        if (leadUnits != null) {
            statement = statement.param("units", leadUnits.isEmpty() ? List.of("-") : List.copyOf(leadUnits));
        }
        List<Count> counts = new ArrayList<>();
        statement.query(rs -> {
            counts.add(new Count(blankToNull(rs.getString("lead_unit_code")), blankToNull(rs.getString("grid_code")),
                    rs.getObject("day", LocalDate.class), rs.getLong("n")));
        });
        return counts;
    }

    /**
     * Folds each key's rows into one. The rows deleted are those this statement sees; a change committed meanwhile
     * keeps its row for the next round, so two nodes compacting at once, or a case changing meanwhile, lose nothing.
     *
     * @return the number of rows folded
     */
    @Scheduled(fixedDelayString = "${rectify.cases.tally-compaction-millis:30000}",
            initialDelayString = "${rectify.cases.tally-compaction-millis:30000}")
    public int compact() {
        return jdbc.sql("""
                with touched as (
                    select distinct measure, lead_unit_code, grid_code, status, day from case_tally where delta),
                gone as (
                    delete from case_tally t using touched k
                    where t.measure = k.measure and t.lead_unit_code = k.lead_unit_code and t.grid_code = k.grid_code
                      and t.status = k.status and t.day = k.day
                    returning t.measure, t.lead_unit_code, t.grid_code, t.status, t.day, t.n),
                folded as (
                    insert into case_tally (measure, lead_unit_code, grid_code, status, day, n, delta)
                    select measure, lead_unit_code, grid_code, status, day, sum(n), false from gone
                    group by 1, 2, 3, 4, 5 having sum(n) <> 0
                    returning 1)
                select count(*) from gone""").query(Integer.class).single();
    }

    private static String blankToNull(String code) {
        return code == null || code.isEmpty() ? null : code;
    }
}
