package org.rectify.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rectify.shared.DomainException;

/** The holiday-cn format, and the shipped 2025 and 2026 data checked against the State Council notices. */
class HolidayCnImportTests {

    static String shippedJson(int year) {
        try (InputStream in = HolidayCnImportTests.class.getResourceAsStream("/calendar/" + year + ".json")) {
            assertThat(in).as("calendar/%d.json on the classpath", year).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportedYear shipped(int year) {
        return HolidayCnFormat.parse(shippedJson(year), year);
    }

    private static List<LocalDate> dates(ImportedYear data, DayKind kind) {
        return data.entries().stream().filter(entry -> entry.kind() == kind).map(CalendarEntry::date).toList();
    }

    private static List<LocalDate> range(String first, String last) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1)).toList();
    }

    @Test
    void shipped2026HasTheSixMakeUpDaysOfTheNotice() {
        assertThat(dates(shipped(2026), DayKind.WORK)).containsExactly(
                LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
                LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
    }

    @Test
    void shipped2026HasTheHolidayRangesOfTheNotice() {
        List<LocalDate> off = dates(shipped(2026), DayKind.OFF);

        assertThat(off).hasSize(33).containsAll(range("2026-01-01", "2026-01-03"))
                .containsAll(range("2026-02-15", "2026-02-23"))
                .containsAll(range("2026-04-04", "2026-04-06"))
                .containsAll(range("2026-05-01", "2026-05-05"))
                .containsAll(range("2026-06-19", "2026-06-21"))
                .containsAll(range("2026-09-25", "2026-09-27"))
                .containsAll(range("2026-10-01", "2026-10-07"));
    }

    @Test
    void shipped2025HasTheMakeUpDaysAndHolidayRangesOfTheNotice() {
        ImportedYear data = shipped(2025);

        assertThat(dates(data, DayKind.WORK)).containsExactly(
                LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27),
                LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
        assertThat(dates(data, DayKind.OFF)).hasSize(28).contains(LocalDate.of(2025, 1, 1))
                .containsAll(range("2025-01-28", "2025-02-04"))
                .containsAll(range("2025-04-04", "2025-04-06"))
                .containsAll(range("2025-05-01", "2025-05-05"))
                .containsAll(range("2025-05-31", "2025-06-02"))
                .containsAll(range("2025-10-01", "2025-10-08"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void shippedMakeUpDaysAreWeekendsAndHolidaysContainTheStatutoryDays(int year) {
        ImportedYear data = shipped(year);

        assertThat(dates(data, DayKind.WORK)).allMatch(YearCalendar::isWeekend);
        assertThat(data.missingStatutoryDays()).isEmpty();
        assertThat(data.entries()).allMatch(entry -> entry.date().getYear() == year);
    }

    @Test
    void keepsTheHolidayNames() {
        assertThat(shipped(2026).entries()).filteredOn(entry -> entry.date().equals(LocalDate.of(2026, 9, 20)))
                .extracting(CalendarEntry::name).containsExactly("国庆节");
        assertThat(shipped(2025).entries()).filteredOn(entry -> entry.date().equals(LocalDate.of(2025, 10, 6)))
                .extracting(CalendarEntry::name).containsExactly("国庆节、中秋节");
    }

    @Test
    void readsTheSourceFromThePapers() {
        assertThat(shipped(2026).source())
                .contains("holiday-cn").contains("https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm");
    }

    @Test
    void refusesAnotherYear() {
        assertThatThrownBy(() -> HolidayCnFormat.parse(shippedJson(2025), 2026))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.code()).isEqualTo("calendar.holiday-cn.year-mismatch");
                    assertThat(e.detail()).contains("2025").contains("2026");
                });
    }

    @Test
    void refusesAYearWithoutHolidaysAsPublishedBeforeTheNotice() {
        String empty = """
                {"$schema":"https://example.org/schema.json","year":2027,"papers":[],"days":[]}""";

        assertRefused(() -> HolidayCnFormat.parse(empty, 2027), "calendar.import.no-holidays");
    }

    @Test
    void refusesSomethingThatIsNotJson() {
        assertRefused(() -> HolidayCnFormat.parse("一、元旦：1月1日放假", 2026), "calendar.holiday-cn.invalid-json");
        assertRefused(() -> HolidayCnFormat.parse("[1,2]", 2026), "calendar.holiday-cn.not-holiday-cn");
        assertRefused(() -> HolidayCnFormat.parse("{\"year\":2026}", 2026), "calendar.holiday-cn.not-holiday-cn");
    }

    @Test
    void refusesADayItCannotRead() {
        String impossibleDate = """
                {"year":2026,"days":[{"name":"元旦","date":"2026-02-30","isOffDay":true}]}""";
        String noFlag = """
                {"year":2026,"days":[{"name":"元旦","date":"2026-01-01"}]}""";

        assertThatThrownBy(() -> HolidayCnFormat.parse(impossibleDate, 2026))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.detail()).contains("第 1 条").contains("2026-02-30"));
        assertRefused(() -> HolidayCnFormat.parse(noFlag, 2026), "calendar.holiday-cn.invalid-day");
    }

    @Test
    void refusesAMakeUpDayThatIsNotAWeekend() {
        String monday = """
                {"year":2026,"days":[{"name":"元旦","date":"2026-01-01","isOffDay":true},
                                     {"name":"元旦","date":"2026-01-05","isOffDay":false}]}""";

        assertThatThrownBy(() -> HolidayCnFormat.parse(monday, 2026))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("calendar.import.make-up-day-not-weekend");
                    assertThat(e.detail()).contains("2026-01-05").contains("周一");
                });
    }

    @Test
    void refusesADayThatIsBothOffAndWorked() {
        String both = """
                {"year":2026,"days":[{"name":"元旦","date":"2026-01-03","isOffDay":true},
                                     {"name":"元旦","date":"2026-01-03","isOffDay":false}]}""";

        assertRefused(() -> HolidayCnFormat.parse(both, 2026), "calendar.import.conflicting-days");
    }

    @Test
    void refusesADateFarFromTheYear() {
        String far = """
                {"year":2026,"days":[{"name":"元旦","date":"2026-01-01","isOffDay":true},
                                     {"name":"元旦","date":"2028-01-01","isOffDay":true}]}""";

        assertRefused(() -> HolidayCnFormat.parse(far, 2026), "calendar.import.date-outside-year");
    }

    private static void assertRefused(Runnable parse, String code) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.detail()).contains("请");
        });
    }
}
