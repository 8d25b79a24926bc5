package org.rectify.cases;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** How deadlines read in Chinese text. */
public final class Deadlines {

    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private Deadlines() {
    }

    public static String format(OffsetDateTime at) {
        return at == null ? "" : CHINESE.format(at);
    }
}
