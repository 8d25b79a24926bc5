package org.rectify.rules;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.model.Condition;
import org.drools.template.model.DRLOutput;
import org.drools.template.model.Package;
import org.drools.template.model.Rule;
import org.drools.template.parser.DataListener;
import org.drools.template.parser.DecisionTableParseException;

/**
 * Turns a Drools decision table (XLSX/XLS first sheet, or CSV) into DRL, with what Drools' own converter
 * does not give: every cell checked against {@link Cells} before anything compiles, a rule name required on
 * every row, compile errors mapped back to the row that caused them, and a {@code Precondition} property
 * whose patterns head every row's conditions (so a row that leaves every condition empty, "all other
 * cases", still only matches its own facts and only while no decision exists).
 *
 * <p>The sheet's layout is Drools' own (RuleSet, Import, Sequential, RuleTable, then the rows of column
 * types, object types, code and labels); the labels row holds the Chinese column headers the campaign office
 * reads. See {@code rules/README.md}.
 */
final class DecisionTables {

    static final String PRECONDITION = "Precondition";
    private static final Pattern CELL_FUNCTION = Pattern.compile("Cells\\.(\\w+)\\s*\\([^\"]*\"\\$param\"");
    private static final Pattern RULE_VALUES_AT = Pattern.compile("^\\s*//\\s*rule values at ([A-Z]+)(\\d+)");
    private static final Pattern BINDING = Pattern.compile("^\\s*\\$\\w+\\s*:");
    /** The keywords Drools reads outside a rule table (lower case), and ours. */
    private static final java.util.Set<String> PROPERTY_KEYS = java.util.Set.of("ruleset", "import", "variables",
            "functions", "queries", "declare", "sequential", "sequentialmaxpriority", "sequentialminpriority",
            "escapequotes", "numericdisabled", "ignorenumericformat", "dialect", "unit", "notes", "precondition", "说明");

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
        TableListener listener = new TableListener(path);
        try {
            if (Sheets.isWorkbook(path)) {
                new ExcelParser(List.<DataListener>of(listener)).parseFile(new ByteArrayInputStream(content));
            } else {
                feedCsv(Sheets.Csv.parse(TextFiles.decode(content)), listener);
            }
        } catch (DecisionTableParseException e) {
            return failed(path, listener, translate(e.getMessage()));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof java.io.IOException || e instanceof org.apache.poi.UnsupportedFileFormatException
                    || e.getClass().getName().startsWith("org.apache.poi")) {
                return failed(path, listener, "无法打开这个表格文件（" + e.getMessage() + "），请用 Excel、WPS 或 LibreOffice 另存为 .xlsx");
            }
            return failed(path, listener, "无法读取决策表：" + e);
        }
        Package ruleSet;
        try {
            ruleSet = listener.getRuleSet();
        } catch (DecisionTableParseException e) {
            return failed(path, listener, translate(e.getMessage()));
        }
        List<RuleSetProblem> problems = new ArrayList<>(listener.problems);
        String precondition = listener.getProperties().getSingleProperty(PRECONDITION, null);
        Map<String, Integer> rowsByRule = new LinkedHashMap<>();
        for (Rule rule : ruleSet.getRules()) {
            String name = unquote(rule.getName());
            int row = rule.getSpreadsheetRowNumber();
            if (!listener.namedRows.contains(row)) {
                problems.add(new RuleSetProblem(path, "第" + row + "行",
                        "没有填写规则名称：规则名称就是单位看到的解释，每一行都要写（如“时限 - 一般问题”）"));
            } else if (rowsByRule.containsKey(name)) {
                problems.add(new RuleSetProblem(path, "第" + row + "行",
                        "规则名称“" + name + "”与第" + rowsByRule.get(name) + "行重复，每条规则的名称必须不同"));
            } else {
                rowsByRule.put(name, row);
            }
            if (precondition != null && !precondition.isBlank()) {
                Condition condition = new Condition();
                condition.setSnippet(precondition.strip());
                rule.getConditions().add(0, condition);
            }
        }
        DRLOutput out = new DRLOutput();
        ruleSet.renderDRL(out);
        String drl = out.getDRL();
        return new Converted(path, drl, rowsByRule, rowOfLines(drl), problems);
    }

    private static Converted failed(String path, TableListener listener, String message) {
        List<RuleSetProblem> problems = new ArrayList<>(listener.problems);
        problems.add(new RuleSetProblem(path, "", message));
        return new Converted(path, "", Map.of(), new int[0], problems);
    }

    /** Feeds CSV rows to a sheet listener the way Drools' CSV parser does, "..." marking merged cells. */
    private static void feedCsv(List<List<String>> rows, DataListener listener) {
        listener.startSheet("csv");
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            listener.newRow(r, cells.size());
            int mergeStart = DataListener.NON_MERGED;
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                if (cell.endsWith("...") && mergeStart == DataListener.NON_MERGED) {
                    mergeStart = c;
                } else if (!cell.endsWith("...")) {
                    mergeStart = DataListener.NON_MERGED;
                }
                listener.newCell(r, c, mergeStart != DataListener.NON_MERGED ? cell.substring(0, cell.length() - 3) : cell,
                        mergeStart);
            }
        }
        listener.finishSheet();
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

    private static String unquote(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1).replace("\\\"", "\"") : name;
    }

    /** Drools' messages about the table's layout, with the cell they name kept. */
    private static String translate(String message) {
        String text = message == null ? "" : message;
        Matcher cell = Pattern.compile("cell ([A-Z]+\\d+)").matcher(text);
        String where = cell.find() ? "单元格 " + cell.group(1) + "：" : "";
        return where + "决策表的格式不对（表头的 RuleTable、CONDITION/ACTION 行或代码行被改动了？）。Drools 的说明：" + text;
    }

    /**
     * Drools' listener, watching the same cells to check each data cell against the function its column's
     * code calls, and to note which rows have a rule name and the Chinese header of each column.
     */
    private static final class TableListener extends DefaultRuleSheetListener {

        private final String path;
        private final List<RuleSetProblem> problems = new ArrayList<>();
        private final java.util.Set<Integer> namedRows = new java.util.HashSet<>();
        private int tableRow = -1;
        private boolean tableEnded;
        private int lastStrayRow = -1;
        private int lastDataRow = -1;
        private final Map<Integer, String> types = new HashMap<>();
        private final Map<Integer, String> code = new HashMap<>();
        private final Map<Integer, String> labels = new HashMap<>();
        private final Map<Integer, Map<Integer, String>> dataRows = new TreeMap<>();

        TableListener(String path) {
            super(true, true);
            this.path = path;
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            String text = value == null ? "" : value.strip();
            if (!text.isEmpty()) {
                observe(row, column, text);
            }
            super.newCell(row, column, value, mergedColStart);
        }

        @Override
        public void finishSheet() {
            checkRows();
            super.finishSheet();
        }

        private void observe(int row, int column, String text) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("ruletable") || lower.startsWith("ruletable ")) {
                checkRows();
                tableRow = row;
                lastDataRow = row + 4;
                types.clear();
                code.clear();
                labels.clear();
                return;
            }
            if (tableRow < 0) {
                if (tableEnded && row != lastStrayRow) {
                    lastStrayRow = row;
                    if (column != 0 || !PROPERTY_KEYS.contains(lower.split("\\s")[0])) {
                        problems.add(new RuleSetProblem(path, "第" + (row + 1) + "行",
                                "这一行在空行下面，不属于规则表，不会生效：规则表中间不能有空行，请删除空行"));
                    }
                }
                return;
            }
            int offset = row - tableRow;
            if (offset == 1) {
                types.put(column, text.toUpperCase(java.util.Locale.ROOT));
            } else if (offset == 3) {
                code.put(column, text);
            } else if (offset == 4) {
                labels.put(column, text);
            } else if (offset > 4) {
                if (row > lastDataRow + 1) {
                    checkRows();
                    tableRow = -1;
                    tableEnded = true;
                    observe(row, column, text);
                    return;
                }
                lastDataRow = row;
                dataRows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, text);
                if ("NAME".equals(types.get(column))) {
                    namedRows.add(row + 1);
                }
            }
        }

        /** Checks the rows read so far of the current table. */
        private void checkRows() {
            for (Map.Entry<Integer, Map<Integer, String>> entry : dataRows.entrySet()) {
                int sheetRow = entry.getKey() + 1;
                Map<Integer, String> cells = entry.getValue();
                for (Map.Entry<Integer, String> c : cells.entrySet()) {
                    String snippet = code.get(c.getKey());
                    if (snippet == null) {
                        continue;
                    }
                    Matcher function = CELL_FUNCTION.matcher(snippet);
                    while (function.find()) {
                        String message = Cells.check(function.group(1), c.getValue());
                        if (message != null) {
                            problems.add(new RuleSetProblem(path, "第" + sheetRow + "行“" + label(c.getKey()) + "”",
                                    message));
                            break;
                        }
                    }
                }
                for (Map.Entry<Integer, String> type : types.entrySet()) {
                    int column = type.getKey();
                    boolean required = "ACTION".equals(type.getValue())
                            || ("CONDITION".equals(type.getValue()) && code.containsKey(column)
                                    && BINDING.matcher(code.get(column)).find());
                    if (required && !cells.containsKey(column)) {
                        problems.add(new RuleSetProblem(path, "第" + sheetRow + "行“" + label(column) + "”",
                                "这一列每行都必须填写"));
                    }
                }
            }
            dataRows.clear();
        }

        private String label(int column) {
            String label = labels.get(column);
            return label != null ? label : "第" + Sheets.columnName(column) + "列";
        }
    }
}
