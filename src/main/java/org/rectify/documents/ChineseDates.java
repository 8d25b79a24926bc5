package org.rectify.documents;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Dates as official documents write them: 2026年11月22日, and times as 18时 or 17时30分 (GB/T 9704 uses Arabic numerals). */
final class ChineseDates {

    private ChineseDates() {
    }

    static String date(OffsetDateTime at, ZoneId zone) {
        if (at == null) {
            return null;
        }
        OffsetDateTime local = at.atZoneSameInstant(zone).toOffsetDateTime();
        return local.getYear() + "年" + local.getMonthValue() + "月" + local.getDayOfMonth() + "日";
    }

    static String dateTime(OffsetDateTime at, ZoneId zone) {
        if (at == null) {
            return null;
        }
        OffsetDateTime local = at.atZoneSameInstant(zone).toOffsetDateTime();
        return date(local, zone) + local.getHour() + "时" + (local.getMinute() == 0 ? "" : local.getMinute() + "分");
    }
}
