package org.rectify.open311;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.rectify.cases.CaseHistory;
import org.rectify.cases.CaseSearch;
import org.rectify.cases.CaseStatus;
import org.rectify.cases.Cases;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Category;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;
import org.rectify.clock.BusinessClock;
import org.rectify.intake.Intake;
import org.rectify.intake.ReportRequest;
import org.rectify.security.CurrentUser;
import org.rectify.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GeoReport v2 over Rectify: a service is a category, a service request is a case from a public source (its case
 * number is the {@code service_request_id}). Reads never carry the reporter's name, phone, e-mail or account.
 */
@Service
class GeoReport {

    /** Sources whose cases GeoReport shows: the public's own reports. */
    static final Set<ReportSource> PUBLIC = EnumSet.of(ReportSource.CITIZEN, ReportSource.HOTLINE, ReportSource.VOLUNTEER);
    /** Steps a reporter sees as updates of their request. */
    static final List<String> UPDATE_ACTIONS = List.of("FILED", "REJECTED", "ACCEPTED", "RECTIFIED", "VERIFIED",
            "VERIFICATION_FAILED", "CLOSED", "REOPENED", "VOIDED", "SUSPENDED", "RESUMED", "EXTENSION_APPROVED");
    static final int MAX_RESULTS = 1000;
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Catalog catalog;
    private final Intake intake;
    private final Cases cases;
    private final CaseSearch search;
    private final CaseHistory history;
    private final BusinessClock clock;
    private final JdbcClient jdbc;

    GeoReport(Catalog catalog, Intake intake, Cases cases, CaseSearch search, CaseHistory history, BusinessClock clock,
            JdbcClient jdbc) {
        this.catalog = catalog;
        this.intake = intake;
        this.cases = cases;
        this.search = search;
        this.history = history;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    List<Map<String, Object>> services() {
        Map<String, String> units = catalog.unitNames(catalog.categories().stream().map(Category::defaultUnitCode)
                .filter(code -> code != null).toList());
        return catalog.categories().stream().map(c -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("service_code", c.code());
            s.put("service_name", c.name());
            s.put("description", c.name() + "（主管部门：" + units.getOrDefault(c.defaultUnitCode(), "按属地派遣") + "）");
            s.put("metadata", true);
            s.put("type", "realtime");
            s.put("keywords", c.name());
            s.put("group", units.getOrDefault(c.defaultUnitCode(), "属地街道"));
            return s;
        }).toList();
    }

    Map<String, Object> definition(String code) {
        Category category = catalog.category(code).orElseThrow(() -> DomainException.notFound("service-not-found",
                "服务代码“" + code + "”不存在，可用的服务见 GET /open311/v2/services.json"));
        Map<String, Object> values = new LinkedHashMap<>();
        List<Map<String, String>> list = new ArrayList<>();
        for (Severity s : Severity.values()) {
            list.add(Map.of("key", s.name(), "name", s.chineseLabel()));
        }
        values.put("variable", true);
        values.put("code", "severity");
        values.put("datatype", "singlevaluelist");
        values.put("required", false);
        values.put("datatype_description", "问题严重程度，默认“一般”");
        values.put("order", 1);
        values.put("description", "严重程度");
        values.put("values", list);
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", category.code());
        definition.put("attributes", List.of(values));
        return definition;
    }

