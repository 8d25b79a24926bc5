package org.rectify.console;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger (台账): every case the viewer may see, filtered, sorted and paged, read straight from the case
 * table so that a page over 100 000 cases stays fast; and the same rows streamed for the XLSX export.
 */
@Component
class Ledger {

    public record Row(long id, String caseNumber, String title, String status, String statusLabel, String statusTone,
            String categoryName, String severity, String severityLabel, String sourceLabel, String address,
            String streetName, String gridName, String leadUnitName, String coUnitNames, String createdAt,
            String deadline, boolean deadlineProvisional, boolean overdue, String overdueText, String closedAt,
            int reworkCount, String reporter, String ladderStage, String ladderStageLabel) {
    }

    /**
     * @param total     the number of cases the filter selects; when {@code estimated}, the planner's estimate (rounded)
     *                  of a number known to be over {@link #exactUpTo()}
     * @param estimated whether {@code total} is an estimate, shown as such (约 …)
     */
    public record Page(List<Row> rows, long total, boolean estimated, int page, int size, int pages) {

        public long firstNumber() {
            return total == 0 ? 0 : (long) (page - 1) * size + 1;
        }

        public long lastNumber() {
            return Math.min(total, (long) page * size);
        }

        /** Page numbers to offer: the first, the last, and a few around the current one (0 stands for "…"). */
        public List<Integer> nearby() {
            List<Integer> numbers = new ArrayList<>();
            for (int p = 1; p <= pages; p++) {
                if (p == 1 || p == pages || Math.abs(p - page) <= 2) {
                    numbers.add(p);
                } else if (!numbers.isEmpty() && numbers.get(numbers.size() - 1) != 0) {
                    numbers.add(0);
                }
            }
            return numbers;
        }
    }

    static final String COLUMNS = """
            c.id, c.case_number, c.title, c.status, c.category_code, c.severity, c.source, c.address, c.grid_code,
            c.lead_unit_code, c.co_unit_codes, c.created_at, c.deadline, c.deadline_provisional, c.closed_at,
            c.rework_count, coalesce(c.reporter_name, c.reporter) as reporter_text, s.stage as ladder_stage""";
    /** The case with where it stands on the ladder: one row per case at most (case_ladder_stage's key). */
    static final String FROM = " from rectification_case c left join case_ladder_stage s on s.case_id = c.id";

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    /**
     * Up to this many cases are counted exactly; above it the page gives PostgreSQL's estimate, because counting
     * 60 000 or a million rows costs a second whatever the query (issue 13).
     */
    private final int exactUpTo;

    Ledger(DataSource dataSource, PlatformTransactionManager transactions,
            @Value("${rectify.console.ledger.exact-count-up-to:5000}") int exactUpTo) {
        this.exactUpTo = exactUpTo;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(500);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }


    Page page(LedgerFilter filter, Viewer viewer, Directory.Snapshot directory, OffsetDateTime now) {
        Map<String, Object> counting = new HashMap<>();
        List<String> parts = new ArrayList<>();
        for (String part : viewer.scopeParts(counting)) {
            parts.add(FROM + " where " + where(filter, part, directory, now, counting));
        }
        // Counting is skipped when the planner expects twice the threshold or more (a million cases, a unit's 25 000
        // open ones, a word found in 60 000): finding them all would cost as much as counting them. Otherwise
        // count, up to the threshold and no further.
        long planned = 0;
        for (String part : parts) {
            planned += plannedRows("select 1" + part, counting);
        }
        long count;
        boolean estimated;
        if (planned >= 2L * exactUpTo) {
            count = roughly(planned);
            estimated = true;
        } else {
            counting.put("cap", exactUpTo + 1);
            Long capped = jdbc.queryForObject("select " + parts.stream()
                    .map(p -> "(select count(*) from (select 1" + p + " limit :cap) x)").collect(Collectors.joining(" + ")),
                    counting, Long.class);
            count = capped == null ? 0 : capped;
            estimated = count > exactUpTo;
            if (estimated) {
                count = Math.max(roughly(planned), exactUpTo + 1);
            }
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, viewer.scope(params), directory, now, params);
        int pages = (int) Math.max(1, (count + filter.size() - 1) / filter.size());
        int page = Math.min(filter.page(), pages);
        params.put("limit", filter.size());
        params.put("offset", (long) (page - 1) * filter.size());
        // The page's ids first, then their rows: the ids can be found, sorted and skipped over in an index alone
        // (V24's covering indexes carry the id), and only the 20 rows shown are read from the table.
        List<Row> rows = jdbc.query("select " + COLUMNS + FROM + " where c.id in (select c.id" + FROM + " where " + where
                + " order by " + order(filter) + " limit :limit offset :offset) order by " + order(filter), params,
                mapper(directory, now));
        return new Page(rows, count, estimated, page, filter.size(), pages);
    }

