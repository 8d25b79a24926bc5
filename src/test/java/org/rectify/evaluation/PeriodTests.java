package org.rectify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.rectify.shared.DomainException;

/** Periods in Beijing time: what the timers of the 1st compute, and where a period starts and ends. */
class PeriodTests {

    @Test
    void theTimerOnTheFirstComputesThePeriodJustEnded() {
        OffsetDateTime newYear = OffsetDateTime.parse("2026-01-01T02:00:00+08:00");
        assertThat(Period.monthBefore(newYear).key()).isEqualTo("2025-12");
        assertThat(Period.quarterBefore(newYear).key()).isEqualTo("2025-Q4");
        assertThat(Period.quarterBefore(OffsetDateTime.parse("2025-07-01T02:30:00+08:00")).key()).isEqualTo("2025-Q2");
        // 18:30 UTC on 31 March is already 1 April in Beijing
        assertThat(Period.monthBefore(OffsetDateTime.parse("2025-03-31T18:30:00Z")).key()).isEqualTo("2025-03");
    }

    @Test
    void aPeriodRunsFromMidnightToMidnightBeijingTimeAndIsClosedOnlyAtItsEnd() {
        Period june = Period.parseMonth("2025-06");
        assertThat(june.start()).isEqualTo(OffsetDateTime.parse("2025-06-01T00:00:00+08:00"));
        assertThat(june.end()).isEqualTo(OffsetDateTime.parse("2025-07-01T00:00:00+08:00"));
        assertThat(june.isClosed(OffsetDateTime.parse("2025-06-30T23:59:59+08:00"))).isFalse();
        assertThat(june.isClosed(OffsetDateTime.parse("2025-07-01T00:00:00+08:00"))).isTrue();
        assertThat(june.label()).isEqualTo("2025年6月");
        Period q4 = Period.parseQuarter("2025-Q4");
        assertThat(q4.firstDay()).hasToString("2025-10-01");
        assertThat(q4.nextFirstDay()).hasToString("2026-01-01");
        assertThat(q4.label()).isEqualTo("2025年第4季度");
    }

    @Test
    void badPeriodsAreRefusedInChinese() {
        assertThatThrownBy(() -> Period.parseMonth("2025-6")).isInstanceOf(DomainException.class)
                .hasMessageContaining("应为 yyyy-MM");
        assertThatThrownBy(() -> Period.parseQuarter("2025Q1")).isInstanceOf(DomainException.class)
                .hasMessageContaining("应为 yyyy-Qn");
    }
}
