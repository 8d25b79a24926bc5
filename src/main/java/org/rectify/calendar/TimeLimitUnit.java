package org.rectify.calendar;

import org.springframework.modulith.NamedInterface;

/** The unit a time limit (时限) is counted in; see {@link WorkingCalendar} for what each one means. */
@NamedInterface("api")
public enum TimeLimitUnit {

    WORKING_DAYS("工作日"),
    WORKING_HOURS("工作时"),
    NATURAL_HOURS("自然小时");

    private final String chineseLabel;

    TimeLimitUnit(String chineseLabel) {
        this.chineseLabel = chineseLabel;
    }

    /** The unit as users read it, e.g. {@code 3 工作日}. */
    public String chineseLabel() {
        return chineseLabel;
    }
}
