package org.rectify.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectify.shared.DomainException;

/**
 * An evaluation period: a calendar month (月度评比) or quarter (季度考核), from 00:00 Beijing time on its first day
 * to 00:00 on the first day of the next one (exclusive).
 *
 * @param key {@code 2026-05} or {@code 2026-Q2}
 */
public record Period(Kind kind, String key, LocalDate firstDay, LocalDate nextFirstDay) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public enum Kind {
        MONTH("月度评比"), QUARTER("季度考核");

        private final String chineseLabel;

        Kind(String chineseLabel) {
            this.chineseLabel = chineseLabel;
        }

        public String chineseLabel() {
            return chineseLabel;
        }
    }

    public static Period month(YearMonth month) {
        return new Period(Kind.MONTH, month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public static Period quarter(int year, int quarter) {
        LocalDate first = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(Kind.QUARTER, year + "-Q" + quarter, first, first.plusMonths(3));
    }

    public static Period parseMonth(String text) {
        Matcher m = text == null ? null : MONTH.matcher(text.strip());
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 12) {
            throw DomainException.invalid("bad-month", "月份“" + text + "”格式不对，应为 yyyy-MM，如 2026-05");
        }
        return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    public static Period parseQuarter(String text) {
        Matcher m = text == null ? null : QUARTER.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw DomainException.invalid("bad-quarter", "季度“" + text + "”格式不对，应为 yyyy-Qn，如 2026-Q2");
        }
        return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The month before the one {@code now} falls in (the timer on the 1st computes the month just ended). */
    public static Period monthBefore(OffsetDateTime now) {
        return month(YearMonth.from(now.atZoneSameInstant(ZONE)).minusMonths(1));
    }

    /** The quarter before the one {@code now} falls in. */
    public static Period quarterBefore(OffsetDateTime now) {
        LocalDate day = now.atZoneSameInstant(ZONE).toLocalDate().withDayOfMonth(1).minusMonths(3);
        return quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public OffsetDateTime start() {
        return firstDay.atStartOfDay(ZONE).toOffsetDateTime();
    }

    public OffsetDateTime end() {
        return nextFirstDay.atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** Over: every event that counts in it has happened. Only closed periods are stored. */
    public boolean isClosed(OffsetDateTime now) {
        return !end().isAfter(now);
    }

    public String label() {
        return kind == Kind.MONTH ? firstDay.getYear() + "年" + firstDay.getMonthValue() + "月"
                : firstDay.getYear() + "年第" + ((firstDay.getMonthValue() - 1) / 3 + 1) + "季度";
    }
}
