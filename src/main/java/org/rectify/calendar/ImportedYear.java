package org.rectify.calendar;

import static org.rectify.shared.DomainException.invalid;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A year's calendar as read from an import, checked before it may replace what the database holds: a
 * typo in a date would otherwise move every deadline that crosses it.
 *
 * @param entries the marked days in date order; dates may reach into the neighbouring years because a
 *                notice may put a make-up day on 31 December for the next New Year
 * @param source  what the data came from, as shown to the administrator
 */
record ImportedYear(int year, List<CalendarEntry> entries, String source) {

    static final int MAX_NAME_LENGTH = 50;

    ImportedYear {
        entries = List.copyOf(entries);
    }

    static ImportedYear checked(int year, List<CalendarEntry> entries, String source) {
        Map<LocalDate, CalendarEntry> byDate = new TreeMap<>();
        for (CalendarEntry entry : entries) {
            LocalDate date = entry.date();
            if (entry.name().isBlank() || entry.name().length() > MAX_NAME_LENGTH) {
                throw invalid("calendar.import.holiday-name", String.format(
                        "%s 的节日名称「%s」为空或超过 %d 个字，请核对后重新导入。", date, entry.name(), MAX_NAME_LENGTH));
            }
            if (Math.abs(date.getYear() - year) > 1) {
                throw invalid("calendar.import.date-outside-year", String.format(
                        "日期 %s 不属于 %d 年的节假日安排。请核对日期，或把该数据导入到对应的年份。", date, year));
            }
            if (entry.kind() == DayKind.WORK && !YearCalendar.isWeekend(date)) {
                throw invalid("calendar.import.make-up-day-not-weekend", String.format(
                        "调休上班日 %s（%s）不是周六或周日，请核对通知原文中的上班日期后重新导入。",
                        date, weekday(date)));
            }
            CalendarEntry earlier = byDate.putIfAbsent(date, entry);
            if (earlier != null && earlier.kind() != entry.kind()) {
                throw invalid("calendar.import.conflicting-days", String.format(
                        "%s 同时被标为放假和上班，请核对后重新导入。", date));
            }
        }
        if (byDate.values().stream().noneMatch(entry -> entry.kind() == DayKind.OFF && entry.date().getYear() == year)) {
            throw invalid("calendar.import.no-holidays", String.format(
                    "导入的数据中没有 %d 年的任何放假日期。国务院通知发布前 holiday-cn 的数据也是空的，请在通知发布后再导入。",
                    year));
        }
        return new ImportedYear(year, List.copyOf(byDate.values()), source);
    }

    /**
     * Statutory holidays that this data leaves as working days. Policy may change, so the import does not
     * refuse such data, but a gap usually means a typo worth a warning.
     */
    List<LocalDate> missingStatutoryDays() {
        Set<LocalDate> off = entries.stream()
                .filter(entry -> entry.kind() == DayKind.OFF)
                .map(CalendarEntry::date)
                .collect(Collectors.toSet());
        return ProvisionalHolidays.of(year).stream()
                .map(CalendarEntry::date)
                .filter(date -> !off.contains(date))
                .toList();
    }

    static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.SIMPLIFIED_CHINESE);
    }
}
