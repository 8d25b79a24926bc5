package org.rectify.documents;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.rectify.shared.ChineseTimes;

/** Dates as official documents write them: 2026年11月22日, and times as 18时 or 17时30分 (GB/T 9704 uses Arabic numerals). */
final class ChineseDates {

    private ChineseDates() {
    }

    static String date(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : ChineseTimes.date(at.atZoneSameInstant(zone).toLocalDate());
    }

    static String dateTime(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : ChineseTimes.text(at, zone);
    }
}
