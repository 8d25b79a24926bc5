package org.rectify.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.rectify.calendar.TimeLimitUnit;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/**
 * What the decision tables' cells mean. The code row of a table calls these with the cell's text, so that
 * the campaign office writes Chinese words ({@code 一般、较重}, {@code 工作日}, {@code 80%}, {@code 所在街道})
 * and not Java. Every function here that reads a cell has a check of the same name in {@link #check}, which
 * the rule-set build runs on each cell before anything is compiled: a wrong word is refused with its row and
 * column, never silently ignored at run time.
 *
 * <p>Lists in a cell are separated by {@code 、}, commas or spaces. An empty cell means "any" (Drools leaves
 * the condition out).
 */
public final class Cells {

    /** The words that name a unit by its relation to the case; anything else in those cells is a unit code. */
    public static final String DEPARTMENT = "行业部门";
    public static final String STREET = "所在街道";
    public static final String COMMUNITY = "所在社区";
    public static final String NONE = "无";

    private static final Pattern SEPARATORS = Pattern.compile("[、,，;；\\s]+");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_CACHED_LISTS = 10_000;
    private static final Map<String, List<String>> LISTS = new ConcurrentHashMap<>();

    private Cells() {
    }

    // ---- conditions ----

    /** The category code is one of the codes in the cell. */
    public static boolean categoryIn(String categoryCode, String cell) {
        return categoryCode != null && list(cell).contains(categoryCode);
    }

    /** The severity is one of those in the cell ({@code 一般、较重}). */
    public static boolean severityIn(Severity severity, String cell) {
        return severity != null && (list(cell).contains(severity.chineseLabel()) || list(cell).contains(severity.name()));
    }

    /** The source is one of those in the cell ({@code 省级检查、国家级检查}). */
    public static boolean sourceIn(ReportSource source, String cell) {
        return source != null && (list(cell).contains(source.chineseLabel()) || list(cell).contains(source.name()));
    }

    /** The cell's number or more ({@code 2} matches 2, 3, …). */
    public static boolean atLeast(int value, String cell) {
        return value >= count(cell);
    }

    /**
     * The unit that would lead, if it can: {@code 所在街道}, {@code 所在社区}, {@code 行业部门} or a unit code;
     * null (no match) when the case has no such unit or that unit already returned the case.
     */
    public static String lead(RoutingFacts facts, String cell) {
        String unit = unit(facts, cell.strip());
        return unit == null || facts.isExcluded(unit) ? null : unit;
    }

    // ---- conclusions ----

    /** The co-units named in the cell, those the case has; {@code 无} for none. */
    public static List<String> units(RoutingFacts facts, String cell) {
        List<String> units = new ArrayList<>();
        for (String word : list(cell)) {
            String unit = NONE.equals(word) ? null : unit(facts, word);
            if (unit != null) {
                units.add(unit);
            }
        }
        return units;
    }

    /** A positive whole number: a time limit, a count of working days. */
    public static int amount(String cell) {
        return positive(cell, 1);
    }

    /** A whole number, zero allowed. */
    public static int count(String cell) {
        return positive(cell, 0);
    }

    public static TimeLimitUnit unit(String cell) {
        return Labels.parse(TimeLimitUnit.class, cell.strip());
    }

