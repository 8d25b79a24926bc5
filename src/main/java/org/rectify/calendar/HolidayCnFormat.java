package org.rectify.calendar;

import static org.rectify.shared.DomainException.invalid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one year of the public holiday-cn data set:
 * {@code {"year":2026,"papers":[...],"days":[{"name":"元旦","date":"2026-01-01","isOffDay":true}, ...]}}.
 * The data set omits ordinary weekends; {@code isOffDay:false} marks a make-up working day.
 */
final class HolidayCnFormat {

    private static final String EXAMPLE = "{\"name\":\"元旦\",\"date\":\"2026-01-01\",\"isOffDay\":true}";

    // Read as a tree with a private mapper: the files carry $schema and $id, which the application's
    // strict mapper (fail on unknown properties) would refuse.
    private static final ObjectMapper JSON = new ObjectMapper();

    private HolidayCnFormat() {
    }

    static ImportedYear parse(String json, int year) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : String.format("（第 %d 行第 %d 列附近有错）", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
            throw invalid("calendar.holiday-cn.invalid-json", String.format(
                    "上传的内容不是有效的 JSON%s。请上传 holiday-cn 数据集中该年的原始文件，例如 %d.json。", where, year));
        }
        if (root == null || !root.isObject()) {
            throw notHolidayCn("最外层应是含 year 和 days 的对象", year);
        }
        JsonNode yearNode = root.get("year");
        if (yearNode == null || !yearNode.isIntegralNumber()) {
            throw notHolidayCn("缺少整数字段 year", year);
        }
        if (yearNode.asInt() != year) {
            throw invalid("calendar.holiday-cn.year-mismatch", String.format(
                    "JSON 中的年份是 %d 年，与要导入的 %d 年不一致。请上传 %d 年的数据，或导入到 /api/calendar/%d/holiday-cn。",
                    yearNode.asInt(), year, year, yearNode.asInt()));
        }
        JsonNode days = root.get("days");
        if (days == null || !days.isArray()) {
            throw notHolidayCn("缺少数组字段 days", year);
        }
        List<CalendarEntry> entries = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            entries.add(entry(days.get(i), i + 1));
        }
        return ImportedYear.checked(year, entries, source(root.get("papers")));
    }

    private static CalendarEntry entry(JsonNode day, int number) {
        JsonNode name = day.get("name");
        JsonNode date = day.get("date");
        JsonNode isOffDay = day.get("isOffDay");
        if (name == null || !name.isTextual() || date == null || !date.isTextual() || isOffDay == null || !isOffDay.isBoolean()) {
            throw badEntry(number, day);
        }
        try {
            return new CalendarEntry(LocalDate.parse(date.asText()),
                    isOffDay.asBoolean() ? DayKind.OFF : DayKind.WORK, name.asText().strip());
        } catch (DateTimeParseException e) {
            throw badEntry(number, day);
        }
    }

    private static String source(JsonNode papers) {
        List<String> urls = new ArrayList<>();
        if (papers != null && papers.isArray()) {
            papers.forEach(paper -> {
                if (paper.isTextual()) {
                    urls.add(paper.asText());
                }
            });
        }
        String source = urls.isEmpty() ? "holiday-cn JSON" : "holiday-cn JSON（通知：" + String.join("；", urls) + "）";
        return source.length() > 500 ? source.substring(0, 499) + "…" : source;
    }

    private static RuntimeException badEntry(int number, JsonNode day) {
        return invalid("calendar.holiday-cn.invalid-day", String.format(
                "days 中第 %d 条记录无效：%s。每条记录须形如 %s（日期写成 年-月-日），请改正后重新上传。",
                number, abbreviate(String.valueOf(day)), EXAMPLE));
    }

    private static RuntimeException notHolidayCn(String problem, int year) {
        return invalid("calendar.holiday-cn.not-holiday-cn", String.format(
                "上传的 JSON 不是 holiday-cn 格式：%s。请上传 holiday-cn 数据集中该年的原始文件，例如 %d.json。",
                problem, year));
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 119) + "…" : text;
    }
}
