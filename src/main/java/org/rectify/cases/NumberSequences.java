package org.rectify.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Yearly numbers of two kinds.
 * <ul>
 * <li>Gap-free (official document numbers, 督办〔2026〕N号): a row of {@code number_sequence}, locked until commit so a
 * rollback gives the number back. The lock serialises every transaction that takes a number of the series, so the
 * number is taken last ({@link #atCommit}), just before the commit: the lock is held for the commit alone, not for
 * the step that issued the document.</li>
 * <li>With gaps (case numbers, ZG-2026-000123): a PostgreSQL sequence per kind and year, which never blocks; a
 * rolled-back intake leaves its number unused. Case numbers name a case, they are not a register that must be
 * complete: the case table is the register.</li>
 * </ul>
 */
@Component
public class NumberSequences {

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{0,30}");

    private final JdbcClient jdbc;
    /** The sequences known to exist: each is created once, by the first transaction of its year. */
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    NumberSequences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next gap-free number, taken now and locked until the caller's transaction ends. Prefer {@link #atCommit}:
     * this one holds the series' lock for the rest of the transaction.
     */
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

    /**
     * Takes the next gap-free number of the series just before the caller's transaction commits and hands it to
     * {@code use}, which stores what carries the number (in the same transaction: a failure there rolls everything
     * back, the number with it). Numbers of one transaction are taken in the order of their series' names, so two
     * transactions that number documents of two series cannot deadlock; the {@code use}s then run in the order they
     * were deferred, so what carries the numbers is stored in issue order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void atCommit(String kind, int year, IntConsumer use) {
        Deferred deferred = (Deferred) TransactionSynchronizationManager.getResource(this);
        if (deferred == null) {
            deferred = new Deferred();
            TransactionSynchronizationManager.bindResource(this, deferred);
            TransactionSynchronizationManager.registerSynchronization(deferred);
        }
        deferred.pending.add(new Pending(kind, year, use));
    }

    /** The next number of a series that may have gaps; never waits for another transaction. */
    public long nextWithGaps(String kind, int year) {
        String sequence = sequenceName(kind, year);
        // remembered only once seen committed: a sequence made by a transaction that rolls back goes with it
        if (!created.contains(sequence) && existedBefore(kind, year, sequence)) {
            created.add(sequence);
        }
        return jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
    }

    /**
     * Moves a gapped series past {@code atLeast} (bulk loads that number rows themselves), and the gap-free row with
     * it, so that either way of numbering continues after the loaded rows.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void advanceWithGaps(String kind, int year, long atLeast) {
        String sequence = sequenceName(kind, year);
        existedBefore(kind, year, sequence);
        jdbc.sql("select setval('" + sequence + "', greatest(:atLeast, (select last_value from " + sequence + ")))")
                .param("atLeast", atLeast).query(Long.class).single();
    }

    /** The highest number a gapped series gave so far (0 if none). */
    public long lastWithGaps(String kind, int year) {
        String sequence = sequenceName(kind, year);
        if (jdbc.sql("select to_regclass(:name) is not null").param("name", sequence).query(Boolean.class).single()) {
            return jdbc.sql("select case when is_called then last_value else last_value - 1 end from " + sequence)
                    .query(Long.class).single();
        }
        return jdbc.sql("select coalesce(max(last_value), 0) from number_sequence where kind = :kind and year = :year")
                .param("kind", kind).param("year", year).query(Long.class).single();
    }

    /** Creates the sequence unless it exists; tells whether it did. */
    private boolean existedBefore(String kind, int year, String sequence) {
        if (jdbc.sql("select to_regclass(:name) is not null").param("name", sequence).query(Boolean.class).single()) {
            return true;
        }
        // Two first intakes of a year at once: the second waits here for the first to commit, then finds the sequence.
        // The lock ends with the caller's transaction; a rollback takes the sequence away, and the next caller makes it.
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('sequence:' || :name))) locked")
                .param("name", sequence).query(Integer.class).single();
        if (jdbc.sql("select to_regclass(:name) is not null").param("name", sequence).query(Boolean.class).single()) {
            return true;
        }
        // continues where the gap-free row of earlier versions (or a bulk load) left off
        long last = jdbc.sql("select coalesce(max(last_value), 0) from number_sequence where kind = :kind and year = :year")
                .param("kind", kind).param("year", year).query(Long.class).single();
        jdbc.sql("create sequence if not exists " + sequence + " start with " + (last + 1) + " minvalue 1").update();
        return false;
    }

    private static String sequenceName(String kind, int year) {
        if (!KIND.matcher(kind).matches() || year < 1900 || year > 9999) {
            throw new IllegalArgumentException("Not a number series: " + kind + " " + year);
        }
        return "number_" + kind.toLowerCase() + "_" + year;
    }

    private record Pending(String kind, int year, IntConsumer use) {
    }

    /** The numbers a transaction takes at its commit. */
    private final class Deferred implements TransactionSynchronization {

        private final List<Pending> pending = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            // a use may defer another number: run until none is left
            while (!pending.isEmpty()) {
                List<Pending> batch = new ArrayList<>(pending);
                pending.clear();
                // Locks in a fixed order (no deadlock between two transactions), but what carries the numbers is
                // stored in the order it was issued: the case history reads in that order. The sort is stable, so
                // numbers of one series still follow the issue order.
                List<Pending> lockOrder = new ArrayList<>(batch);
                lockOrder.sort(Comparator.comparing(Pending::kind).thenComparing(Pending::year));
                Map<Pending, Integer> taken = new IdentityHashMap<>();
                for (Pending p : lockOrder) {
                    taken.put(p, next(p.kind(), p.year()));
                }
                for (Pending p : batch) {
                    p.use().accept(taken.get(p));
                }
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(NumberSequences.this);
        }
    }
}
