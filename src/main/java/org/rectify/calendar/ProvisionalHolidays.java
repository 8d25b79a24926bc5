package org.rectify.calendar;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statutory holidays of the 全国年节及纪念日放假办法 as amended in November 2024 (in force from 2025), for
 * years whose State Council notice is not out yet. Only the statutory days: the notice later adds the
 * bridging days and make-up working days, which no rule predicts, so such a year stays provisional.
 */
final class ProvisionalHolidays {

    /**
     * A year's statutory days never change, and computing them (the lunar calendar, the solar terms) cost a third of
     * every ladder job's time in a year without published data (the holiday backlog benchmark, bench/README.md).
     * Only this pure computation is kept: what an administrator imports is still read anew each time.
     */
    private static final Map<Integer, List<CalendarEntry>> COMPUTED = new ConcurrentHashMap<>();

    private ProvisionalHolidays() {
    }

    static List<CalendarEntry> of(int year) {
        return COMPUTED.computeIfAbsent(year, ProvisionalHolidays::compute);
    }

    private static List<CalendarEntry> compute(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        add(days, "元旦", LocalDate.of(year, 1, 1), 1);
        // 除夕 is the day before 正月初一, whether the twelfth month has 29 or 30 days.
        add(days, "春节", toLocalDate(Lunar.fromYmd(year, 1, 1).getSolar()).minusDays(1), 4);
        add(days, "清明节", toLocalDate(Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable().get("清明")), 1);
        add(days, "劳动节", LocalDate.of(year, 5, 1), 2);
        add(days, "端午节", toLocalDate(Lunar.fromYmd(year, 5, 5).getSolar()), 1);
        add(days, "中秋节", toLocalDate(Lunar.fromYmd(year, 8, 15).getSolar()), 1);
        add(days, "国庆节", LocalDate.of(year, 10, 1), 3);
        List<CalendarEntry> entries = new ArrayList<>();
        days.forEach((day, name) -> entries.add(new CalendarEntry(day, DayKind.OFF, name)));
        return List.copyOf(entries);
    }

    private static void add(Map<LocalDate, String> days, String name, LocalDate first, int count) {
        for (int i = 0; i < count; i++) {
            // 中秋 can fall inside 国庆 (as in 2020): one day off, both names.
            days.merge(first.plusDays(i), name, (earlier, later) -> earlier + "、" + later);
        }
    }

    private static LocalDate toLocalDate(Solar solar) {
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }
}
