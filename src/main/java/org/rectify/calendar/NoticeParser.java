package org.rectify.calendar;

import static org.rectify.shared.DomainException.invalid;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectify.shared.DomainException;

/**
 * Reads the yearly notice of the General Office of the State Council (国务院办公厅关于20XX年部分节假日安排的通知)
 * as pasted text. Each holiday is one numbered line:
 * <pre>
 * 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 * </pre>
 * Lines that are not numbered items (title, preamble, closing words, signature) are skipped; a numbered
 * line that cannot be read is refused with the line quoted, because silently dropping a holiday would
 * shift deadlines.
 */
final class NoticeParser {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000\\uFEFF]+");
    private static final Pattern TITLE_YEAR = Pattern.compile("关于(\\d{4})年部分节假日安排");
    private static final Pattern ITEM = Pattern.compile("^[一二三四五六七八九十]+[、.．](.+?)[：:](.+)$");
    // Weekdays and lunar dates in brackets only repeat what the dates say.
    private static final Pattern ANNOTATION = Pattern.compile("[（(][^）)]*[）)]");
    private static final Pattern CLAUSE_END = Pattern.compile("[。；;，,]");
    private static final String DATE = "(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日";
    private static final Pattern ANY_DATE = Pattern.compile(DATE);
    private static final Pattern OFF_RANGE = Pattern.compile(
            "^" + DATE + "(?:至(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日)?放假.*$");
    private static final Pattern WORK_DAYS = Pattern.compile("^" + DATE + "(?:[、和及与]" + DATE + ")*上班$");
    private static final int LONGEST_HOLIDAY_DAYS = 31;
    private static final String EXAMPLE = "「一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。」";

    private NoticeParser() {
    }

    private record Item(StringBuilder line, String name, StringBuilder body) {
    }

    static ImportedYear parse(String text, int year) {
        String compact = WHITESPACE.matcher(text).replaceAll("");
        Matcher title = TITLE_YEAR.matcher(compact);
        String source = "国务院办公厅节假日安排通知（文本导入）";
        if (title.find()) {
            int titleYear = Integer.parseInt(title.group(1));
            if (titleYear != year) {
                throw invalid("calendar.notice.year-mismatch", String.format(
                        "通知标题中的年份是 %d 年，与要导入的 %d 年不一致。请核对通知，或导入到 /api/calendar/%d/notice。",
                        titleYear, year, titleYear));
            }
            source = "国务院办公厅关于" + year + "年部分节假日安排的通知（文本导入）";
        }
        List<Item> items = new ArrayList<>();
        for (String rawLine : text.split("\\R")) {
            String line = WHITESPACE.matcher(rawLine).replaceAll("");
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                items.add(new Item(new StringBuilder(rawLine.strip()), item.group(1), new StringBuilder(item.group(2))));
            } else if (!items.isEmpty() && ANY_DATE.matcher(line).find()
                    && (line.contains("放假") || line.contains("上班"))) {
                // An item wrapped over two lines when pasted: dropping its second half would lose make-up days.
                Item last = items.get(items.size() - 1);
                last.line().append(rawLine.strip());
                last.body().append(line);
            }
        }
        List<CalendarEntry> entries = new ArrayList<>();
        for (Item item : items) {
            parseItem(item.line().toString(), item.name(), item.body().toString(), year, entries);
        }
        if (items.isEmpty()) {
            throw invalid("calendar.notice.no-items", String.format(
                    "没有在文本中找到节假日安排。请粘贴国务院办公厅关于%d年部分节假日安排的通知全文，每项节日单独一行，以「一、」「二、」等开头，例如%s",
                    year, EXAMPLE));
        }
        return ImportedYear.checked(year, entries, source);
    }

    private static void parseItem(String line, String name, String body, int year, List<CalendarEntry> entries) {
        int offRanges = 0;
        for (String clause : CLAUSE_END.split(ANNOTATION.matcher(body).replaceAll(""))) {
            boolean hasDate = ANY_DATE.matcher(clause).find();
            if (hasDate && clause.contains("放假")) {
                Matcher range = OFF_RANGE.matcher(clause);
                if (!range.matches()) {
                    throw unreadable(line, "放假日期「" + clause + "」的写法无法识别");
                }
                addOffRange(line, name, range, year, entries);
                offRanges++;
            } else if (hasDate && clause.contains("上班")) {
                if (!WORK_DAYS.matcher(clause).matches()) {
                    throw unreadable(line, "上班日期「" + clause + "」的写法无法识别");
                }
                Matcher date = ANY_DATE.matcher(clause);
                while (date.find()) {
                    entries.add(new CalendarEntry(date(line, date.group(1), date.group(2), date.group(3), year),
                            DayKind.WORK, name));
                }
            } else if (hasDate) {
                throw unreadable(line, "「" + clause + "」中的日期既不是放假也不是上班安排");
            }
        }
        if (offRanges != 1) {
            throw unreadable(line, offRanges == 0 ? "没有找到放假日期" : "一行中有多段放假日期");
        }
    }

    private static void addOffRange(String line, String name, Matcher range, int year, List<CalendarEntry> entries) {
        LocalDate start = date(line, range.group(1), range.group(2), range.group(3), year);
        LocalDate end = start;
        if (range.group(6) != null) {
            String endMonth = range.group(5) != null ? range.group(5) : String.valueOf(start.getMonthValue());
            String endYear = range.group(4) != null ? range.group(4) : String.valueOf(start.getYear());
            end = date(line, endYear, endMonth, range.group(6), year);
            // "12月31日至1月2日" without years runs into the next year.
            if (range.group(4) == null && range.group(5) != null && end.isBefore(start)) {
                end = end.plusYears(1);
            }
        }
        if (end.isBefore(start)) {
            throw unreadable(line, "放假结束日 " + end + " 早于开始日 " + start);
        }
        if (ChronoUnit.DAYS.between(start, end) >= LONGEST_HOLIDAY_DAYS) {
            throw unreadable(line, "放假时间超过 " + LONGEST_HOLIDAY_DAYS + " 天");
        }
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            entries.add(new CalendarEntry(day, DayKind.OFF, name));
        }
    }

    private static LocalDate date(String line, String year, String month, String day, int noticeYear) {
        int y = year != null ? Integer.parseInt(year) : noticeYear;
        try {
            return LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw unreadable(line, "日期 " + y + "年" + month + "月" + day + "日不存在");
        }
    }

    private static DomainException unreadable(String line, String problem) {
        String quoted = line.length() > 100 ? line.substring(0, 99) + "…" : line;
        return invalid("calendar.notice.unreadable-line", String.format(
                "无法识别通知中的这一行：「%s」（%s）。请核对后按通知原文粘贴，每项节日单独一行，例如%s",
                quoted, problem, EXAMPLE));
    }
}
