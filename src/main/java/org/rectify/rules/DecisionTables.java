package org.rectify.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a decision table in Drools' layout (XLSX/XLS first sheet, or CSV) into DRL, with what Drools' own converter
 * does not give: every cell checked against {@link Cells} before anything compiles, a rule name required on every
 * row, compile errors mapped back to the row that caused them, and a {@code Precondition} property whose patterns
 * head every row's conditions (so a row that leaves every condition empty, "all other cases", still only matches
 * its own facts and only while no decision exists).
 *
 * <p>The layout is Drools' own (RuleSet, Import, Sequential, RuleTable, then the rows of column types, object types,
 * code and labels, then one row per rule until an empty row); the labels row holds the Chinese column headers the
 * campaign office reads. See {@code rules/README.md}. The DRL is written here from the cells (read with Apache POI or
 * as CSV), not by Drools' template internals, so that a Drools upgrade cannot change what a table means; only the
 * part of the layout the rules use is supported (NAME, CONDITION, ACTION, PRIORITY, DESCRIPTION columns; object types
 * merged across conditions bind them into one pattern; {@code $param} in the code row), and anything else is
 * refused with the cell named.
 */
final class DecisionTables {

    static final String PRECONDITION = "Precondition";
    private static final Pattern CELL_FUNCTION = Pattern.compile("Cells\\.(\\w+)\\s*\\([^\"]*\"\\$param\"");
    private static final Pattern RULE_VALUES_AT = Pattern.compile("^\\s*//\\s*rule values at ([A-Z]+)(\\d+)");
    private static final Pattern BINDING = Pattern.compile("^\\s*\\$\\w+\\s*:");
    private static final Pattern NUMBERED_PARAM = Pattern.compile("\\$(\\d+)");
    private static final int MAX_SALIENCE = 65535;
    /** The keywords read outside a rule table (lower case), Drools' and ours. */
    private static final Set<String> PROPERTY_KEYS = Set.of("ruleset", "import", "variables", "functions", "queries",
            "declare", "sequential", "sequentialmaxpriority", "escapequotes", "dialect", "notes", "precondition", "说明");
    private static final Set<String> COLUMN_TYPES = Set.of("NAME", "CONDITION", "ACTION", "PRIORITY", "DESCRIPTION");

    /** The DRL a table became, which rule stands on which row, and what is wrong with the table. */
    record Converted(String path, String drl, Map<String, Integer> rowsByRule, int[] rowOfLine,
            List<RuleSetProblem> problems) {

        /** The spreadsheet row a line of the generated DRL belongs to, 0 if none. */
        int rowOf(int drlLine) {
            return drlLine >= 1 && drlLine < rowOfLine.length ? rowOfLine[drlLine] : 0;
        }
    }

    private DecisionTables() {
    }

    static Converted convert(String path, byte[] content) {
        List<List<String>> rows;
        List<int[]> merges;
        try {
            rows = new ArrayList<>(Sheets.read(path, content));
            merges = Sheets.isWorkbook(path) ? Sheets.mergedRegions(path, content) : csvMerges(rows);
        } catch (RuleSetException e) {
            return new Converted(path, "", Map.of(), new int[0], e.problems());
        }
        return new Table(path, rows, merges).convert();
    }

