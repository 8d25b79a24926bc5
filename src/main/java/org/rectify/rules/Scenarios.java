package org.rectify.rules;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The scenario tests of a rule set: tables under {@code rules/tests/} (CSV or XLSX, one file per decision,
 * named after it: {@code tests/time-limits.csv}) in which each row gives the facts of one case and the
 * decision expected for it. Headers are the Chinese field names of {@link Decisions}: the facts' columns
 * ({@code 类别代码}, {@code 严重程度} …), {@code 期望} + an answer's column ({@code 期望时限}, {@code 期望牵头单位}),
 * {@code 期望规则} (rule names that must fire, separated by line breaks or {@code ；}) and {@code 场景} (the
 * scenario's name). An empty expected cell is not checked; a row whose first cell starts with {@code #} is a
 * comment.
 */
final class Scenarios {

    static final String NAME = "场景";
    static final String EXPECT = "期望";
    static final String EXPECT_RULES = "期望规则";
    private static final Pattern TIME_LIMIT = Pattern.compile("(\\d+)\\s*个?\\s*(工作日|工作时|自然小时)");

    /** One scenario's outcome; {@code failures} say in Chinese what differed. */
    record Result(String file, int row, String name, String decision, boolean passed, List<String> failures,
            List<String> firedRules) {

        RuleSetProblem asProblem() {
            return new RuleSetProblem(file, "第" + row + "行「" + name + "」", String.join("；", failures));
        }
    }

    /** All scenarios of a rule set, run against one compiled set. */
    record Report(String version, int total, int passed, List<Result> failed, List<RuleSetProblem> problems,
            List<CompiledRuleSet.RuleSource> rulesNeverFired) {

        boolean allPassed() {
            return failed.isEmpty() && problems.isEmpty();
        }

        /** File problems and failed scenarios, as the gate reports them. */
        List<RuleSetProblem> asProblems() {
            List<RuleSetProblem> all = new ArrayList<>(problems);
            failed.forEach(result -> all.add(result.asProblem()));
            return all;
        }
    }

    private Scenarios() {
    }

    static Report run(CompiledRuleSet ruleSet) {
        RuleSetFiles files = ruleSet.files();
        List<RuleSetProblem> problems = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        Map<String, Set<String>> fired = new TreeMap<>();
        for (String path : files.scenarioFiles()) {
            String decisionName = RuleSetFiles.decisionOf(path);
            Decisions.Decision decision = Decisions.named(decisionName).orElse(null);
            if (decision == null) {
                problems.add(new RuleSetProblem(path, "", "没有名为“" + decisionName + "”的决策，场景文件名应为决策名，可用："
                        + Decisions.all().stream().map(Decisions.Decision::name).collect(Collectors.joining("、"))));
                continue;
            }
            if (!ruleSet.decisions().contains(decisionName)) {
                problems.add(new RuleSetProblem(path, "", "规则集中没有决策“" + decisionName + "”的规则文件"));
                continue;
            }
            List<List<String>> rows;
            try {
                rows = Sheets.read(path, files.bytes(path));
            } catch (RuleSetException e) {
                problems.addAll(e.problems());
                continue;
            }
            runFile(ruleSet, path, decision, rows, problems, results);
        }
        results.forEach(r -> fired.computeIfAbsent(r.decision(), d -> new HashSet<>()).addAll(r.firedRules()));
        List<CompiledRuleSet.RuleSource> neverFired = ruleSet.rules().stream()
                .filter(rule -> !fired.getOrDefault(rule.decision(), Set.of()).contains(rule.rule())).toList();
        List<Result> failed = results.stream().filter(r -> !r.passed()).toList();
        return new Report(ruleSet.shortVersion(), results.size(), results.size() - failed.size(), failed, problems,
                neverFired);
    }

    private static void runFile(CompiledRuleSet ruleSet, String path, Decisions.Decision decision, List<List<String>> rows,
            List<RuleSetProblem> problems, List<Result> results) {
        int headerIndex = 0;
        while (headerIndex < rows.size() && rows.get(headerIndex).stream().allMatch(String::isEmpty)) {
            headerIndex++;
        }
        if (headerIndex == rows.size()) {
            problems.add(new RuleSetProblem(path, "", "文件是空的"));
            return;
        }
        List<String> headers = rows.get(headerIndex);
        Map<Integer, String> facts = new LinkedHashMap<>();
        Map<Integer, String> expected = new LinkedHashMap<>();
        int nameColumn = -1;
        int rulesColumn = -1;
        for (int c = 0; c < headers.size(); c++) {
            String header = headers.get(c).strip();
            if (header.isEmpty() || header.startsWith("#") || header.startsWith("备注")) {
                continue;
            }
            if (header.equals(NAME) || header.equals("场景名称")) {
                nameColumn = c;
            } else if (header.equals(EXPECT_RULES) || header.equals("期望触发规则")) {
                rulesColumn = c;
            } else if (header.startsWith(EXPECT) && component(decision.answerColumns(), decision.answerType(),
                    header.substring(EXPECT.length())) != null) {
                expected.put(c, component(decision.answerColumns(), decision.answerType(), header.substring(EXPECT.length())));
            } else if (component(decision.factColumns(), decision.factsType(), header) != null) {
                facts.put(c, component(decision.factColumns(), decision.factsType(), header));
            } else {
                problems.add(new RuleSetProblem(path, "第" + (headerIndex + 1) + "行 " + Sheets.columnName(c) + "列",
                        "无法识别的列名“" + header + "”。可用的列：" + NAME + "、"
                                + String.join("、", decision.factColumns().keySet()) + "、"
                                + decision.answerColumns().keySet().stream().map(k -> EXPECT + k).collect(Collectors.joining("、"))
                                + "、" + EXPECT_RULES + "（以“备注”开头的列不参与测试）"));
                return;
            }
        }
        if (expected.isEmpty() && rulesColumn < 0) {
            problems.add(new RuleSetProblem(path, "第" + (headerIndex + 1) + "行", "没有任何“期望…”列，场景无从检查"));
            return;
        }
        for (int r = headerIndex + 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isEmpty) || cell(row, 0).startsWith("#")) {
                continue;
            }
            int sheetRow = r + 1;
            String name = nameColumn >= 0 && !cell(row, nameColumn).isEmpty() ? cell(row, nameColumn) : "第" + sheetRow + "行";
            results.add(runRow(ruleSet, path, sheetRow, name, decision, row, facts, expected, rulesColumn));
        }
    }

    private static Result runRow(CompiledRuleSet ruleSet, String path, int sheetRow, String name, Decisions.Decision decision,
            List<String> row, Map<Integer, String> factColumns, Map<Integer, String> expected, int rulesColumn) {
        List<String> failures = new ArrayList<>();
        Object facts;
        try {
            facts = buildFacts(decision, row, factColumns);
        } catch (IllegalArgumentException e) {
            return new Result(path, sheetRow, name, decision.name(), false, List.of("事实填写有误：" + e.getMessage()), List.of());
        }
        RuleOutcome<?> outcome;
        try {
            outcome = ruleSet.decide(decision.name(), facts, decision.answerType());
        } catch (RuntimeException e) {
            return new Result(path, sheetRow, name, decision.name(), false,
                    List.of("规则没有给出唯一的结论（" + e.getMessage() + "）"), List.of());
        }
        Object answer = outcome.decision();
        for (Map.Entry<Integer, String> column : expected.entrySet()) {
            String cell = cell(row, column.getKey());
            if (cell.isEmpty()) {
                continue;
            }
            String failure = compare(decision, answer, column.getValue(), cell);
            if (failure != null) {
                failures.add(failure);
            }
        }
        if (rulesColumn >= 0 && !cell(row, rulesColumn).isEmpty()) {
            for (String rule : cell(row, rulesColumn).split("[\\n；;]+")) {
                if (!rule.isBlank() && !outcome.firedRules().contains(rule.strip())) {
                    failures.add("期望触发规则“" + rule.strip() + "”，但它没有触发");
                }
            }
        }
        if (!failures.isEmpty()) {
            failures.add("实际触发的规则：" + (outcome.firedRules().isEmpty() ? "无" : String.join("、", outcome.firedRules())));
        }
        return new Result(path, sheetRow, name, decision.name(), failures.isEmpty(), failures, outcome.firedRules());
    }

    /** The facts record of a row: its canonical constructor with each component read from its column. */
    static Object buildFacts(Decisions.Decision decision, List<String> row, Map<Integer, String> factColumns) {
        Map<String, String> values = new LinkedHashMap<>();
        factColumns.forEach((column, component) -> values.put(component, cell(row, column)));
        RecordComponent[] components = decision.factsType().getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String text = values.getOrDefault(component.getName(), "");
            if (text.isEmpty()) {
                text = decision.defaults().getOrDefault(component.getName(), "");
            }
            if (text.isEmpty() && component.getName().equals("categoryName")) {
                text = values.getOrDefault("categoryCode", "");
            }
            text = decision.aliases().getOrDefault(text, text);
            try {
                arguments[i] = convert(component.getGenericType(), text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("“" + decision.factColumnOf(component.getName()) + "”：" + e.getMessage());
            }
        }
        try {
            Constructor<?> constructor = decision.factsType().getDeclaredConstructor(
                    java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + decision.factsType().getSimpleName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Type type, String text) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return text.isEmpty() ? null : text;
        }
        if (raw == int.class) {
            return text.isEmpty() ? 0 : Cells.count(text);
        }
        if (raw == Integer.class) {
            // an optional number: empty means unknown (a distance without coordinates)
            return text.isEmpty() ? null : Cells.count(text);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (text.isEmpty() || text.equals("否") || text.equalsIgnoreCase("false")) {
                return false;
            }
            if (text.equals("是") || text.equalsIgnoreCase("true")) {
                return true;
            }
            throw new IllegalArgumentException("“" + text + "”应填“是”或“否”");
        }
        if (raw == BigDecimal.class) { // points, which may be negative (a deduction)
            try {
                return new BigDecimal(text.isEmpty() ? "0" : text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("“" + text + "”不是数值，请填写如 -3 或 0.5");
            }
        }
        if (raw == double.class || raw == Double.class) {
            return text.isEmpty() ? 0.0 : Cells.share(text);
        }
        if (raw == java.time.OffsetDateTime.class) {
            return text.isEmpty() ? null : instant(text);
        }
        if (raw.isEnum()) {
            return text.isEmpty() ? null : Labels.parse((Class<Enum>) raw, text);
        }
        if (Set.class.isAssignableFrom(raw)) {
            return text.isEmpty() || text.equals(Cells.NONE) ? Set.of() : new LinkedHashSet<>(Cells.list(text));
        }
        if (List.class.isAssignableFrom(raw)) {
            return text.isEmpty() || text.equals(Cells.NONE) ? List.of() : Cells.list(text);
        }
        throw new IllegalArgumentException("不支持的字段类型 " + raw.getSimpleName());
    }

    /**
     * A date or time in a scenario: {@code 2026-05-31} is the end of that day in Beijing time (as a clearance date
     * is meant), {@code 2026-05-31 18:00} a time on it, or a full ISO time with its offset.
     */
    private static java.time.OffsetDateTime instant(String text) {
        java.time.ZoneId beijing = java.time.ZoneId.of("Asia/Shanghai");
        try {
            if (text.length() == 10) {
                return java.time.LocalDate.parse(text).atTime(23, 59, 59).atZone(beijing).toOffsetDateTime();
            }
            if (text.length() == 16) {
                return java.time.LocalDateTime.parse(text.replace(' ', 'T')).atZone(beijing).toOffsetDateTime();
            }
            return java.time.OffsetDateTime.parse(text).atZoneSameInstant(beijing).toOffsetDateTime();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("“" + text + "”不是日期，应写作 2026-05-31 或 2026-05-31 18:00");
        }
    }

    /** Null if the answer's component matches the expected cell, else what differed. */
    private static String compare(Decisions.Decision decision, Object answer, String component, String cell) {
        String column = decision.answerColumns().entrySet().stream().filter(e -> e.getValue().equals(component))
                .map(Map.Entry::getKey).findFirst().orElse(component);
        Object actual = value(answer, component);
        if (answer instanceof TimeLimitDecision limit && component.equals("amount")) {
            Matcher full = TIME_LIMIT.matcher(cell.replace(" ", ""));
            if (full.matches()) {
                String expected = Integer.parseInt(full.group(1)) + "个" + full.group(2);
                return expected.equals(limit.describe()) ? null
                        : EXPECT + column + " " + expected + "，实际 " + limit.describe();
            }
        }
        RecordComponent recordComponent = java.util.Arrays.stream(answer.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(component)).findFirst().orElseThrow();
        if (actual instanceof String text && component.equals("reason")) {
            return text.contains(cell) ? null : EXPECT + column + "包含“" + cell + "”，实际为“" + text + "”";
        }
        Object expected;
        try {
            expected = convert(recordComponent.getGenericType(), cell);
        } catch (IllegalArgumentException e) {
            return EXPECT + column + "写法有误：" + e.getMessage();
        }
        boolean same;
        if (actual instanceof BigDecimal a && expected instanceof BigDecimal e) {
            same = a.compareTo(e) == 0;
        } else if (actual instanceof Double a && expected instanceof Double e) {
            same = Math.abs(a - e) < 1e-9;
        } else if (actual instanceof Collection<?> a && expected instanceof Collection<?> e) {
            same = new HashSet<>(a).equals(new HashSet<>(e));
        } else {
            same = Objects.equals(actual, expected);
        }
        return same ? null : EXPECT + column + " " + display(expected) + "，实际 " + display(actual);
    }

    private static Object value(Object record, String component) {
        try {
            return record.getClass().getMethod(component).invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String display(Object value) {
        if (value == null) {
            return "（空）";
        }
        if (value instanceof Enum<?> e) {
            return Labels.label(e);
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? Cells.NONE : c.stream().map(String::valueOf).collect(Collectors.joining("、"));
        }
        if (value instanceof BigDecimal points) {
            return points.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double d) {
            double percent = Math.round(d * 1000) / 10.0;
            return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
        }
        return String.valueOf(value);
    }

    private static String component(Map<String, String> columns, Class<? extends Record> type, String header) {
        String h = header.strip();
        if (columns.containsKey(h)) {
            return columns.get(h);
        }
        return java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> name.equals(h)).findFirst().orElse(null);
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() && row.get(column) != null ? row.get(column).strip() : "";
    }
}
