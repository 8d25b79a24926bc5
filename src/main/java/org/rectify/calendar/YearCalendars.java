package org.rectify.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The years one computation needs, each loaded once on first use. Lives for a single computation only:
 * an administrator's import on another node must show in the very next deadline, so nothing is kept.
 */
final class YearCalendars implements DayKinds {

    private final IntFunction<YearCalendar> loader;
    private final Map<Integer, YearCalendar> loaded = new HashMap<>();

    YearCalendars(IntFunction<YearCalendar> loader) {
        this.loader = loader;
    }

    YearCalendar year(int year) {
        return loaded.computeIfAbsent(year, loader::apply);
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return year(day.getYear()).isWorkingDay(day);
    }

    @Override
    public boolean isProvisional(int year) {
        return !year(year).published();
    }
}
