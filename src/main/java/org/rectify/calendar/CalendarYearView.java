package org.rectify.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** One year of the calendar as the API shows it; provenance fields are null for a provisional year. */
// Always include nulls: clients should see "source": null rather than guess why the field is missing.
@JsonInclude(JsonInclude.Include.ALWAYS)
record CalendarYearView(
        int year,
        boolean published,
        boolean provisional,
        String source,
        OffsetDateTime importedAt,
        String importedBy,
        List<DayView> daysOff,
        List<DayView> makeUpWorkingDays) {

    record DayView(LocalDate date, String name) {
    }

    static CalendarYearView of(YearCalendar calendar, ZoneId zone) {
        Provenance provenance = calendar.provenance().orElse(null);
        return new CalendarYearView(
                calendar.year(),
                calendar.published(),
                !calendar.published(),
                provenance == null ? null : provenance.source(),
                provenance == null ? null : provenance.importedAt().atZone(zone).toOffsetDateTime(),
                provenance == null ? null : provenance.importedBy(),
                days(calendar, DayKind.OFF),
                days(calendar, DayKind.WORK));
    }

    private static List<DayView> days(YearCalendar calendar, DayKind kind) {
        return calendar.entries(kind).stream().map(entry -> new DayView(entry.date(), entry.name())).toList();
    }
}
