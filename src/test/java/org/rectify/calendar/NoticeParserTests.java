package org.rectify.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectify.shared.DomainException;

/** Reading the State Council's yearly holiday notice as pasted text. */
class NoticeParserTests {

    static final String NOTICE_2026 = """
            国务院办公厅关于2026年部分节假日安排的通知
            国办发明电〔2025〕7号

            各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
              经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
              一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
              二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
              三、清明节：4月4日（周六）至6日（周一）放假，共3天。
              四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
              五、端午节：6月19日（周五）至21日（周日）放假，共3天。
              六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
              七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
              节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。

            国务院办公厅
            2025年11月4日
            """;

    static final String NOTICE_2025 = """
            国务院办公厅关于2025年
            部分节假日安排的通知
            经党中央、国务院批准，自2025年1月1日起，全体公民放假的假日增加2天，其中春节、劳动节各增加1天。
            一、元旦：1月1日（周三）放假1天，不调休。
            二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
            三、清明节：4月4日（周五）至6日（周日）放假，共3天。
            四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
            五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
            六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
            国务院办公厅
            2024年11月12日
            """;

    private static List<LocalDate> dates(ImportedYear data, DayKind kind) {
        return data.entries().stream().filter(entry -> entry.kind() == kind).map(CalendarEntry::date).toList();
    }

    @Test
    void reads2026IntoTheSameDaysAsTheShippedData() {
        ImportedYear parsed = NoticeParser.parse(NOTICE_2026, 2026);

        assertThat(dates(parsed, DayKind.WORK)).containsExactly(
                LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
                LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        assertThat(dates(parsed, DayKind.OFF)).hasSize(33)
                .containsAll(LocalDate.of(2026, 2, 15).datesUntil(LocalDate.of(2026, 2, 24)).toList());
        assertThat(parsed.entries()).containsExactlyElementsOf(HolidayCnImportTests.shipped(2026).entries());
        assertThat(parsed.source()).contains("国务院办公厅关于2026年部分节假日安排的通知");
    }

    @Test
    void reads2025WithASingleDayACrossMonthRangeAndAJointName() {
        ImportedYear parsed = NoticeParser.parse(NOTICE_2025, 2025);

        assertThat(parsed.entries()).contains(
                new CalendarEntry(LocalDate.of(2025, 1, 1), DayKind.OFF, "元旦"),
                new CalendarEntry(LocalDate.of(2025, 6, 1), DayKind.OFF, "端午节"),
                new CalendarEntry(LocalDate.of(2025, 6, 2), DayKind.OFF, "端午节"),
                new CalendarEntry(LocalDate.of(2025, 10, 8), DayKind.OFF, "国庆节、中秋节"),
                new CalendarEntry(LocalDate.of(2025, 10, 11), DayKind.WORK, "国庆节、中秋节"));
        assertThat(parsed.entries()).doesNotContain(new CalendarEntry(LocalDate.of(2025, 1, 2), DayKind.OFF, "元旦"));
        assertThat(dates(parsed, DayKind.OFF)).hasSize(28);
        assertThat(parsed.entries()).containsExactlyElementsOf(HolidayCnImportTests.shipped(2025).entries());
    }

    @Test
    void readsHalfWidthPunctuationCopiedFromAWebPage() {
        ImportedYear parsed = NoticeParser.parse("""
                一、元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。
                七、国庆节:10月1日(周四)至7日(周三)放假调休,共7天。9月20日(周日)、10月10日(周六)上班。
                """, 2026);

        assertThat(dates(parsed, DayKind.OFF)).hasSize(10).contains(LocalDate.of(2026, 1, 3), LocalDate.of(2026, 10, 7));
        assertThat(dates(parsed, DayKind.WORK)).containsExactly(
                LocalDate.of(2026, 1, 4), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
    }

    @Test
    void readsAnItemWrappedOverTwoLines() {
        ImportedYear parsed = NoticeParser.parse("""
                二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共
                9天。2月14日（周六）、2月28日（周六）上班。
                三、清明节：4月4日（周六）至6日（周一）放假，共3天。
                国务院办公厅
                2025年11月4日
                """, 2026);

        assertThat(dates(parsed, DayKind.WORK)).containsExactly(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28));
        assertThat(dates(parsed, DayKind.OFF)).hasSize(12);
    }

    @Test
    void readsARangeWhoseEndNamesTheMonth() {
        ImportedYear parsed = NoticeParser.parse("一、国庆节、中秋节：9月30日至10月8日放假调休，共9天。", 2028);

        assertThat(dates(parsed, DayKind.OFF)).containsExactlyElementsOf(
                LocalDate.of(2028, 9, 30).datesUntil(LocalDate.of(2028, 10, 9)).toList());
    }

    @Test
    void readsDatesInTheNeighbouringYear() {
        ImportedYear parsed = NoticeParser.parse("一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。", 2023);

        assertThat(dates(parsed, DayKind.OFF)).containsExactly(
                LocalDate.of(2022, 12, 31), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 2));
    }

    @Test
    void refusesAnItemLineItCannotReadAndQuotesIt() {
        String text = NOTICE_2026.replace("三、清明节：4月4日（周六）至6日（周一）放假，共3天。",
                "三、清明节：四月四日至六日放假，共3天。");

        assertThatThrownBy(() -> NoticeParser.parse(text, 2026))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.code()).isEqualTo("calendar.notice.unreadable-line");
                    assertThat(e.detail()).contains("三、清明节：四月四日至六日放假，共3天。").contains("没有找到放假日期");
                });
    }

    @Test
    void refusesDatesThatAreNeitherHolidayNorWork() {
        assertThatThrownBy(() -> NoticeParser.parse("一、元旦：1月1日至3日放假调休，共3天。1月4日另行安排。", 2026))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.detail()).contains("1月4日另行安排"));
    }

    @Test
    void refusesAnImpossibleDateOrABackwardRange() {
        assertThatThrownBy(() -> NoticeParser.parse("一、春节：2月30日至3月2日放假调休。", 2026))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.detail()).contains("2月30日不存在"));
        assertThatThrownBy(() -> NoticeParser.parse("一、元旦：1月3日至1日放假调休。", 2026))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.detail()).contains("早于"));
    }

    @Test
    void refusesAMakeUpDayOnAWeekday() {
        // 5 January 2026 is a Monday.
        assertThatThrownBy(() -> NoticeParser.parse("一、元旦：1月1日至3日放假调休，共3天。1月5日上班。", 2026))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("calendar.import.make-up-day-not-weekend"));
    }

    @Test
    void refusesTheNoticeOfAnotherYear() {
        assertThatThrownBy(() -> NoticeParser.parse(NOTICE_2025, 2026))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("calendar.notice.year-mismatch");
                    assertThat(e.detail()).contains("2025").contains("2026");
                });
    }

    @Test
    void refusesTextWithoutAnyItem() {
        assertThatThrownBy(() -> NoticeParser.parse("元旦放假三天，春节放假九天。", 2026))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("calendar.notice.no-items");
                    assertThat(e.detail()).contains("请粘贴");
                });
    }
}
