package org.rectify.calendar;

import java.time.LocalDate;

/** One day that the published calendar marks, with the holiday it belongs to (e.g. 春节). */
record CalendarEntry(LocalDate date, DayKind kind, String name) {
}
