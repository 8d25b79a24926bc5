/**
 * The working calendar: which days are worked in mainland China (weekends, State Council holidays and
 * make-up working days) and the deadlines counted on it in working days, working hours or natural hours.
 *
 * <p>Other modules use only the named interface {@code calendar :: api}: {@link org.rectify.calendar.WorkingCalendar},
 * {@link org.rectify.calendar.Due}, {@link org.rectify.calendar.TimeLimitUnit} and
 * {@link org.rectify.calendar.WorkingDays} (a day-by-day snapshot, for counting many dates at once). The calendar itself is data in PostgreSQL that the
 * administrator imports (holiday-cn JSON or the text of the yearly notice); the years 2025 and 2026 ship
 * with the application and are seeded into an empty database.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.rectify.calendar;