    /** Files a request through intake, like every report; a repeat of an open case is linked to it. */
    @Transactional
    Map<String, Object> file(Open311Keys.Key key, Map<String, String> form) {
        String serviceCode = required(form, "service_code", "请提供 service_code（服务代码，见 services.json）");
        Category category = catalog.category(serviceCode).orElseThrow(() -> DomainException.invalid("service-code",
                "service_code“" + serviceCode + "”不存在，可用的服务见 GET /open311/v2/services.json"));
        BigDecimal lat = decimal(form, "lat");
        BigDecimal lon = decimal(form, "long");
        String address = blank(form.get("address_string"));
        if ((lat == null) != (lon == null)) {
            throw DomainException.invalid("location", "lat 和 long 需同时提供");
        }
        if (lat == null && address == null) {
            throw DomainException.invalid("location", "请提供位置：lat 和 long，或 address_string");
        }
        String description = Optional.ofNullable(blank(form.get("description"))).orElse(category.name());
        String mediaUrl = blank(form.get("media_url"));
        if (mediaUrl != null && !mediaUrl.matches("(?i)https?://\\S{1,990}")) {
            throw DomainException.invalid("media-url", "media_url 应为 http:// 或 https:// 开头的图片地址");
        }
        Severity severity = Severity.GENERAL;
        String severityValue = blank(form.get("attribute[severity]"));
        if (severityValue != null) {
            try {
                severity = Severity.valueOf(severityValue);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("attribute", "attribute[severity] 应为 GENERAL、SERIOUS 或 URGENT");
            }
        }
        String name = Stream.of(blank(form.get("last_name")), blank(form.get("first_name"))).filter(s -> s != null)
                .reduce("", String::concat);
        String phone = blank(form.get("phone"));
        String reporterId = Stream.of(blank(form.get("account_id")), blank(form.get("email")), phone,
                blank(form.get("device_id"))).filter(s -> s != null).findFirst().orElse("open311-" + key.prefix());
        String title = description.length() <= 30 ? description : description.substring(0, 30) + "…";
        ReportRequest report = new ReportRequest(category.code(), key.source(), severity, title,
                mediaUrl == null ? description : description + "\n（图片：" + mediaUrl + "）",
                new ReportRequest.Location(address != null ? address : "经纬度 " + lat + ", " + lon, lat, lon, null),
                List.of(), new ReportRequest.Reporter(limit(reporterId, 100), name.isEmpty() ? null : limit(name, 100),
                        phone == null ? null : limit(phone, 30)));
        CurrentUser gateway = new CurrentUser("open311-" + key.prefix(), key.name(), List.of(), Set.of());
        Intake.Result result = intake.reportFromGateway(report, null, gateway);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (result.linked()) {
            answer.put("service_request_id", result.link().caseNumber());
            answer.put("service_notice", "同一问题已有人反映，您的报告已并入 " + result.link().caseNumber());
        } else {
            jdbc.sql("""
                    insert into open311_request (case_id, key_id, device_id, media_url, created_at)
                    values (:caseId, :keyId, :device, :media, :at)""")
                    .param("caseId", result.receipt().id()).param("keyId", key.id())
                    .param("device", limit(blank(form.get("device_id")), 100)).param("media", mediaUrl)
                    .param("at", clock.now()).update();
            answer.put("service_request_id", result.receipt().caseNumber());
            answer.put("service_notice", "已受理，待核实后交办");
        }
        answer.put("account_id", blank(form.get("account_id")));
        return answer;
    }

    List<Map<String, Object>> requests(Map<String, String> query) {
        String ids = blank(query.get("service_request_id"));
        if (ids != null) {
            return Stream.of(ids.split(",")).map(String::strip).map(this::publicCase).flatMap(Optional::stream)
                    .map(this::request).toList();
        }
        OffsetDateTime now = clock.now();
        OffsetDateTime end = date(query.get("end_date"), "end_date").orElse(now);
        OffsetDateTime start = date(query.get("start_date"), "start_date").orElse(end.minusDays(90));
        if (!start.isBefore(end)) {
            throw DomainException.invalid("dates", "start_date 应早于 end_date");
        }
        String status = blank(query.get("status"));
        if (status != null && !Set.of("open", "closed").containsAll(List.of(status.split(",")))) {
            throw DomainException.invalid("status", "status 应为 open 或 closed");
        }
        String code = blank(query.get("service_code"));
        List<RectificationCase> found = new ArrayList<>();
        for (ReportSource source : PUBLIC) {
            for (String service : code == null ? new String[] {null} : code.split(",")) {
                found.addAll(search.search(new CaseSearch.Filter(null, null, service == null ? null : service.strip(),
                        source, null, null, null, null), 0, MAX_RESULTS, now).items());
            }
        }
        return found.stream()
                .filter(c -> !c.createdAt().isBefore(start) && c.createdAt().isBefore(end))
                .filter(c -> status == null || status.contains(statusOf(c)))
                .sorted(Comparator.comparing(RectificationCase::createdAt).reversed())
                .limit(MAX_RESULTS).map(this::request).toList();
    }

    Map<String, Object> request(String id) {
        return publicCase(id).map(this::request).orElseThrow(() -> DomainException.notFound("request-not-found",
                "服务请求“" + id + "”不存在"));
    }

