package org.rectify.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One calendar year: the days it marks as holidays or make-up working days; every other day is worked
 * from Monday to Friday and off at the weekend. A year without published data is provisional: its holidays
 * are the statutory ones computed by {@link ProvisionalHolidays}, and it has no make-up days because
 * nobody can know them before the State Council decides.
 */
final class YearCalendar {

    private final int year;
    private final Provenance provenance;
    private final Map<LocalDate, CalendarEntry> entries = new TreeMap<>();

    private YearCalendar(int year, Provenance provenance, Collection<CalendarEntry> entries) {
        this.year = year;
        this.provenance = provenance;
        for (CalendarEntry entry : entries) {
            if (entry.date().getYear() == year) {
                this.entries.put(entry.date(), entry);
            }
        }
    }

    static YearCalendar published(int year, Provenance provenance, Collection<CalendarEntry> entries) {
        return new YearCalendar(year, provenance, entries);
    }

    /**
     * The computed year. {@code stored} are days that a neighbouring year's notice published into this one
     * (a make-up day on 31 December for the next New Year, say); they are facts and win over the estimate.
     */
    static YearCalendar provisional(int year, Collection<CalendarEntry> stored) {
        YearCalendar calendar = new YearCalendar(year, null, ProvisionalHolidays.of(year));
        for (CalendarEntry entry : stored) {
            if (entry.date().getYear() == year) {
                calendar.entries.put(entry.date(), entry);
            }
        }
        return calendar;
    }

    int year() {
        return year;
    }

    boolean published() {
        return provenance != null;
    }

    Optional<Provenance> provenance() {
        return Optional.ofNullable(provenance);
    }

    boolean isWorkingDay(LocalDate day) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(day + " is not in " + year);
        }
        CalendarEntry entry = entries.get(day);
        return entry != null ? entry.kind() == DayKind.WORK : !isWeekend(day);
    }

    /** The marked days of this year of one kind, in date order. */
    List<CalendarEntry> entries(DayKind kind) {
        return entries.values().stream().filter(entry -> entry.kind() == kind).toList();
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
    }
}