    int exactUpTo() {
        return exactUpTo;
    }

    /** The number of rows PostgreSQL's planner expects {@code sql} to return (its statistics, nothing counted). */
    private long plannedRows(String sql, Map<String, Object> params) {
        String plan = jdbc.queryForObject("explain (format json) " + sql, params, String.class);
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("\"Plan Rows\":\\s*([0-9.eE+]+)").matcher(plan);
        return rows.find() ? (long) Double.parseDouble(rows.group(1)) : 0;
    }

    /** Two significant digits: an estimate should not look more precise than it is. */
    static long roughly(long n) {
        if (n < 100) {
            return n;
        }
        long unit = (long) Math.pow(10, (long) Math.log10(n) - 1);
        return Math.round((double) n / unit) * unit;
    }

    /** Every row the filter selects, in the page's order, one at a time (a database cursor: constant memory). */
    void each(LedgerFilter filter, Viewer viewer, Directory.Snapshot directory, OffsetDateTime now, int limit,
            Consumer<Row> sink) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, viewer.scope(params), directory, now, params);
        params.put("limit", limit);
        RowMapper<Row> mapper = mapper(directory, now);
        readOnly.executeWithoutResult(status -> streaming.query("select " + COLUMNS
                + FROM + " where " + where + " order by " + order(filter) + " limit :limit", params,
                rs -> {
                    sink.accept(mapper.mapRow(rs, 0));
                }));
    }

    /** How many rows the filter selects: the sum over the disjoint parts of the viewer's scope. */
    long count(LedgerFilter filter, Viewer viewer, Directory.Snapshot directory, OffsetDateTime now) {
        Map<String, Object> params = new HashMap<>();
        List<String> counts = new ArrayList<>();
        for (String part : viewer.scopeParts(params)) {
            counts.add("(select count(*)" + FROM + " where " + where(filter, part, directory, now, params) + ")");
        }
        Long total = jdbc.queryForObject("select " + String.join(" + ", counts), params, Long.class);
        return total == null ? 0 : total;
    }

    private String where(LedgerFilter f, String scope, Directory.Snapshot directory, OffsetDateTime now,
            Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        where.add(scope);
        if (LedgerFilter.OPEN.equals(f.status())) {
            where.add("c.status not in (" + Texts.TERMINAL_SQL + ")");
        } else if (f.status() != null) {
            where.add("c.status = :status");
            params.put("status", f.status());
        }
        if (f.unit() != null) {
            where.add("(c.lead_unit_code = :unit or c.co_unit_codes && cast(:unitArray as varchar[]))");
            params.put("unit", f.unit());
            params.put("unitArray", new String[] {f.unit()});
        }
        if (f.street() != null) {
            List<String> grids = directory.gridsOfStreet(f.street());
            where.add("c.grid_code in (:streetGrids)");
            params.put("streetGrids", grids.isEmpty() ? List.of("-") : grids);
        }
        if (f.category() != null) {
            where.add("c.category_code = :category");
            params.put("category", f.category());
        }
        if (f.source() != null) {
            where.add("c.source = :source");
            params.put("source", f.source());
        }
        if (LedgerFilter.NO_STAGE.equals(f.stage())) {
            where.add("s.case_id is null");
        } else if (f.stage() != null) {
            where.add("s.stage = :stage");
            params.put("stage", f.stage());
        }
        if (f.campaign() != null) {
            // Compared as a number, so that the index rectification_case_campaign (V10) answers it.
            where.add("c.campaign_id = :campaign");
            params.put("campaign", Long.parseLong(f.campaign()));
        }
        if (f.overdue() != null) {
            String running = "c.status in (" + Texts.RUNNING_SQL + ")";
            params.put("now", now);
            switch (f.overdue()) {
                case "yes" -> where.add("(" + running + " and c.deadline < :now)");
                case "no" -> where.add("not (" + running + " and c.deadline is not null and c.deadline < :now)");
                default -> {
                    LocalDate today = now.atZoneSameInstant(Texts.ZONE).toLocalDate();
                    where.add("(" + running + " and c.deadline >= :todayStart and c.deadline < :tomorrowStart)");
                    params.put("todayStart", startOf(today));
                    params.put("tomorrowStart", startOf(today.plusDays(1)));
                }
            }
        }
        if (f.from() != null) {
            where.add("c.created_at >= :from");
            params.put("from", startOf(f.from()));
        }
        if (f.to() != null) {
            where.add("c.created_at < :to");
            params.put("to", startOf(f.to().plusDays(1)));
        }
        if (f.closedFrom() != null) {
            where.add("c.closed_at >= :closedFrom");
            params.put("closedFrom", startOf(f.closedFrom()));
        }
        if (f.closedTo() != null) {
            where.add("c.closed_at < :closedTo");
            params.put("closedTo", startOf(f.closedTo().plusDays(1)));
        }
        if (f.q() != null) {
            // One expression, so that the trigram index of V6__console.sql can answer it where pg_trgm is installed.
            where.add("(c.case_number || ' ' || c.title || ' ' || c.address || ' ' || c.description) ilike :q");
            params.put("q", "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return String.join(" and ", where);
    }

    static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(Texts.ZONE).toOffsetDateTime();
    }

    private static String order(LedgerFilter f) {
        String dir = "asc".equals(f.dir()) ? "asc" : "desc";
        return switch (f.sort()) {
            case "deadline" -> "c.deadline " + dir + " nulls last, c.id " + dir;
            case "closed" -> "c.closed_at " + dir + " nulls last, c.id " + dir;
            case "number" -> "c.case_number " + dir;
            default -> "c.created_at " + dir + ", c.id " + dir;
        };
    }

    private static RowMapper<Row> mapper(Directory.Snapshot directory, OffsetDateTime now) {
        Map<String, String> unitNames = directory.unitNames();
        Map<String, String> categoryNames = directory.categoryNames();
        Map<String, String> streetOfGrid = directory.streetOfGrid();
        List<String> running = Texts.clockRunningStatuses();
        return (rs, n) -> {
            String status = rs.getString("status");
            OffsetDateTime deadline = rs.getObject("deadline", OffsetDateTime.class);
            OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
            boolean overdue = running.contains(status) && deadline != null && now.isAfter(deadline);
            String overdueText = overdue ? "超期" + Texts.overdueBy(deadline, now)
                    : (closed != null && deadline != null && closed.isAfter(deadline) && "CLOSED".equals(status)
                            ? "逾期销号" : "");
            String grid = rs.getString("grid_code");
            String street = grid == null ? null : streetOfGrid.get(grid);
            String lead = rs.getString("lead_unit_code");
            return new Row(rs.getLong("id"), rs.getString("case_number"), rs.getString("title"), status,
                    Texts.statusLabel(status), Texts.statusTone(status),
                    categoryNames.getOrDefault(rs.getString("category_code"), rs.getString("category_code")),
                    rs.getString("severity"), Texts.severityLabel(rs.getString("severity")),
                    Texts.sourceLabel(rs.getString("source")), rs.getString("address"),
                    street == null ? "" : unitNames.getOrDefault(street, street), directory.gridName(grid),
                    lead == null ? "" : unitNames.getOrDefault(lead, lead),
                    strings(rs.getArray("co_unit_codes")).stream().map(u -> unitNames.getOrDefault(u, u))
                            .collect(Collectors.joining("、")),
                    Texts.minute(rs.getObject("created_at", OffsetDateTime.class)), Texts.minute(deadline),
                    rs.getBoolean("deadline_provisional"), overdue, overdueText, Texts.minute(closed),
                    rs.getInt("rework_count"), rs.getString("reporter_text"), rs.getString("ladder_stage"),
                    Texts.ladderStageLabel(rs.getString("ladder_stage")));
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
