package org.rectify.calendar;

/** What the calendar says about a day, where it says anything beyond the ordinary week. */
enum DayKind {
    /** A holiday (放假), including weekend days inside a holiday range. */
    OFF,
    /** A make-up working day (调休上班) on a Saturday or Sunday. */
    WORK
}
