package org.rectify.cases;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free yearly numbers (案件编号, later document numbers). Must run inside the caller's transaction: the
 * row lock serialises concurrent callers until commit, and a rollback returns the number unused.
 */
@Component
public class NumberSequences {

    private final JdbcClient jdbc;

    NumberSequences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int next(String kind, int year) {
        return jdbc.sql("""
                insert into number_sequence (kind, year, last_value) values (:kind, :year, 1)
                on conflict (kind, year) do update set last_value = number_sequence.last_value + 1
                returning last_value""")
                .param("kind", kind)
                .param("year", year)
                .query(Integer.class)
                .single();
    }
}
