package org.rectify.cases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rectify.catalog.ReportSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Filtered, paged lists of cases (for the API now, the ledger later). */
@Component
public class CaseSearch {

    public record Filter(CaseStatus status, String unit, String category, ReportSource source, Boolean overdue,
            String text, Set<String> restrictToUnits, String orSubmittedBy) {
    }

    public record Page(List<RectificationCase> items, long total) {
    }

    private final JdbcClient jdbc;
    private final Cases cases;

    CaseSearch(JdbcClient jdbc, Cases cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    public Page search(Filter filter, int page, int size, OffsetDateTime now) {
        List<String> where = new ArrayList<>();
        var params = new java.util.HashMap<String, Object>();
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.unit() != null) {
            where.add("(lead_unit_code = :unit or :unit = any(co_unit_codes))");
            params.put("unit", filter.unit());
        }
        if (filter.category() != null) {
            where.add("category_code = :category");
            params.put("category", filter.category());
        }
        if (filter.source() != null) {
            where.add("source = :source");
            params.put("source", filter.source().name());
        }
        if (filter.overdue() != null) {
            String overdue = "(status not in ('CLOSED', 'REJECTED', 'VOIDED', 'SUSPENDED') and deadline is not null and deadline < :now)";
            where.add(filter.overdue() ? overdue : "not " + overdue);
            params.put("now", now);
        }
        if (filter.text() != null) {
            // The first condition is implied by the second (a field that holds the text makes their concatenation hold
            // it): it changes no result, but lets the trigram index of V9 pick the candidates instead of a full scan.
            where.add("(case_number || ' ' || title || ' ' || address || ' ' || description) ilike :text");
            where.add("(title ilike :text or description ilike :text or address ilike :text or case_number ilike :text)");
            params.put("text", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.restrictToUnits() != null) {
            where.add("(lead_unit_code in (:mine) or co_unit_codes && cast(:mineArray as varchar[]) or submitted_by = :me)");
            params.put("mine", filter.restrictToUnits().isEmpty() ? List.of("-") : filter.restrictToUnits());
            params.put("mineArray", filter.restrictToUnits().toArray(String[]::new));
            params.put("me", filter.orSubmittedBy());
        }
        String whereClause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from rectification_case" + whereClause).params(params)
                .query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<RectificationCase> items = jdbc.sql("select " + Cases.COLUMNS + " from rectification_case" + whereClause
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .params(params).query(cases::map).list();
        return new Page(items, total);
    }
}
