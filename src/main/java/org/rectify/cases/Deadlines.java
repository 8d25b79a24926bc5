package org.rectify.cases;

import java.time.OffsetDateTime;
import org.rectify.shared.ChineseTimes;

/** How deadlines read in Chinese sentences (history, notices, refusals): as documents write them, 2026年12月7日18时. */
public final class Deadlines {

    private Deadlines() {
    }

    public static String format(OffsetDateTime at) {
        return ChineseTimes.text(at);
    }
}
