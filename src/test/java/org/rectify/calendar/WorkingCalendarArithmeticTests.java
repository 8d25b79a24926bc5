package org.rectify.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deadline arithmetic on the shipped 2025 and 2026 data, without Spring or a database. Every expected date
 * was worked out by hand from the State Council notices (2026-01-01 is a Thursday, 2027-01-01 a Friday).
 */
class WorkingCalendarArithmeticTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Map<Integer, YearCalendar> PUBLISHED = Map.of(
            2025, published(2025),
            2026, published(2026));

    private final CalendarArithmetic arithmetic =
            new CalendarArithmetic(OfficeHours.parse("08:30-12:00", "13:30-18:00"), SHANGHAI);

    private static YearCalendar published(int year) {
        return YearCalendar.published(year, new Provenance("test", Instant.EPOCH, "test"),
                HolidayCnImportTests.shipped(year).entries());
    }

    private static DayKinds days() {
        return new YearCalendars(year -> PUBLISHED.containsKey(year)
                ? PUBLISHED.get(year)
                : YearCalendar.provisional(year, List.of()));
    }

    private Due due(String from, int amount, TimeLimitUnit unit) {
        return arithmetic.due(OffsetDateTime.parse(from).toInstant(), amount, unit, days());
    }

    private static OffsetDateTime at(String text) {
        return OffsetDateTime.parse(text);
    }

    // ---- working days ----

    @Test
    void workingDaysSkipTheWeekend() {
        // Thursday 12 March: Friday 13, (weekend), Monday 16, Tuesday 17.
        Due due = due("2026-03-12T10:00:00+08:00", 3, TimeLimitUnit.WORKING_DAYS);

        assertThat(due.at()).isEqualTo(at("2026-03-17T18:00:00+08:00"));
        assertThat(due.provisional()).isFalse();
        assertThat(due.provisionalYears()).isEmpty();
    }

    @Test
    void workingDaysNeverCountTheDayOfReportingWhateverTheHour() {
        assertThat(due("2026-03-12T07:00:00+08:00", 1, TimeLimitUnit.WORKING_DAYS).at())
                .isEqualTo(at("2026-03-13T18:00:00+08:00"));
        assertThat(due("2026-03-12T23:59:00+08:00", 1, TimeLimitUnit.WORKING_DAYS).at())
                .isEqualTo(at("2026-03-13T18:00:00+08:00"));
    }

    @Test
    void workingDaysReadTheStartInTheCalendarZone() {
        // 20:00 UTC on Thursday is 04:00 on Friday in Shanghai: the first working day after is Monday.
        assertThat(due("2026-03-12T20:00:00Z", 1, TimeLimitUnit.WORKING_DAYS).at())
                .isEqualTo(at("2026-03-16T18:00:00+08:00"));
    }

    @Test
    void workingDaysSkipTheNationalDayHolidayAndCountItsMakeUpSaturday() {
        // Off 1–7 October 2026; Thursday 8, Friday 9, then Saturday 10 is worked.
        assertThat(due("2026-09-30T10:00:00+08:00", 1, TimeLimitUnit.WORKING_DAYS).at())
                .isEqualTo(at("2026-10-08T18:00:00+08:00"));
        assertThat(due("2026-09-30T10:00:00+08:00", 3, TimeLimitUnit.WORKING_DAYS).at())
                .isEqualTo(at("2026-10-10T18:00:00+08:00"));
        assertThat(due("2026-09-30T10:00:00+08:00", 4, TimeLimitUnit.WORKING_DAYS).at())
                .isEqualTo(at("2026-10-12T18:00:00+08:00"));
    }

    @Test
    void workingDaysCountTheMakeUpSundayAfterNewYear() {
        // From Wednesday 31 December 2025: 1–3 January 2026 off, Sunday 4 January worked.
        assertThat(due("2025-12-31T10:00:00+08:00", 1, TimeLimitUnit.WORKING_DAYS).at())
                .isEqualTo(at("2026-01-04T18:00:00+08:00"));
        assertThat(due("2025-12-31T10:00:00+08:00", 2, TimeLimitUnit.WORKING_DAYS).at())
                .isEqualTo(at("2026-01-05T18:00:00+08:00"));
    }

    @Test
    void workingDaysSkipTheSpringFestivalAndCountBothMakeUpSaturdays() {
        // From Friday 13 February 2026: Saturday 14 worked, 15–23 off, 24–27 worked, Saturday 28 worked.
        assertThat(due("2026-02-13T10:00:00+08:00", 1, TimeLimitUnit.WORKING_DAYS).at())
                .isEqualTo(at("2026-02-14T18:00:00+08:00"));
        assertThat(due("2026-02-13T10:00:00+08:00", 2, TimeLimitUnit.WORKING_DAYS).at())
                .isEqualTo(at("2026-02-24T18:00:00+08:00"));
        assertThat(due("2026-02-13T10:00:00+08:00", 5, TimeLimitUnit.WORKING_DAYS).at())
                .isEqualTo(at("2026-02-27T18:00:00+08:00"));
        assertThat(due("2026-02-13T10:00:00+08:00", 6, TimeLimitUnit.WORKING_DAYS).at())
                .isEqualTo(at("2026-02-28T18:00:00+08:00"));
    }

    @Test
    void workingDaysSkipThe2025NationalDayAndMidAutumnHoliday() {
        // From Monday 29 September 2025: Tuesday 30 worked, 1–8 October off, Thursday 9 worked.
        assertThat(due("2025-09-29T10:00:00+08:00", 2, TimeLimitUnit.WORKING_DAYS).at())
                .isEqualTo(at("2025-10-09T18:00:00+08:00"));
    }

    @Test
    void aTimeLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> due("2026-03-12T10:00:00+08:00", 0, TimeLimitUnit.WORKING_DAYS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- is working day ----

    @Test
    void aDayIsWorkedAsTheNoticeSaysRatherThanByWeekday() {
        DayKinds days = days();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 1, 4))).as("Sunday, make-up day").isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday, make-up day").isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 28))).as("Saturday, make-up day").isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Monday, 除夕").isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 23))).as("Monday, last day of 春节").isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 24))).as("Tuesday after 春节").isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 1, 3))).as("Saturday in 元旦").isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 1, 10))).as("ordinary Saturday").isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 3, 11))).as("ordinary Wednesday").isTrue();
    }

    // ---- working hours ----

    @Test
    void workingHoursSkipTheLunchBreak() {
        // Tuesday 10 March 2026, 11:00: one hour until 12:00, one more from 13:30.
        assertThat(due("2026-03-10T11:00:00+08:00", 2, TimeLimitUnit.WORKING_HOURS).at())
                .isEqualTo(at("2026-03-10T14:30:00+08:00"));
    }

    @Test
    void eightWorkingHoursFillADayFromOpeningToClosing() {
        assertThat(due("2026-03-10T08:30:00+08:00", 8, TimeLimitUnit.WORKING_HOURS).at())
                .isEqualTo(at("2026-03-10T18:00:00+08:00"));
    }

    @Test
    void workingHoursContinueNextMorningOvernight() {
        assertThat(due("2026-03-10T17:00:00+08:00", 2, TimeLimitUnit.WORKING_HOURS).at())
                .isEqualTo(at("2026-03-11T09:30:00+08:00"));
    }

    @Test
    void workingHoursContinueOnMondayOverTheWeekend() {
        // Friday 13 March, 16:00: two hours until closing, two more from Monday 08:30.
        assertThat(due("2026-03-13T16:00:00+08:00", 4, TimeLimitUnit.WORKING_HOURS).at())
                .isEqualTo(at("2026-03-16T10:30:00+08:00"));
    }

    @Test
    void workingHoursStartAtTheNextOpeningWhenReportedOutsideOfficeHours() {
        assertThat(due("2026-03-10T07:00:00+08:00", 1, TimeLimitUnit.WORKING_HOURS).at())
                .as("before opening").isEqualTo(at("2026-03-10T09:30:00+08:00"));
        assertThat(due("2026-03-10T08:00:00+08:00", 4, TimeLimitUnit.WORKING_HOURS).at())
                .as("before opening, into the afternoon").isEqualTo(at("2026-03-10T14:00:00+08:00"));
        assertThat(due("2026-03-10T12:30:00+08:00", 1, TimeLimitUnit.WORKING_HOURS).at())
                .as("at lunch").isEqualTo(at("2026-03-10T14:30:00+08:00"));
        assertThat(due("2026-03-10T20:00:00+08:00", 1, TimeLimitUnit.WORKING_HOURS).at())
                .as("in the evening").isEqualTo(at("2026-03-11T09:30:00+08:00"));
        assertThat(due("2026-03-14T10:00:00+08:00", 1, TimeLimitUnit.WORKING_HOURS).at())
                .as("on Saturday").isEqualTo(at("2026-03-16T09:30:00+08:00"));
        assertThat(due("2026-10-01T09:00:00+08:00", 8, TimeLimitUnit.WORKING_HOURS).at())
                .as("on National Day").isEqualTo(at("2026-10-08T18:00:00+08:00"));
    }

    @Test
    void workingHoursCountOnAMakeUpSunday() {
        // Saturday 3 January 2026 is a holiday; Sunday 4 January is worked.
        assertThat(due("2026-01-03T10:00:00+08:00", 4, TimeLimitUnit.WORKING_HOURS).at())
                .isEqualTo(at("2026-01-04T14:00:00+08:00"));
    }

    // ---- natural hours ----

    @Test
    void naturalHoursIgnoreTheCalendar() {
        Due due = due("2026-09-30T10:00:00+08:00", 48, TimeLimitUnit.NATURAL_HOURS);

        assertThat(due.at()).isEqualTo(at("2026-10-02T10:00:00+08:00"));
        assertThat(due.provisional()).isFalse();
    }

    @Test
    void naturalHoursAreNeverProvisional() {
        Due due = due("2027-02-04T10:00:00+08:00", 24, TimeLimitUnit.NATURAL_HOURS);

        assertThat(due.at()).isEqualTo(at("2027-02-05T10:00:00+08:00"));
        assertThat(due.provisional()).isFalse();
    }

    // ---- unpublished year ----

    @Test
    void anUnpublishedYearStillSkipsItsComputedSpringFestivalButIsProvisional() {
        // Thursday 4 February 2027: 除夕 Friday 5 to 初三 Monday 8 off (6–7 a weekend anyway).
        Due due = due("2027-02-04T10:00:00+08:00", 1, TimeLimitUnit.WORKING_DAYS);

        assertThat(due.at()).isEqualTo(at("2027-02-09T18:00:00+08:00"));
        assertThat(due.provisional()).isTrue();
        assertThat(due.provisionalYears()).containsExactly(2027);
    }

    @Test
    void anUnpublishedYearStillSkipsWeekendsAndNewYear() {
        // Thursday 31 December 2026: Friday 1 January 2027 off, weekend, Monday 4 January.
        Due due = due("2026-12-31T10:00:00+08:00", 1, TimeLimitUnit.WORKING_DAYS);

        assertThat(due.at()).isEqualTo(at("2027-01-04T18:00:00+08:00"));
        assertThat(due.provisionalYears()).containsExactly(2027);
    }

    @Test
    void anUnpublishedYearIsFlaggedOnlyWhenTheDeadlineReachesIntoIt() {
        // Monday 28 December 2026: Tuesday 29, Wednesday 30 — never touches 2027.
        Due due = due("2026-12-28T10:00:00+08:00", 2, TimeLimitUnit.WORKING_DAYS);

        assertThat(due.at()).isEqualTo(at("2026-12-30T18:00:00+08:00"));
        assertThat(due.provisional()).isFalse();
    }

    @Test
    void anUnpublishedYearHasTheStatutoryHolidaysOfTheLunarCalendar() {
        assertThat(ProvisionalHolidays.of(2027)).extracting(CalendarEntry::date).containsExactly(
                LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7),
                LocalDate.of(2027, 2, 8),
                LocalDate.of(2027, 4, 5),
                LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2),
                LocalDate.of(2027, 6, 9),
                LocalDate.of(2027, 9, 15),
                LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 2), LocalDate.of(2027, 10, 3));
    }

    @Test
    void aComputedMidAutumnInsideNationalDayCarriesBothNames() {
        // 中秋 2020 was 1 October.
        assertThat(ProvisionalHolidays.of(2020)).filteredOn(entry -> entry.date().equals(LocalDate.of(2020, 10, 1)))
                .extracting(CalendarEntry::name).containsExactly("中秋节、国庆节");
    }

    // ---- working time between ----

    @Test
    void workingTimeBetweenCountsOnlyOfficeHours() {
        // 11:00–12:00 and 13:30–18:00 on Tuesday, 08:30–09:30 on Wednesday.
        assertThat(between("2026-03-10T11:00:00+08:00", "2026-03-11T09:30:00+08:00"))
                .isEqualTo(Duration.ofMinutes(390));
    }

    @Test
    void workingTimeBetweenSkipsHolidays() {
        // 17:00–18:00 on 30 September, 1–7 October off, 08:30–09:30 on 8 October.
        assertThat(between("2026-09-30T17:00:00+08:00", "2026-10-08T09:30:00+08:00"))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void workingTimeBetweenIsZeroBackwards() {
        assertThat(between("2026-03-11T09:30:00+08:00", "2026-03-10T11:00:00+08:00")).isZero();
    }

    @Test
    void workingTimeBetweenAgreesWithWorkingHoursDeadlines() {
        Instant from = at("2026-02-13T16:00:00+08:00").toInstant();
        Due due = arithmetic.due(from, 10, TimeLimitUnit.WORKING_HOURS, days());

        assertThat(arithmetic.workingTimeBetween(from, due.at().toInstant(), days())).isEqualTo(Duration.ofHours(10));
    }

    private Duration between(String from, String to) {
        return arithmetic.workingTimeBetween(at(from).toInstant(), at(to).toInstant(), days());
    }

    // ---- office hours configuration ----

    @Test
    void officeHoursRefuseOverlappingOrBackwardSpans() {
        assertThatThrownBy(() -> OfficeHours.parse("08:30-12:00", "11:00-18:00"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfficeHours.parse("12:00-08:30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfficeHours.parse("8.30 to 12")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultOfficeHoursAreEightHoursADay() {
        assertThat(OfficeHours.parse("08:30-12:00", "13:30-18:00").perDay()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void addingOfficeTimeSkipsLunchNightsAndTheWeekend() {
        // Fri 2026-11-20 17:00 + 2 h 15 min: 1 h on Friday, then Mon 08:30 + 1 h 15 min
        Due due = arithmetic.addWorkingTime(OffsetDateTime.parse("2026-11-20T17:00:00+08:00").toInstant(),
                java.time.Duration.ofMinutes(135), days());

        assertThat(due.at()).isEqualTo(OffsetDateTime.parse("2026-11-23T09:45:00+08:00"));
        assertThat(arithmetic.addWorkingTime(OffsetDateTime.parse("2026-11-20T17:00:00+08:00").toInstant(),
                java.time.Duration.ZERO, days()).at()).isEqualTo(OffsetDateTime.parse("2026-11-20T17:00:00+08:00"));
    }
}
