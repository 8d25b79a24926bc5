package org.rectify.console;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Campaigns (专项整治, V10__campaigns.sql) for the ledger's filter. */
@Component
class Campaigns {

    public record Option(String id, String name) {
    }

    private final JdbcClient jdbc;

    Campaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Option> options() {
        return jdbc.sql("select cast(id as text), name from campaign order by id desc")
                .query((rs, n) -> new Option(rs.getString(1), rs.getString(2))).list();
    }
}
