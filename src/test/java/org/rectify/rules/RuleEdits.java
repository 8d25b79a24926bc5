package org.rectify.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Edits of rule files as a campaign office would make them in Excel, for tests. Never touches rules/ itself. */
final class RuleEdits {

    private RuleEdits() {
    }

    /** The workbook with one cell changed: the row of the named rule, the column with the given header. */
    static byte[] setTableCell(byte[] xlsx, String ruleName, String header, String value) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            int column = -1;
            Row target = null;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String text = formatter.formatCellValue(cell);
                    if (text.equals(header)) {
                        column = cell.getColumnIndex();
                    }
                    if (cell.getColumnIndex() == 0 && text.equals(ruleName)) {
                        target = row;
                    }
                }
            }
            if (column < 0 || target == null) {
                throw new IllegalArgumentException("No rule '" + ruleName + "' or column '" + header + "'");
            }
            Cell cell = target.getCell(column) == null ? target.createCell(column) : target.getCell(column);
            cell.setCellValue(value);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook with a text replaced wherever a cell holds it, hidden rows included. */
    static byte[] replaceInWorkbook(byte[] xlsx, String from, String to) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            DataFormatter formatter = new DataFormatter();
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    String text = formatter.formatCellValue(cell);
                    if (text.contains(from)) {
                        cell.setCellValue(text.replace(from, to));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario CSV with one cell changed: the row of the named scenario, the column with the given header. */
    static byte[] setScenarioCell(byte[] csv, String scenario, String header, String value) {
        List<List<String>> rows = new ArrayList<>(Sheets.Csv.parse(TextFiles.decode(csv)));
        int column = rows.get(0).indexOf(header);
        boolean found = false;
        for (List<String> row : rows) {
            if (!row.isEmpty() && row.get(0).equals(scenario)) {
                while (row.size() <= column) {
                    row.add("");
                }
                row.set(column, value);
                found = true;
            }
        }
        if (column < 0 || !found) {
            throw new IllegalArgumentException("No scenario '" + scenario + "' or column '" + header + "'");
        }
        return Sheets.Csv.write(rows).getBytes(StandardCharsets.UTF_8);
    }

    /** The shipped routing table written as a CSV decision table (Drools' layout), UTF-8. */
    static byte[] routingTableCsv() {
        String csv = String.join("\n",
                "按类别指定牵头单位（派遣表）",
                "RuleSet,rectify.routing",
                "Import,\"org.rectify.rules.RoutingFacts, org.rectify.rules.RoutingDecision, org.rectify.rules.Cells\"",
                "Sequential,true",
                "Precondition,$f : RoutingFacts()  not RoutingDecision()",
                "",
                "RuleTable 按类别指定牵头单位",
                "NAME,CONDITION,DESCRIPTION,CONDITION,ACTION,ACTION",
                ",RoutingFacts,,,,",
                ",\"Cells.categoryIn(categoryCode, \"\"$param\"\")\",,\"$lead : String() from Cells.lead($f, \"\"$param\"\")\","
                        + "\"insert(new RoutingDecision($lead, Cells.units($f, \"\"$param\"\"),\",\"Cells.text(\"\"$param\"\", $f)));\"",
                "规则名称,类别代码,类别名称,牵头单位,配合单位,理由",
                "派遣 - 楼道杂物、门前三包、小广告由属地街道牵头,STAIRWELL_CLUTTER、THREE_GUARANTEES、FLYERS,楼道杂物,所在街道,行业部门,"
                        + "属地管理类问题，由所在街道牵头，{类别}的行业主管部门配合",
                "");
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The rule set with street vending, out-of-shop vending and stalls (general severity) limited to the given
     * working days, in the table and in the scenarios that expect it: the edit a campaign office would make.
     */
    static Map<String, byte[]> streetVendingLimit(RuleSetFiles files, int days) {
        byte[] table = setTableCell(files.bytes("time-limits.xlsx"), "时限 - 占道经营、店外经营、摆摊设点 - 一般", "时限",
                String.valueOf(days));
        table = setTableCell(table, "时限 - 占道经营、店外经营、摆摊设点 - 一般", "理由（写入解释）", "经营秩序类一般问题限" + days + "个工作日");
        byte[] scenarios = files.bytes("tests/time-limits.csv");
        for (String scenario : List.of("占道经营一般问题限3个工作日", "店外经营一般问题", "市民随手拍的摆摊设点")) {
            scenarios = setScenarioCell(scenarios, scenario, "期望时限", days + "个工作日");
        }
        scenarios = setScenarioCell(scenarios, "省级检查发现的占道经营时限减半", "期望时限",
                Math.max(1, (days + 1) / 2) + "个工作日");
        return Map.of("time-limits.xlsx", table, "tests/time-limits.csv", scenarios);
    }
}
