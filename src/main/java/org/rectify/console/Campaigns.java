package org.rectify.console;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Campaigns (专项整治) for the ledger's filter, once the campaigns feature has added them: a table
 * {@code campaign (id, name)} and a column {@code rectification_case.campaign_id}. Until both exist the
 * filter is not offered.
 */
@Component
class Campaigns {

    public record Option(String id, String name) {
    }

    private final JdbcClient jdbc;
    private volatile Boolean available;

    Campaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean available() {
        Boolean known = available;
        if (known == null) {
            known = jdbc.sql("""
                    select count(*) = 2 from information_schema.columns
                    where table_schema = current_schema()
                      and ((table_name = 'rectification_case' and column_name = 'campaign_id')
                        or (table_name = 'campaign' and column_name = 'name'))""")
                    .query(Boolean.class).single();
            available = known;
        }
        return known;
    }

    List<Option> options() {
        if (!available()) {
            return List.of();
        }
        return jdbc.sql("select cast(id as text), name from campaign order by id desc")
                .query((rs, n) -> new Option(rs.getString(1), rs.getString(2))).list();
    }

    /** The ledger's condition on table alias {@code alias}, parameter {@code :campaign}. */
    String condition(String alias) {
        return "cast(" + alias + ".campaign_id as text) = :campaign";
    }
}