    /** CSV marks merged cells as Drools' CSV reader does: a run of cells ending in "..." is one cell. */
    private static List<int[]> csvMerges(List<List<String>> rows) {
        List<int[]> merges = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = new ArrayList<>(rows.get(r));
            int start = -1;
            for (int c = 0; c <= row.size(); c++) {
                boolean marked = c < row.size() && row.get(c).endsWith("...");
                if (marked) {
                    row.set(c, row.get(c).substring(0, row.get(c).length() - 3).strip());
                    if (start < 0) {
                        start = c;
                    }
                } else if (start >= 0) {
                    merges.add(new int[] {r, r, start, c - 1});
                    start = -1;
                }
            }
            rows.set(r, row);
        }
        return merges;
    }

    /** One sheet being read: its properties, its rule tables, and what is wrong with them. */
    private static final class Table {

        private final String path;
        private final List<List<String>> rows;
        private final List<int[]> merges;
        private final List<RuleSetProblem> problems = new ArrayList<>();
        private final Map<String, List<String>> properties = new LinkedHashMap<>();
        private final Map<String, Integer> rowsByRule = new LinkedHashMap<>();
        private final StringBuilder rules = new StringBuilder();
        private int salience = MAX_SALIENCE;

        Table(String path, List<List<String>> rows, List<int[]> merges) {
            this.path = path;
            this.rows = rows;
            this.merges = merges;
        }

        Converted convert() {
            boolean tableEnded = false;
            int r = 0;
            while (r < rows.size()) {
                int tableColumn = ruleTableColumn(r);
                if (tableColumn >= 0) {
                    r = ruleTable(r, tableColumn);
                    tableEnded = true;
                    continue;
                }
                String key = cell(r, 0).toLowerCase(Locale.ROOT);
                if (PROPERTY_KEYS.contains(key)) {
                    properties.computeIfAbsent(key, k -> new ArrayList<>()).add(cell(r, 1));
                } else if (tableEnded && !blank(r, 0)) {
                    problem(r, "这一行在空行下面，不属于规则表，不会生效：规则表中间不能有空行，请删除空行");
                }
                r++;
            }
            if (rowsByRule.isEmpty() && problems.isEmpty()) {
                problems.add(new RuleSetProblem(path, "", "表中没有找到规则表（RuleTable 开头的一行及其下的规则行）"));
            }
            String drl = header() + rules;
            return new Converted(path, drl, rowsByRule, rowOfLines(drl), problems);
        }

        /** Reads the rule table whose keyword is at (r, c0); returns the first row after it. */
        private int ruleTable(int r, int c0) {
            int header = r + 1;
            int last = c0;
            for (int c = c0; header < rows.size() && c < rows.get(header).size(); c++) {
                if (!cell(header, c).isEmpty()) {
                    last = c;
                }
            }
            if (r + 4 >= rows.size()) {
                problem(r, "规则表的表头不完整：RuleTable 下面应依次是列类型、对象类型、代码、列名四行");
                return rows.size();
            }
            List<Integer> columns = new ArrayList<>();
            for (int c = c0; c <= last; c++) {
                String type = cell(header, c).toUpperCase(Locale.ROOT);
                if (type.isEmpty()) {
                    continue;
                }
                if (!COLUMN_TYPES.contains(type)) {
                    problems.add(new RuleSetProblem(path, "单元格 " + Sheets.columnName(c) + (header + 1),
                            "决策表的格式不对：不支持的列类型“" + cell(header, c) + "”（可用 NAME、CONDITION、ACTION、PRIORITY、DESCRIPTION）"));
                    continue;
                }
                columns.add(c);
            }
            int data = r + 5;
            while (data < rows.size() && !blank(data, c0)) {
                rule(r, c0, columns, data);
                data++;
            }
            return data;
        }

        private void rule(int tableRow, int c0, List<Integer> columns, int r) {
            int header = tableRow + 1;
            int objects = tableRow + 2;
            int code = tableRow + 3;
            int sheetRow = r + 1;
            boolean escape = !"false".equalsIgnoreCase(single("escapequotes"));
            String name = null;
            Integer priority = null;
            List<String> when = new ArrayList<>();
            List<String> then = new ArrayList<>();
            String precondition = single("precondition");
            if (precondition != null && !precondition.isBlank()) {
                when.add(precondition.strip());
            }
            String openPattern = null;
            int patternEnd = -1;
            List<String> constraints = new ArrayList<>();
            for (int c : columns) {
                String type = cell(header, c).toUpperCase(Locale.ROOT);
                String value = cell(r, c);
                String snippet = cell(code, c);
                if (!type.equals("CONDITION") && openPattern != null) {
                    closePattern(openPattern, constraints, when);
                    openPattern = null;
                }
                switch (type) {
                    case "NAME" -> name = value.isEmpty() ? null : value;
                    case "PRIORITY" -> {
                        if (!value.isEmpty()) {
                            try {
                                priority = Integer.parseInt(value);
                            } catch (NumberFormatException e) {
                                problem(r, label(tableRow, c), "优先级必须是整数");
                            }
                        }
                    }
                    case "CONDITION" -> {
                        checkCell(tableRow, r, c, value, snippet, BINDING.matcher(snippet).find());
                        if (openPattern != null && c > patternEnd) {
                            closePattern(openPattern, constraints, when);
                            openPattern = null;
                        }
                        String object = cell(objects, c);
                        if (openPattern == null && !object.isEmpty()) {
                            openPattern = object;
                            patternEnd = mergeEnd(objects, c);
                        }
                        if (!value.isEmpty()) {
                            if (openPattern != null) {
                                constraints.add(render(snippet, value, escape));
                            } else {
                                when.add(render(snippet, value, escape));
                            }
                        }
                    }
                    case "ACTION" -> {
                        checkCell(tableRow, r, c, value, snippet, true);
                        if (!value.isEmpty()) {
                            then.add(render(snippet, value, escape));
                        }
                    }
                    default -> {
                        // DESCRIPTION: for the reader only
                    }
                }
            }
            if (openPattern != null) {
                closePattern(openPattern, constraints, when);
            }
            if (name == null) {
                problem(r, "没有填写规则名称：规则名称就是单位看到的解释，每一行都要写（如“时限 - 一般问题”）");
                name = cell(tableRow, c0) + "_" + sheetRow;
            } else if (rowsByRule.containsKey(name)) {
                problem(r, "规则名称“" + name + "”与第" + rowsByRule.get(name) + "行重复，每条规则的名称必须不同");
            } else {
                rowsByRule.put(name, sheetRow);
            }
            boolean sequential = "true".equalsIgnoreCase(single("sequential"));
            rules.append("// rule values at ").append(Sheets.columnName(c0)).append(sheetRow).append(", header at ")
                    .append(Sheets.columnName(c0)).append(tableRow + 1).append('\n');
            rules.append("rule \"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
            if (priority != null) {
                rules.append("\tsalience ").append(priority).append('\n');
            } else if (sequential) {
                rules.append("\tsalience ").append(salience--).append('\n');
            }
            rules.append("\twhen\n");
            when.forEach(line -> rules.append("\t\t").append(line).append('\n'));
            rules.append("\tthen\n");
            then.forEach(line -> rules.append("\t\t").append(line).append('\n'));
            rules.append("end\n\n");
        }

        /** A pattern is written only when at least one of its conditions has a value (Drools' rule, too). */
        private static void closePattern(String object, List<String> constraints, List<String> when) {
            if (!constraints.isEmpty()) {
                when.add(object + "(" + String.join(", ", constraints) + ")");
            }
            constraints.clear();
        }

        /** Checks a data cell against the function its column's code calls, and that a required cell is filled. */
        private void checkCell(int tableRow, int r, int c, String value, String snippet, boolean required) {
            if (value.isEmpty()) {
                if (required && !snippet.isEmpty()) {
                    problem(r, label(tableRow, c), "这一列每行都必须填写");
                }
                return;
            }
            Matcher function = CELL_FUNCTION.matcher(snippet);
            while (function.find()) {
                String message = Cells.check(function.group(1), value);
                if (message != null) {
                    problem(r, label(tableRow, c), message);
                    return;
                }
            }
        }

        private String header() {
            StringBuilder drl = new StringBuilder();
            String ruleSet = single("ruleset");
            drl.append("package ").append(ruleSet == null || ruleSet.isBlank() ? "rectify.table" : ruleSet.strip())
                    .append(";\n// generated by Rectify: decision table\n");
            String dialect = single("dialect");
            if (dialect != null && !dialect.isBlank()) {
                drl.append("dialect \"").append(dialect.strip()).append("\"\n");
            }
            for (String imports : properties.getOrDefault("import", List.of())) {
                for (String type : imports.split(",")) {
                    if (!type.isBlank()) {
                        drl.append("import ").append(type.strip()).append(";\n");
                    }
                }
            }
            for (String variables : properties.getOrDefault("variables", List.of())) {
                for (String global : variables.split(",")) {
                    if (!global.isBlank()) {
                        drl.append("global ").append(global.strip()).append(";\n");
                    }
                }
            }
            for (String key : List.of("functions", "declare", "queries")) {
                properties.getOrDefault(key, List.of()).forEach(text -> drl.append(text).append('\n'));
            }
            return drl.append('\n').toString();
        }

        private String single(String key) {
            List<String> values = properties.get(key);
            return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
        }

        /** The last column of the merged cell starting at (r, c), or c itself. */
        private int mergeEnd(int r, int c) {
            for (int[] merge : merges) {
                if (merge[0] <= r && r <= merge[1] && merge[2] == c) {
                    return merge[3];
                }
            }
            return c;
        }

        private int ruleTableColumn(int r) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String lower = row.get(c).toLowerCase(Locale.ROOT);
                if (lower.equals("ruletable") || lower.startsWith("ruletable ")) {
                    return c;
                }
            }
            return -1;
        }

        private String label(int tableRow, int column) {
            String label = cell(tableRow + 4, column);
            return "“" + (label.isEmpty() ? "第" + Sheets.columnName(column) + "列" : label) + "”";
        }

        private void problem(int r, String message) {
            problems.add(new RuleSetProblem(path, "第" + (r + 1) + "行", message));
        }

        private void problem(int r, String label, String message) {
            problems.add(new RuleSetProblem(path, "第" + (r + 1) + "行" + label, message));
        }

        private boolean blank(int r, int from) {
            List<String> row = rows.get(r);
            for (int c = from; c < row.size(); c++) {
                if (!row.get(c).isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        private String cell(int r, int c) {
            if (r < 0 || r >= rows.size()) {
                return "";
            }
            List<String> row = rows.get(r);
            return c < row.size() && row.get(c) != null ? row.get(c).strip() : "";
        }
    }

    /**
     * The code with the cell's value in place of {@code $param} (or of {@code $1}, {@code $2}… for a comma-separated
     * value); quotes in the value are escaped unless the sheet says {@code EscapeQuotes false}.
     */
    static String render(String snippet, String value, boolean escapeQuotes) {
        String text = escapeQuotes ? value.replace("\"", "\\\"") : value;
        if (snippet.contains("$param")) {
            return snippet.replace("$param", text);
        }
        Matcher numbered = NUMBERED_PARAM.matcher(snippet);
        if (numbered.find()) {
            String[] parts = text.split(",");
            StringBuilder out = new StringBuilder();
            numbered.reset();
            while (numbered.find()) {
                int index = Integer.parseInt(numbered.group(1)) - 1;
                String part = index >= 0 && index < parts.length ? parts[index].strip() : "";
                numbered.appendReplacement(out, Matcher.quoteReplacement(part));
            }
            numbered.appendTail(out);
            return out.toString();
        }
        return snippet;
    }

    private static int[] rowOfLines(String drl) {
        String[] lines = drl.split("\n", -1);
        int[] rows = new int[lines.length + 2];
        int row = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher at = RULE_VALUES_AT.matcher(lines[i]);
            if (at.find()) {
                row = Integer.parseInt(at.group(2));
            } else if (lines[i].startsWith("end")) {
                rows[i + 1] = row;
                row = 0;
                continue;
            }
            rows[i + 1] = row;
        }
        return rows;
    }
}
