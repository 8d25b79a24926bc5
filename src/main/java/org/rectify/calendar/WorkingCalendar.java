package org.rectify.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rectify.shared.TransactionMemo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.modulith.NamedInterface;

/**
 * Deadlines on the Chinese working calendar (工作日历). Weekends and the holidays of the State Council's
 * yearly notice are off; make-up working days (调休上班, a Saturday or Sunday) are worked. Office hours are
 * {@code rectify.calendar.morning} and {@code rectify.calendar.afternoon} (default 08:30–12:00 and
 * 13:30–18:00, 8 hours a day) in the zone {@code rectify.zone-id} (default Asia/Shanghai).
 *
 * <h2>What a time limit means</h2>
 * <ul>
 * <li><b>N working days (工作日) from t</b>: the end of office hours on the N-th working day after t's date.
 * The day of reporting never counts, whatever the hour: 1 working day from Wednesday 10:00 or 20:00 is
 * Thursday 18:00, and from Friday it is Monday 18:00 (or the first working day after a holiday).</li>
 * <li><b>N working hours (工作时) from t</b>: counts only office hours on working days, starting at t; if t
 * lies outside office hours (lunch, evening, a weekend or holiday), counting starts at the next start of
 * office hours. With the default hours, 4 working hours from 08:00 on a working day end at 14:00 (08:30–12:00,
 * then 13:30–14:00), and 8 working hours from 08:30 end at 18:00 the same day; a count used up exactly at
 * the end of a span ends there, not at the start of the next one.</li>
 * <li><b>N natural hours (自然小时) from t</b>: t + N hours; the calendar plays no part.</li>
 * </ul>
 *
 * <h2>Years without published data</h2>
 * A year is published once its data has been imported (the application ships 2025 and 2026). A deadline
 * that reaches into another year is still computed, on weekends plus the statutory holidays (元旦, 春节 from
 * 除夕 to 正月初三, 清明, 劳动节 1–2 May, 端午, 中秋, 国庆 1–3 October), but the result is flagged
 * {@link Due#provisional() provisional} with the years concerned, and a WARN line tells the administrator
 * to import that year. Such a deadline may move once the notice is imported: bridging days push it later,
 * make-up working days pull it earlier.
 *
 * <h2>Cluster</h2>
 * Every computation reads the calendar from the shared database (two small queries per year it touches),
 * so an import on one node counts on every node at once. No calendar data is kept between computations.
 */
@NamedInterface("api")
@Service
public class WorkingCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

    /** Often enough to be seen in the log, rarely enough not to drown it when every case asks. */
    private static final Duration WARNING_INTERVAL = Duration.ofHours(1);

    private final CalendarRepository repository;
    private final CalendarArithmetic arithmetic;
    private final Map<Integer, Instant> lastWarnings = new ConcurrentHashMap<>();

    WorkingCalendar(CalendarRepository repository,
            @Value("${rectify.calendar.morning:08:30-12:00}") String morning,
            @Value("${rectify.calendar.afternoon:13:30-18:00}") String afternoon,
            @Value("${rectify.zone-id:Asia/Shanghai}") String zoneId) {
        this.repository = repository;
        this.arithmetic = new CalendarArithmetic(OfficeHours.parse(morning, afternoon), ZoneId.of(zoneId));
    }

    /**
     * The deadline {@code amount} units after {@code from}.
     *
     * @throws IllegalArgumentException if {@code amount} is less than 1
     */
    public Due due(Instant from, int amount, TimeLimitUnit unit) {
        return arithmetic.due(from, amount, unit, days());
    }

    public boolean isWorkingDay(LocalDate day) {
        return days().isWorkingDay(day);
    }

    /** The calendar for a computation that asks about many days: each year is read once, not once per question. */
    public WorkingDays snapshot() {
        return new WorkingDays(days(), arithmetic.zone());
    }

    /**
     * The office time on working days between two instants (zero if {@code to} is not after {@code from}),
     * for escalation thresholds such as "half the time limit has passed".
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        return arithmetic.workingTimeBetween(from, to, days());
    }

    /**
     * The moment when {@code amount} of office time has passed after {@code from}: for thresholds such as
     * "80 % of the time limit" and for the time left when a suspended case resumes.
     */
    public Due addWorkingTime(Instant from, Duration amount) {
        return arithmetic.addWorkingTime(from, amount, days());
    }

    /** The end of office hours on a day: what a deadline given as a date means. */
    public OffsetDateTime closingTime(LocalDate day) {
        return arithmetic.closingTime(day);
    }

    ZoneId zone() {
        return arithmetic.zone();
    }

    private YearCalendars days() {
        return new YearCalendars(year -> {
            // a step computes several deadlines (the ladder's four rungs and the case's own), all in one transaction
            YearCalendar calendar = TransactionMemo.get(CalendarRepository.memoKey(year), () -> repository.year(year));
            if (!calendar.published()) {
                warnProvisional(year);
            }
            return calendar;
        });
    }

    private void warnProvisional(int year) {
        Instant now = Instant.now();
        Instant last = lastWarnings.get(year);
        if (last == null || last.plus(WARNING_INTERVAL).isBefore(now)) {
            lastWarnings.put(year, now);
            log.warn("The working calendar has no published data for {}: deadlines reaching into it are provisional "
                    + "(weekends and statutory holidays only). Import the State Council notice for {} "
                    + "(PUT /api/calendar/{}/notice or /holiday-cn).", year, year, year);
        }
    }
}
