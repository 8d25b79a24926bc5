package org.rectify.shared;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The two ways Rectify writes a moment, so that every page, document and notice agrees: in sentences and documents
 * as official documents do (2026年12月7日18时, 17时30分 when not on the hour; GB/T 9704 uses Arabic numerals), and in
 * tables and lists as 2026-12-07 18:00. Times are shown in the campaign's zone (Beijing time).
 */
public final class ChineseTimes {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ChineseTimes() {
    }

    /** 2026年12月7日18时 — in sentences, notices and documents. */
    public static String text(OffsetDateTime at) {
        return text(at, ZONE);
    }

    public static String text(OffsetDateTime at, ZoneId zone) {
        if (at == null) {
            return "";
        }
        OffsetDateTime local = at.atZoneSameInstant(zone).toOffsetDateTime();
        return date(local.toLocalDate()) + local.getHour() + "时" + (local.getMinute() == 0 ? "" : local.getMinute() + "分");
    }

    /** 2026年12月7日. */
    public static String date(LocalDate day) {
        return day == null ? "" : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** 2026-12-07 18:00 — in tables and lists. */
    public static String table(OffsetDateTime at) {
        return at == null ? "" : TABLE.format(at.atZoneSameInstant(ZONE));
    }
}
