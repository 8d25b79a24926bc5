package org.rectify.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The calendar API on the whole application and its database. Imports go to years nobody else uses
 * (2098, 2099), because the context and database are shared with other test classes.
 */
@RectifyIntegrationTest
class CalendarApiIntegrationTests {

    private static final MediaType TEXT_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    @Autowired
    private TestRestTemplate rest;

    private TestRestTemplate admin() {
        return rest.withBasicAuth("admin", "demo");
    }

    private TestRestTemplate dispatcher() {
        return rest.withBasicAuth("dispatcher", "demo");
    }

    private static ResponseEntity<JsonNode> put(TestRestTemplate as, String path, String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return as.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static List<String> dates(JsonNode days) {
        List<String> dates = new ArrayList<>();
        days.forEach(day -> dates.add(day.get("date").asText()));
        return dates;
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(response.getBody().get("detail").asText()).contains("请");
    }

    @Test
    void the2026CalendarIsPublishedWithItsMakeUpDays() {
        ResponseEntity<JsonNode> response = dispatcher().getForEntity("/api/calendar/2026", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode year = response.getBody();
        assertThat(year.get("year").asInt()).isEqualTo(2026);
        assertThat(year.get("published").asBoolean()).isTrue();
        assertThat(year.get("provisional").asBoolean()).isFalse();
        assertThat(year.get("source").asText()).contains("2026.json");
        assertThat(dates(year.get("makeUpWorkingDays"))).containsExactly(
                "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        assertThat(dates(year.get("daysOff"))).hasSize(33).contains("2026-02-15", "2026-02-23", "2026-10-07");
    }

    @Test
    void anUnpublishedYearShowsItsComputedHolidaysAsProvisional() {
        JsonNode year = dispatcher().getForObject("/api/calendar/2098", JsonNode.class);

        assertThat(year.get("published").asBoolean()).isFalse();
        assertThat(year.get("provisional").asBoolean()).isTrue();
        assertThat(year.get("source").isNull()).isTrue();
        assertThat(dates(year.get("daysOff"))).contains("2098-01-01", "2098-05-01", "2098-10-01");
        assertThat(year.get("makeUpWorkingDays")).isEmpty();
    }

    @Test
    void dueSkipsTheNationalDayHoliday() {
        // Wednesday 30 September 2026, 10:00 in Shanghai; 1–7 October off.
        ResponseEntity<JsonNode> response = dispatcher().getForEntity(
                "/api/calendar/due?from=2026-09-30T02:00:00Z&workingDays=1", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode due = response.getBody();
        assertThat(due.get("from").asText()).isEqualTo("2026-09-30T10:00:00+08:00");
        assertThat(due.get("amount").asInt()).isEqualTo(1);
        assertThat(due.get("unit").asText()).isEqualTo("WORKING_DAYS");
        assertThat(due.get("unitLabel").asText()).isEqualTo("工作日");
        assertThat(due.get("due").asText()).isEqualTo("2026-10-08T18:00:00+08:00");
        assertThat(due.get("provisional").asBoolean()).isFalse();
        assertThat(due.get("provisionalYears")).isEmpty();
    }

    @Test
    void dueInWorkingHoursAcceptsAnOffsetAndFlagsUnpublishedYears() {
        // Friday 31 December 2027, 16:00: two hours until closing; Saturday 1 January 2028 (元旦) and Sunday
        // off; the third hour on Monday 3 January from 08:30. Neither year is published.
        ResponseEntity<JsonNode> response = dispatcher().getForEntity(
                "/api/calendar/due?from={from}&workingHours=3", JsonNode.class, "2027-12-31T16:00:00+08:00");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode due = response.getBody();
        assertThat(due.get("due").asText()).isEqualTo("2028-01-03T09:30:00+08:00");
        assertThat(due.get("unitLabel").asText()).isEqualTo("工作时");
        assertThat(due.get("provisional").asBoolean()).isTrue();
        assertThat(due.get("provisionalYears")).extracting(JsonNode::asInt).containsExactly(2027, 2028);
    }

    @Test
    void onlyTheAdministratorMayImport() {
        ResponseEntity<JsonNode> refused = put(dispatcher(), "/api/calendar/2098/notice",
                "一、元旦：1月1日至3日放假调休，共3天。", TEXT_UTF8);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(dispatcher().getForObject("/api/calendar/2098", JsonNode.class).get("published").asBoolean())
                .isFalse();
    }

    @Test
    void anImportReplacesTheWholeYearAndMovesDeadlinesAtOnce() {
        // 2099-01-01 is a Thursday, 4 January a Sunday, 9 January a Friday, 10 January a Saturday.
        ResponseEntity<JsonNode> first = put(admin(), "/api/calendar/2099/notice", """
                国务院办公厅关于2099年部分节假日安排的通知
                一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
                二、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
                """, TEXT_UTF8);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("published").asBoolean()).isTrue();
        assertThat(first.getBody().get("importedBy").asText()).isEqualTo("admin");
        assertThat(first.getBody().get("source").asText()).contains("2099年部分节假日安排的通知");
        assertThat(dates(first.getBody().get("makeUpWorkingDays"))).containsExactly("2099-01-04", "2099-05-09");
        assertThat(dates(first.getBody().get("daysOff"))).hasSize(8);
        assertThat(dueFromFriday9January2099()).isEqualTo("2099-01-12T18:00:00+08:00");

        ResponseEntity<JsonNode> second = put(admin(), "/api/calendar/2099/holiday-cn", """
                {"$schema":"https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json",
                 "year":2099,"papers":["https://example.org/2099"],
                 "days":[{"name":"元旦","date":"2099-01-01","isOffDay":true},
                         {"name":"元旦","date":"2099-01-02","isOffDay":true},
                         {"name":"元旦","date":"2099-01-03","isOffDay":true},
                         {"name":"元旦","date":"2099-01-10","isOffDay":false}]}""", MediaType.APPLICATION_JSON);

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode year = admin().getForObject("/api/calendar/2099", JsonNode.class);
        assertThat(year.get("source").asText()).contains("holiday-cn").contains("https://example.org/2099");
        assertThat(dates(year.get("makeUpWorkingDays"))).containsExactly("2099-01-10");
        assertThat(dates(year.get("daysOff"))).containsExactly("2099-01-01", "2099-01-02", "2099-01-03");
        assertThat(dueFromFriday9January2099()).isEqualTo("2099-01-10T18:00:00+08:00");
    }

    private String dueFromFriday9January2099() {
        JsonNode due = dispatcher().getForObject("/api/calendar/due?from=2099-01-09T02:00:00Z&workingDays=1",
                JsonNode.class);
        assertThat(due.get("provisional").asBoolean()).isFalse();
        return due.get("due").asText();
    }

    @Test
    void badDueQueriesAreRefusedInChinese() {
        assertProblem(dispatcher().getForEntity("/api/calendar/due?from=yesterday&workingDays=3", JsonNode.class),
                HttpStatus.BAD_REQUEST, "calendar.due.from-invalid");
        assertProblem(dispatcher().getForEntity("/api/calendar/due?workingDays=3", JsonNode.class),
                HttpStatus.BAD_REQUEST, "calendar.due.from-missing");
        assertProblem(dispatcher().getForEntity(
                        "/api/calendar/due?from=2026-09-30T02:00:00Z&workingDays=3&workingHours=2", JsonNode.class),
                HttpStatus.BAD_REQUEST, "calendar.due.unit");
        assertProblem(dispatcher().getForEntity("/api/calendar/due?from=2026-09-30T02:00:00Z", JsonNode.class),
                HttpStatus.BAD_REQUEST, "calendar.due.unit");
        assertProblem(dispatcher().getForEntity("/api/calendar/due?from=2026-09-30T02:00:00Z&workingDays=0",
                JsonNode.class), HttpStatus.BAD_REQUEST, "calendar.due.amount");
        assertProblem(dispatcher().getForEntity("/api/calendar/due?from=2026-09-30T02:00:00Z&naturalHours=abc",
                JsonNode.class), HttpStatus.BAD_REQUEST, "calendar.due.amount");
        assertProblem(dispatcher().getForEntity("/api/calendar/due?from=2026-09-30T02:00:00Z&workingDays=366",
                JsonNode.class), HttpStatus.BAD_REQUEST, "calendar.due.amount");
    }

    @Test
    void aYearOutOfRangeIsRefused() {
        assertProblem(dispatcher().getForEntity("/api/calendar/1999", JsonNode.class),
                HttpStatus.BAD_REQUEST, "calendar.year");
        assertProblem(dispatcher().getForEntity("/api/calendar/twenty", JsonNode.class),
                HttpStatus.BAD_REQUEST, "calendar.year");
    }

    @Test
    void badImportsAreRefusedAndChangeNothing() {
        String json2026 = HolidayCnImportTests.shippedJson(2026);

        assertProblem(put(admin(), "/api/calendar/2098/holiday-cn", json2026, MediaType.APPLICATION_JSON),
                HttpStatus.BAD_REQUEST, "calendar.holiday-cn.year-mismatch");
        ResponseEntity<JsonNode> unreadable = put(admin(), "/api/calendar/2098/notice",
                "一、元旦：1月1日至3日放假调休，共3天。\n二、春节：另行通知。", TEXT_UTF8);
        assertProblem(unreadable, HttpStatus.BAD_REQUEST, "calendar.notice.unreadable-line");
        assertThat(unreadable.getBody().get("detail").asText()).contains("二、春节：另行通知。");
        assertProblem(put(admin(), "/api/calendar/2098/notice", "", TEXT_UTF8),
                HttpStatus.BAD_REQUEST, "calendar.import.empty-body");

        assertThat(admin().getForObject("/api/calendar/2098", JsonNode.class).get("published").asBoolean()).isFalse();
    }
}
