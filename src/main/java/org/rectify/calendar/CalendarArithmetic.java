package org.rectify.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The deadline arithmetic of {@link WorkingCalendar} (whose javadoc states the semantics), fed with day
 * data as an argument so that it is tested without Spring or a database.
 */
final class CalendarArithmetic {

    /**
     * Ten years of days. The largest time limit is far shorter; reaching this means the data marks no
     * working day at all, and failing beats looping.
     */
    private static final int MAX_DAYS_SCANNED = 3660;

    private final OfficeHours hours;
    private final ZoneId zone;

    CalendarArithmetic(OfficeHours hours, ZoneId zone) {
        this.hours = Objects.requireNonNull(hours);
        this.zone = Objects.requireNonNull(zone);
    }

    ZoneId zone() {
        return zone;
    }

    Due due(Instant from, int amount, TimeLimitUnit unit, DayKinds kinds) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(unit, "unit");
        if (amount < 1) {
            throw new IllegalArgumentException("A time limit must be at least 1, got " + amount);
        }
        ConsultedYears consulted = new ConsultedYears(kinds);
        OffsetDateTime at = switch (unit) {
            case WORKING_DAYS -> addWorkingDays(from, amount, consulted);
            case WORKING_HOURS -> addOfficeTime(from, Duration.ofHours(amount), consulted);
            case NATURAL_HOURS -> from.plus(Duration.ofHours(amount)).atZone(zone).toOffsetDateTime();
        };
        List<Integer> provisionalYears = consulted.provisionalYears();
        return new Due(at, !provisionalYears.isEmpty(), provisionalYears);
    }

    OffsetDateTime closingTime(LocalDate day) {
        return ZonedDateTime.of(day, hours.closing(), zone).toOffsetDateTime();
    }

    /** {@code from} plus an amount of office time (zero or less: {@code from} itself). */
    Due addWorkingTime(Instant from, Duration amount, DayKinds kinds) {
        ConsultedYears consulted = new ConsultedYears(kinds);
        OffsetDateTime at = amount.isNegative() || amount.isZero() ? from.atZone(zone).toOffsetDateTime()
                : addOfficeTime(from, amount, consulted);
        List<Integer> provisionalYears = consulted.provisionalYears();
        return new Due(at, !provisionalYears.isEmpty(), provisionalYears);
    }

    Duration workingTimeBetween(Instant from, Instant to, DayKinds kinds) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDate last = LocalDate.ofInstant(to, zone);
        Duration total = Duration.ZERO;
        for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
            if (!kinds.isWorkingDay(day)) {
                continue;
            }
            for (OfficeHours.Span span : hours.spans()) {
                Instant start = max(from, at(day, span.start()));
                Instant end = min(to, at(day, span.end()));
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private OffsetDateTime addWorkingDays(Instant from, int days, DayKinds kinds) {
        LocalDate day = LocalDate.ofInstant(from, zone);
        int counted = 0;
        for (int scanned = 0; counted < days; scanned++) {
            if (scanned == MAX_DAYS_SCANNED) {
                throw noWorkingDays(from);
            }
            day = day.plusDays(1);
            if (kinds.isWorkingDay(day)) {
                counted++;
            }
        }
        return ZonedDateTime.of(day, hours.closing(), zone).toOffsetDateTime();
    }

    private OffsetDateTime addOfficeTime(Instant from, Duration amount, DayKinds kinds) {
        ZonedDateTime start = from.atZone(zone);
        LocalDate day = start.toLocalDate();
        LocalTime earliest = start.toLocalTime();
        Duration remaining = amount;
        for (int scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, day = day.plusDays(1), earliest = LocalTime.MIN) {
            if (!kinds.isWorkingDay(day)) {
                continue;
            }
            for (OfficeHours.Span span : hours.spans()) {
                LocalTime begin = earliest.isAfter(span.start()) ? earliest : span.start();
                if (!begin.isBefore(span.end())) {
                    continue;
                }
                Duration available = Duration.between(begin, span.end());
                if (remaining.compareTo(available) <= 0) {
                    return ZonedDateTime.of(day, begin, zone).plus(remaining).toOffsetDateTime();
                }
                remaining = remaining.minus(available);
            }
        }
        throw noWorkingDays(from);
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static IllegalStateException noWorkingDays(Instant from) {
        return new IllegalStateException("The working calendar has no working day within " + MAX_DAYS_SCANNED
                + " days after " + from + "; check the imported calendar data");
    }

    /** Remembers which years a computation looked at, so that only those can make it provisional. */
    private static final class ConsultedYears implements DayKinds {

        private final DayKinds delegate;
        private final SortedSet<Integer> years = new TreeSet<>();

        ConsultedYears(DayKinds delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean isWorkingDay(LocalDate day) {
            years.add(day.getYear());
            return delegate.isWorkingDay(day);
        }

        @Override
        public boolean isProvisional(int year) {
            return delegate.isProvisional(year);
        }

        List<Integer> provisionalYears() {
            return years.stream().filter(delegate::isProvisional).toList();
        }
    }
}
