package org.rectify.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rectify.escalation.LadderStage;

/**
 * What the ledger shows, as the page's query string says it. Parsing is lenient: a value that does not fit is
 * dropped with a warning the page shows, so an old or hand-edited link still opens.
 */
public record LedgerFilter(String status, String unit, String street, String category, String source,
        String campaign, String overdue, String stage, LocalDate from, LocalDate to, LocalDate closedFrom, LocalDate closedTo,
        String q, String sort, String dir, int page, int size, List<String> warnings) {

    /** All open cases, whatever their step. */
    public static final String OPEN = "OPEN";
    /** Cases no ladder step has reached. */
    public static final String NO_STAGE = "NONE";
    static final Set<String> SORTS = Set.of("created", "deadline", "closed", "number");
    static final List<Integer> SIZES = List.of(20, 50, 100);

    static LedgerFilter parse(Map<String, String> params) {
        List<String> warnings = new ArrayList<>();
        String status = Texts.blankToNull(params.get("status"));
        if (status != null && !status.equals(OPEN) && Texts.status(status).isEmpty()) {
            warnings.add("状态“" + status + "”不存在，已忽略");
            status = null;
        }
        String overdue = Texts.blankToNull(params.get("overdue"));
        if (overdue != null && !Set.of("yes", "no", "today").contains(overdue)) {
            warnings.add("超期条件“" + overdue + "”无效，已忽略");
            overdue = null;
        }
        String stage = Texts.blankToNull(params.get("stage"));
        if (stage != null && !stage.equals(NO_STAGE) && LadderStage.parse(stage) == null) {
            warnings.add("督办阶段“" + stage + "”不存在，已忽略");
            stage = null;
        } else if (stage != null && !stage.equals(NO_STAGE)) {
            stage = LadderStage.parse(stage).name();
        }
        String campaign = Texts.blankToNull(params.get("campaign"));
        if (campaign != null && !campaign.matches("\\d{1,18}")) {
            warnings.add("专项行动“" + campaign + "”不存在，已忽略");
            campaign = null;
        }
        String sort = Texts.blankToNull(params.get("sort"));
        if (sort != null && !SORTS.contains(sort)) {
            sort = null;
        }
        String dir = "asc".equals(params.get("dir")) ? "asc" : "desc";
        String q = Texts.blankToNull(params.get("q"));
        if (q != null && q.length() > 100) {
            q = q.substring(0, 100);
            warnings.add("关键字过长，只按前 100 个字查询");
        }
        int size = parseInt(params.get("size"), 20);
        if (!SIZES.contains(size)) {
            size = 20;
        }
        return new LedgerFilter(status, Texts.blankToNull(params.get("unit")), Texts.blankToNull(params.get("street")),
                Texts.blankToNull(params.get("category")), Texts.blankToNull(params.get("source")),
                campaign, overdue, stage,
                date(params.get("from"), "上报日期（起）", warnings), date(params.get("to"), "上报日期（止）", warnings),
                date(params.get("closedFrom"), "销号日期（起）", warnings),
                date(params.get("closedTo"), "销号日期（止）", warnings),
                q, sort == null ? "created" : sort, dir, Math.max(1, parseInt(params.get("page"), 1)), size,
                List.copyOf(warnings));
    }

    private static LocalDate date(String value, String what, List<String> warnings) {
        String text = Texts.blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            warnings.add(what + "“" + text + "”不是有效日期（格式如 2026-11-03），已忽略");
            return null;
        }
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The query string of this filter (without paging), for links and the export. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "q", q);
        put(p, "status", status);
        put(p, "unit", unit);
        put(p, "street", street);
        put(p, "category", category);
        put(p, "source", source);
        put(p, "campaign", campaign);
        put(p, "overdue", overdue);
        put(p, "stage", stage);
        put(p, "from", from == null ? null : from.toString());
        put(p, "to", to == null ? null : to.toString());
        put(p, "closedFrom", closedFrom == null ? null : closedFrom.toString());
        put(p, "closedTo", closedTo == null ? null : closedTo.toString());
        return p;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    private static String query(Map<String, String> p) {
        return p.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public boolean isFiltered() {
        return !parameters().isEmpty();
    }

    public String pageUrl(int page) {
        Map<String, String> p = ordered();
        p.put("size", Integer.toString(size));
        p.put("page", Integer.toString(page));
        return "/console/ledger?" + query(p);
    }

    /** Sorting by a column: a second click on the same column turns the order round. */
    public String sortUrl(String column) {
        Map<String, String> p = parameters();
        p.put("sort", column);
        p.put("dir", column.equals(sort) && "desc".equals(dir) ? "asc" : "desc");
        p.put("size", Integer.toString(size));
        return "/console/ledger?" + query(p);
    }

    public String sizeUrl(int newSize) {
        Map<String, String> p = ordered();
        p.put("size", Integer.toString(newSize));
        return "/console/ledger?" + query(p);
    }

    public String exportUrl() {
        return "/console/ledger.xlsx?" + query(ordered());
    }

    /** The filter with its order; sort and dir are never null after {@link #parse}. */
    private Map<String, String> ordered() {
        Map<String, String> p = parameters();
        p.put("sort", sort);
        p.put("dir", dir);
        return p;
    }

    public String sortMark(String column) {
        return column.equals(sort) ? ("asc".equals(dir) ? "▲" : "▼") : "";
    }

    public String fromText() {
        return from == null ? "" : from.toString();
    }

    public String toText() {
        return to == null ? "" : to.toString();
    }

    public String closedFromText() {
        return closedFrom == null ? "" : closedFrom.toString();
    }

    public String closedToText() {
        return closedTo == null ? "" : closedTo.toString();
    }

    public List<Integer> sizes() {
        return SIZES;
    }
}
