package org.rectify.calendar;

import java.time.LocalDate;

/** The day data that {@link CalendarArithmetic} counts on, so the arithmetic can run without a database. */
interface DayKinds {

    boolean isWorkingDay(LocalDate day);

    /** Whether the year's days are computed (statutory holidays only) rather than published. */
    boolean isProvisional(int year);
}