    /** FixMyStreet's servicerequestupdates: steps of public requests between start_date and end_date. */
    List<Map<String, Object>> updates(Map<String, String> query) {
        OffsetDateTime start = date(query.get("start_date"), "start_date").orElseThrow(() ->
                DomainException.invalid("start-date-required", "请提供 start_date（如 2026-09-18T00:00:00+08:00）"));
        OffsetDateTime end = date(query.get("end_date"), "end_date").orElse(clock.now().plusSeconds(1));
        List<String> sources = PUBLIC.stream().map(Enum::name).toList();
        return history.updates(start, end, sources, UPDATE_ACTIONS, MAX_RESULTS).stream().map(u -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("update_id", String.valueOf(u.event().id()));
            m.put("service_request_id", u.caseNumber());
            m.put("status", Set.of("CLOSED", "REJECTED", "VOIDED").contains(u.event().action()) ? "closed" : "open");
            m.put("updated_datetime", format(u.event().occurredAt()));
            m.put("description", u.event().summary());
            m.put("external_status_code", u.event().action());
            m.put("media_url", "");
            return m;
        }).toList();
    }

    private Optional<RectificationCase> publicCase(String caseNumber) {
        return cases.findByNumber(caseNumber).filter(c -> PUBLIC.contains(c.source()));
    }

    private Map<String, Object> request(RectificationCase c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", c.caseNumber());
        r.put("status", statusOf(c));
        r.put("status_notes", statusNotes(c));
        r.put("service_name", catalog.category(c.categoryCode()).map(Category::name).orElse(c.categoryCode()));
        r.put("service_code", c.categoryCode());
        r.put("description", c.description());
        r.put("agency_responsible", c.leadUnitCode() == null ? "高新区创建办" : catalog.unitName(c.leadUnitCode()));
        r.put("service_notice", c.status() == CaseStatus.PENDING_CHECK ? "已受理，待核实后交办" : "");
        r.put("requested_datetime", format(c.createdAt()));
        r.put("updated_datetime", format(Stream.of(c.createdAt(), c.deadlineSetAt(), c.closedAt(), c.suspendedAt())
                .filter(t -> t != null).max(Comparator.naturalOrder()).orElse(c.createdAt())));
        r.put("expected_datetime", c.deadline() == null ? null : format(c.deadline()));
        r.put("address", c.address());
        r.put("lat", c.latitude());
        r.put("long", c.longitude());
        r.put("media_url", jdbc.sql("select media_url from open311_request where case_id = :id").param("id", c.id())
                .query(String.class).optional().orElse(null));
        return r;
    }

    static String statusOf(RectificationCase c) {
        return c.status().isOpen() ? "open" : "closed";
    }

    private static String statusNotes(RectificationCase c) {
        return switch (c.status()) {
            case REJECTED -> "不予立案" + (c.duplicateOf() != null ? "（与 " + c.duplicateOf() + " 重复）" : "");
            case VOIDED -> "已作废" + (c.voidReason() == null ? "" : "：" + c.voidReason());
            default -> c.status().chineseLabel();
        };
    }

    private String format(OffsetDateTime at) {
        return W3C.format(at.atZoneSameInstant(clock.zone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS));
    }

    private Optional<OffsetDateTime> date(String value, String field) {
        String text = blank(value);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.replace(' ', '+')));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(text).atStartOfDay(clock.zone()).toOffsetDateTime());
            } catch (DateTimeParseException again) {
                throw DomainException.invalid("date", field + " 应为 W3C 日期时间，如 2026-09-18T00:00:00+08:00");
            }
        }
    }

    private static BigDecimal decimal(Map<String, String> form, String field) {
        String value = blank(form.get(field));
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            BigDecimal bound = BigDecimal.valueOf("lat".equals(field) ? 90 : 180);
            if (number.abs().compareTo(bound) > 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, field + " 应为有效的" + ("lat".equals(field) ? "纬度（-90 到 90）" : "经度（-180 到 180）"));
        }
    }

    private static String required(Map<String, String> form, String field, String message) {
        String value = blank(form.get(field));
        if (value == null) {
            throw DomainException.invalid(field + "-required", message);
        }
        return value;
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
