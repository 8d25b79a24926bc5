package org.rectify.calendar;

import static org.rectify.shared.DomainException.invalid;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calendar for everyone who needs a deadline, and its import for the administrator. Parameters arrive
 * as text and are checked here so that every refusal is a Chinese sentence saying what to send instead.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    static final int MAX_AMOUNT = 365;
    private static final int MAX_DOCUMENT_BYTES = 200_000;

    private final CalendarAdministration administration;
    private final WorkingCalendar calendar;

    CalendarController(CalendarAdministration administration, WorkingCalendar calendar) {
        this.administration = administration;
        this.calendar = calendar;
    }

    record DueView(OffsetDateTime from, int amount, TimeLimitUnit unit, String unitLabel, OffsetDateTime due,
            boolean provisional, List<Integer> provisionalYears) {
    }

    @GetMapping("/due")
    DueView due(@RequestParam(required = false) String from,
            @RequestParam(required = false) String workingDays,
            @RequestParam(required = false) String workingHours,
            @RequestParam(required = false) String naturalHours) {
        Instant start = parseFrom(from);
        Map<TimeLimitUnit, String> given = new EnumMap<>(TimeLimitUnit.class);
        putIfPresent(given, TimeLimitUnit.WORKING_DAYS, workingDays);
        putIfPresent(given, TimeLimitUnit.WORKING_HOURS, workingHours);
        putIfPresent(given, TimeLimitUnit.NATURAL_HOURS, naturalHours);
        if (given.size() != 1) {
            throw invalid("calendar.due.unit", "请在 workingDays（工作日）、workingHours（工作时）、naturalHours（自然小时）"
                    + "中恰好给出一个时限，例如 workingDays=3。");
        }
        TimeLimitUnit unit = given.keySet().iterator().next();
        int amount = parseAmount(given.get(unit));
        Due due = calendar.due(start, amount, unit);
        return new DueView(start.atZone(calendar.zone()).toOffsetDateTime(), amount, unit, unit.chineseLabel(),
                due.at(), due.provisional(), due.provisionalYears());
    }

    @GetMapping("/{year}")
    CalendarYearView year(@PathVariable String year) {
        return administration.view(parseYear(year));
    }

    @PutMapping("/{year}/holiday-cn")
    @PreAuthorize("hasRole('ADMIN')")
    CalendarYearView importHolidayCn(@PathVariable String year, @RequestBody(required = false) byte[] body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            Principal principal) {
        int checkedYear = parseYear(year);
        return administration.importHolidayCn(checkedYear, text(body, contentType, "holiday-cn JSON"), principal.getName());
    }

    @PutMapping("/{year}/notice")
    @PreAuthorize("hasRole('ADMIN')")
    CalendarYearView importNotice(@PathVariable String year, @RequestBody(required = false) byte[] body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            Principal principal) {
        int checkedYear = parseYear(year);
        return administration.importNotice(checkedYear, text(body, contentType, "通知全文"), principal.getName());
    }

    private Instant parseFrom(String from) {
        if (from == null || from.isBlank()) {
            throw invalid("calendar.due.from-missing", "请用 from 参数给出起算时间，例如 from=2026-09-30T10:00:00%2B08:00"
                    + " 或 from=2026-09-30T02:00:00Z。");
        }
        // An unencoded "+08:00" in a query string arrives as " 08:00".
        String text = from.strip().replace(' ', '+');
        Instant start;
        try {
            start = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("calendar.due.from-invalid", "起算时间「" + abbreviate(from) + "」无法识别。请使用带时区的"
                    + " ISO-8601 时间，例如 2026-09-30T10:00:00+08:00（在网址中把 + 写成 %2B）或 2026-09-30T02:00:00Z。");
        }
        int year = start.atZone(calendar.zone()).getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw invalid("calendar.due.from-out-of-range",
                    "起算时间须在 " + FIRST_YEAR + " 年至 " + LAST_YEAR + " 年之间，请核对日期。");
        }
        return start;
    }

    private static void putIfPresent(Map<TimeLimitUnit, String> given, TimeLimitUnit unit, String value) {
        if (value != null) {
            given.put(unit, value);
        }
    }

    private static int parseAmount(String text) {
        try {
            int amount = Integer.parseInt(text.strip());
            if (amount >= 1 && amount <= MAX_AMOUNT) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // refused below with the same message as an out-of-range number
        }
        throw invalid("calendar.due.amount", "时限须是 1 到 " + MAX_AMOUNT + " 之间的整数，收到的是「"
                + abbreviate(text) + "」。请改正后重试。");
    }

    static int parseYear(String text) {
        try {
            int year = Integer.parseInt(text.strip());
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // refused below with the same message as an out-of-range year
        }
        throw invalid("calendar.year", "年份「" + abbreviate(text) + "」无效。请使用 " + FIRST_YEAR + " 到 " + LAST_YEAR
                + " 之间的四位数字年份，例如 /api/calendar/2026。");
    }

    /** The body as text: UTF-8 unless the request names a charset, and refused if it is not valid text. */
    private static String text(byte[] body, String contentType, String expected) {
        if (body == null || body.length == 0) {
            throw invalid("calendar.import.empty-body", "请求体是空的。请在请求体中上传" + expected + "。");
        }
        if (body.length > MAX_DOCUMENT_BYTES) {
            throw invalid("calendar.import.too-large", "上传的内容超过 " + MAX_DOCUMENT_BYTES / 1000
                    + " KB，不像一年的节假日安排。请只上传该年的" + expected + "。");
        }
        Charset charset = StandardCharsets.UTF_8;
        try {
            if (contentType != null) {
                Charset named = MediaType.parseMediaType(contentType).getCharset();
                charset = named != null ? named : charset;
            }
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            // Windows editors put a byte order mark first.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException | InvalidMediaTypeException e) {
            throw invalid("calendar.import.encoding", "无法按 " + charset.name() + " 读取上传的内容。请以 UTF-8 编码上传"
                    + expected + "（Content-Type 中可写 charset=UTF-8）。");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 59) + "…" : text;
    }
}
