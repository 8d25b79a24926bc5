package org.rectify.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.rectify.shared.TransactionMemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The calendar tables: calendar_year (what is published, and from where), calendar_day, calendar_import. */
@Repository
class CalendarRepository {

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The year as the database has it: published if imported, otherwise computed and provisional. */
    YearCalendar year(int year) {
        List<CalendarEntry> days = jdbc.sql("""
                        select day, kind, name from calendar_day
                        where day between :first and :last order by day""")
                .param("first", LocalDate.of(year, 1, 1))
                .param("last", LocalDate.of(year, 12, 31))
                .query((rs, row) -> new CalendarEntry(rs.getObject("day", LocalDate.class),
                        DayKind.valueOf(rs.getString("kind")), rs.getString("name")))
                .list();
        return provenance(year)
                .map(provenance -> YearCalendar.published(year, provenance, days))
                .orElseGet(() -> YearCalendar.provisional(year, days));
    }

    /** The key under which a transaction remembers a year it read (WorkingCalendar); an import forgets it. */
    static String memoKey(int year) {
        return "calendar-year:" + year;
    }

    boolean isPublished(int year) {
        return provenance(year).isPresent();
    }

    /**
     * Replaces the year's data in one transaction. Concurrent imports of the same year queue on the
     * year's row, so the days always match the provenance beside them.
     */
    @Transactional
    void replace(ImportedYear data, Instant importedAt, String importedBy, String document) {
        forgetNeighbours(data.year());
        jdbc.sql("""
                        insert into calendar_year (year, source, imported_at, imported_by)
                        values (:year, :source, :importedAt, :importedBy)
                        on conflict (year) do update set source = excluded.source,
                            imported_at = excluded.imported_at, imported_by = excluded.imported_by""")
                .param("year", data.year())
                .param("source", data.source())
                .param("importedAt", importedAt.atOffset(ZoneOffset.UTC))
                .param("importedBy", importedBy)
                .update();
        jdbc.sql("delete from calendar_day where year = :year").param("year", data.year()).update();
        insertDays(data);
        logImport(data, importedAt, importedBy, document);
    }

    /**
     * Stores the year unless some import already did; safe when several nodes start at once, because the
     * insert of the year's row lets only one of them through.
     *
     * @return whether this call stored the year
     */
    @Transactional
    boolean insertIfMissing(ImportedYear data, Instant importedAt, String importedBy, String document) {
        int inserted = jdbc.sql("""
                        insert into calendar_year (year, source, imported_at, imported_by)
                        values (:year, :source, :importedAt, :importedBy)
                        on conflict (year) do nothing""")
                .param("year", data.year())
                .param("source", data.source())
                .param("importedAt", importedAt.atOffset(ZoneOffset.UTC))
                .param("importedBy", importedBy)
                .update();
        if (inserted == 0) {
            return false;
        }
        forgetNeighbours(data.year());
        insertDays(data);
        logImport(data, importedAt, importedBy, document);
        return true;
    }

    /** An import may also write the first or last days of the neighbouring years. */
    private static void forgetNeighbours(int year) {
        for (int y = year - 1; y <= year + 1; y++) {
            TransactionMemo.forget(memoKey(y));
        }
    }

    private Optional<Provenance> provenance(int year) {
        return jdbc.sql("select source, imported_at, imported_by from calendar_year where year = :year")
                .param("year", year)
                .query((rs, row) -> new Provenance(rs.getString("source"),
                        rs.getObject("imported_at", OffsetDateTime.class).toInstant(), rs.getString("imported_by")))
                .optional();
    }

    private void insertDays(ImportedYear data) {
        for (CalendarEntry entry : data.entries()) {
            // A day in a neighbouring year may already belong to that year's import; the newer notice wins.
            jdbc.sql("""
                            insert into calendar_day (day, kind, name, year)
                            values (:day, :kind, :name, :year)
                            on conflict (day) do update set kind = excluded.kind, name = excluded.name,
                                year = excluded.year""")
                    .param("day", entry.date())
                    .param("kind", entry.kind().name())
                    .param("name", entry.name())
                    .param("year", data.year())
                    .update();
        }
    }

    private void logImport(ImportedYear data, Instant importedAt, String importedBy, String document) {
        jdbc.sql("""
                        insert into calendar_import (year, source, imported_at, imported_by, day_count, document)
                        values (:year, :source, :importedAt, :importedBy, :dayCount, :document)""")
                .param("year", data.year())
                .param("source", data.source())
                .param("importedAt", importedAt.atOffset(ZoneOffset.UTC))
                .param("importedBy", importedBy)
                .param("dayCount", data.entries().size())
                .param("document", document)
                .update();
    }
}