    /** A share: {@code 80%}, {@code 0.8}, {@code 1}; between 0 and 10 (1000 %). */
    public static double share(String cell) {
        String text = cell.strip().replace('％', '%');
        double value;
        try {
            value = text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1).strip()) / 100
                    : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("“" + cell + "”不是比例，请填写如 80% 或 0.8");
        }
        if (value <= 0 || value > 10) {
            throw new IllegalArgumentException("比例“" + cell + "”超出范围，应大于 0%");
        }
        return value;
    }

    /** The cell's text with {@code {类别}} replaced by the case's category name. */
    public static String text(String cell, Object facts) {
        String category = null;
        if (facts instanceof RoutingFacts f) {
            category = f.categoryName();
        } else if (facts instanceof TimeLimitFacts f) {
            category = f.categoryName();
        } else if (facts instanceof EscalationFacts f) {
            category = f.categoryName();
        }
        return category == null ? cell : cell.replace("{类别}", category);
    }

    // ---- checks, run on every cell when a table is read ----

    private static final Map<String, Function<String, String>> CHECKS = Map.of(
            "categoryIn", cell -> each(cell, word -> CODE.matcher(word).matches() ? null
                    : "“" + word + "”不是类别代码（类别代码由字母、数字和下划线组成，如 STREET_VENDING，见类别管理）"),
            "severityIn", cell -> each(cell, word -> Labels.isLabelOf(Severity.class, word) ? null
                    : "“" + word + "”不是严重程度，可填：" + Labels.labels(Severity.class)),
            "sourceIn", cell -> each(cell, word -> Labels.isLabelOf(ReportSource.class, word) ? null
                    : "“" + word + "”不是问题来源，可填：" + Labels.labels(ReportSource.class)),
            "lead", cell -> unitWord(cell.strip()),
            "units", cell -> each(cell, word -> NONE.equals(word) ? null : unitWord(word)),
            "amount", cell -> attempt(() -> amount(cell)),
            "count", cell -> attempt(() -> count(cell)),
            "atLeast", cell -> attempt(() -> count(cell)),
            "unit", cell -> Labels.isLabelOf(TimeLimitUnit.class, cell.strip()) ? null
                    : "“" + cell + "”不是时限单位，可填：" + Labels.labels(TimeLimitUnit.class),
            "share", cell -> attempt(() -> share(cell)));

    /**
     * Whether the cell holds something the named function understands: null if it does, else a Chinese
     * sentence saying what is wrong and what may be written. Functions without a check accept any text
     * ({@link #text}).
     */
    static String check(String function, String cell) {
        if (cell.indexOf('\\') >= 0) {
            return "单元格中不能有反斜杠 \\";
        }
        Function<String, String> check = CHECKS.get(function);
        return check == null ? null : check.apply(cell);
    }

    static Set<String> checkedFunctions() {
        return CHECKS.keySet();
    }

    private static String each(String cell, Function<String, String> check) {
        if (list(cell).isEmpty()) {
            return "单元格是空的";
        }
        return list(cell).stream().map(check).filter(message -> message != null).findFirst().orElse(null);
    }

    private static String attempt(Runnable parse) {
        try {
            parse.run();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String unitWord(String word) {
        return word.equals(DEPARTMENT) || word.equals(STREET) || word.equals(COMMUNITY)
                || CODE.matcher(word).matches() ? null
                : "“" + word + "”不是单位，可填：" + DEPARTMENT + "、" + STREET + "、" + COMMUNITY + "，或单位代码（如 cgj）";
    }

    private static String unit(RoutingFacts facts, String word) {
        return switch (word) {
            case DEPARTMENT -> facts.categoryDefaultUnit();
            case STREET -> facts.streetUnit();
            case COMMUNITY -> facts.communityUnit();
            default -> word;
        };
    }

    private static int positive(String cell, int min) {
        String text = cell.strip();
        if (text.endsWith(".0")) {
            text = text.substring(0, text.length() - 2);
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("“" + cell + "”不是整数，请只填阿拉伯数字（如 3）");
        }
        if (value < min || value > 10_000) {
            throw new IllegalArgumentException("“" + cell + "”超出范围，应为 " + min + " 到 10000 之间的整数");
        }
        return value;
    }

    /** The words of a list cell, in order, without repeats; parsed once per distinct cell text. */
    static List<String> list(String cell) {
        List<String> cached = LISTS.get(cell);
        if (cached != null) {
            return cached;
        }
        Set<String> words = new LinkedHashSet<>();
        Arrays.stream(SEPARATORS.split(cell.strip())).filter(w -> !w.isEmpty()).forEach(words::add);
        List<String> list = List.copyOf(words);
        if (LISTS.size() >= MAX_CACHED_LISTS) {
            LISTS.clear();
        }
        LISTS.put(cell, list);
        return list;
    }
}
