package org.rectify.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The real rule files and the real 2026 calendar together: a report made at a given moment (the engine's
 * clock) gets the deadline a person counting on the official calendar would give it. Expected dates were
 * counted by hand from the State Council notice for 2026.
 */
@RectifyIntegrationTest
class DeadlinesOnTheWorkingCalendarIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
            // Fri 11-20 → Mon, Tue, Wed: the weekend does not count
            "2026-11-20T10:00:00+08:00 | STREET_VENDING | GENERAL | 跨周末：3个工作日                 | 2026-11-25T18:00+08:00",
            // Fri 09-18 → Sun 09-20 is a make-up working day, then Mon 21, Tue 22
            "2026-09-18T10:00:00+08:00 | NOISE          | SERIOUS | 调休上班日计入：3个工作日           | 2026-09-22T18:00+08:00",
            // Wed 09-30 → 10-01..07 off; Thu 8, Fri 9, Sat 10 (make-up), Mon 12, Tue 13
            "2026-09-30T10:00:00+08:00 | NOISE          | GENERAL | 国庆假期不计、调休计入：5个工作日   | 2026-10-13T18:00+08:00",
            // Fri 02-13 → Sat 02-14 make-up, 02-15..23 Spring Festival, Tue 24
            "2026-02-13T09:00:00+08:00 | STREET_LIGHT   | GENERAL | 春节：2个工作日                     | 2026-02-24T18:00+08:00",
            // Fri 16:00 → 2 h Friday, Mon 08:30-12:00 3.5 h, 13:30-16:00 2.5 h
            "2026-11-20T16:00:00+08:00 | NOISE          | URGENT  | 紧急问题：8个工作时跨周末           | 2026-11-23T16:00+08:00",
            // natural hours ignore weekends and nights
            "2026-11-21T22:00:00+08:00 | FOOD_SAFETY    | URGENT  | 食品安全紧急：4个自然小时           | 2026-11-22T02:00+08:00",
    })
    void aReportGetsTheDeadlineCountedOnTheOfficialCalendar(String reportedAt, String category, String severity,
            String scenario, String expectedDeadline) {
        ClockUtil.setCurrentTime(java.util.Date.from(OffsetDateTime.parse(reportedAt).toInstant()));

        JsonNode receipt = api.reportCase(api.patrolReport(category, severity));

        assertThat(OffsetDateTime.parse(receipt.get("deadline").asText()))
                .as(scenario)
                .isEqualTo(OffsetDateTime.parse(expectedDeadline));
        assertThat(receipt.get("deadlineProvisional").asBoolean()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aDeadlineReachingIntoAnUnpublishedYearIsComputedAndFlaggedProvisional() {
        // Mon 2026-12-28 + 15 working days: Dec 29–31 (3), 1 Jan 2027 is New Year (statutory, provisional),
        // 4–8 Jan (8), 11–15 Jan (13), 18–19 Jan (15) — weekends and the holiday never count as working days.
        ClockUtil.setCurrentTime(java.util.Date.from(OffsetDateTime.parse("2026-12-28T10:00:00+08:00").toInstant()));

        JsonNode receipt = api.reportCase(api.patrolReport("ILLEGAL_BUILDING", "GENERAL"));

        assertThat(OffsetDateTime.parse(receipt.get("deadline").asText()))
                .isEqualTo(OffsetDateTime.parse("2027-01-19T18:00+08:00"));
        assertThat(receipt.get("deadlineProvisional").asBoolean()).isTrue();
        assertThat(api.caseDetail(receipt.get("id").asLong()).get("history").get(1).get("summary").asText())
                .contains("暂定");
    }
}
