package org.rectify.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rectify.calendar.TimeLimitUnit;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;
import org.rectify.rules.OpenCases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The open cases, with their history and last time-limit decision, for the rules' what-if comparison. */
@Component
class OpenCasesForRules implements OpenCases {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OpenCasesForRules(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<OpenCase> open(String categoryCode) {
        return jdbc.sql("""
                select c.id, c.case_number, c.title, c.status, c.category_code, cat.name, cat.default_unit_code,
                       c.severity, c.source, c.rework_count, u.parent_code, g.community_code,
                       (select string_agg(distinct e.details->>'unit', ',') from case_event e
                         where e.case_id = c.id and e.action = 'RETURNED'),
                       (select d.outcome::text from decision d where d.case_id = c.id and d.kind = 'TIME_LIMIT'
                         order by d.id desc limit 1),
                       c.deadline, c.deadline_set_at
                from rectification_case c
                join category cat on cat.code = c.category_code
                left join grid g on g.code = c.grid_code
                left join unit u on u.code = g.community_code
                where c.status not in ('CLOSED', 'REJECTED', 'VOIDED')
                  and (cast(:category as varchar) is null or c.category_code = cast(:category as varchar))
                order by c.id""")
                .param("category", categoryCode)
                .query((rs, n) -> {
                    Map<String, Object> initial = readObject(rs.getString(14));
                    Set<String> returned = rs.getString(13) == null ? Set.of()
                            : new LinkedHashSet<>(Arrays.asList(rs.getString(13).split(",")));
                    return new OpenCase(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), Severity.valueOf(rs.getString(8)),
                            ReportSource.valueOf(rs.getString(9)), rs.getInt(10), rs.getString(11), rs.getString(12),
                            returned, initial.get("amount") == null ? null : ((Number) initial.get("amount")).intValue(),
                            initial.get("unit") == null ? null : TimeLimitUnit.valueOf((String) initial.get("unit")),
                            rs.getObject(15, OffsetDateTime.class), rs.getObject(16, OffsetDateTime.class));
                })
                .list();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readObject(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
