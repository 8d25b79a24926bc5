package org.rectify.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The cells of a spreadsheet (first sheet of an XLSX/XLS, or a CSV) as rows of text, as the user sees them.
 * Public for other features that read the campaign office's spreadsheets (inspection lists).
 */
public final class Sheets {

    private Sheets() {
    }

    static boolean isWorkbook(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }

    /** Rows of the first sheet; row i of the list is spreadsheet row i + 1. Throws RuleSetException if unreadable. */
    public static List<List<String>> read(String path, byte[] bytes) {
        return isWorkbook(path) ? readWorkbook(path, bytes, 0) : Csv.parse(TextFiles.decode(bytes));
    }

    /**
     * One sheet of text rows as an XLSX workbook, {@code widths} in characters per column (CJK characters count
     * double): how the shipped lists and templates are offered as spreadsheets.
     */
    public static byte[] xlsx(String sheetName, List<List<String>> rows, int[] widths) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(255, widths[c] * 2) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every sheet of a workbook by name; for a CSV one sheet named after the file. */
    static java.util.Map<String, List<List<String>>> readAll(String path, byte[] bytes) {
        java.util.Map<String, List<List<String>>> sheets = new java.util.LinkedHashMap<>();
        if (!isWorkbook(path)) {
            sheets.put(path, Csv.parse(TextFiles.decode(bytes)));
            return sheets;
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                sheets.put(workbook.getSheetName(i), rows(workbook, workbook.getSheetAt(i)));
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable(path, e);
        }
        return sheets;
    }

    private static List<List<String>> readWorkbook(String path, byte[] bytes, int sheetIndex) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            return rows(workbook, workbook.getSheetAt(sheetIndex));
        } catch (IOException | RuntimeException e) {
            throw unreadable(path, e);
        }
    }

    /** The merged cells of the first sheet, each as {first row, last row, first column, last column}, zero-based. */
    static List<int[]> mergedRegions(String path, byte[] bytes) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            return workbook.getSheetAt(0).getMergedRegions().stream().map(region -> new int[] {region.getFirstRow(),
                    region.getLastRow(), region.getFirstColumn(), region.getLastColumn()}).toList();
        } catch (IOException | RuntimeException e) {
            throw unreadable(path, e);
        }
    }

    static RuleSetException unreadable(String path, Exception e) {
        return new RuleSetException("Cannot read " + path, List.of(new RuleSetProblem(path, "",
                "无法打开这个表格文件（" + e.getClass().getSimpleName() + "：" + e.getMessage()
                        + "）。请用 Excel、WPS 或 LibreOffice 另存为 .xlsx 后再试")));
    }

    private static List<List<String>> rows(Workbook workbook, Sheet sheet) {
        DataFormatter formatter = new DataFormatter(Locale.ENGLISH);
        FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell, evaluator).strip());
                }
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The column letters of a zero-based column index: 0 → A, 27 → AB. */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }

    /** RFC 4180 CSV: commas, double quotes doubled inside quoted cells, line breaks inside quotes. */
    static final class Csv {

        private Csv() {
        }

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                    any = true;
                } else if (ch == ',') {
                    row.add(cell.toString().strip());
                    cell.setLength(0);
                    any = true;
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(cell.toString().strip());
                    cell.setLength(0);
                    rows.add(trimTrailing(row));
                    row = new ArrayList<>();
                    any = false;
                } else {
                    cell.append(ch);
                    any = true;
                }
            }
            if (any || cell.length() > 0) {
                row.add(cell.toString().strip());
                rows.add(trimTrailing(row));
            }
            return rows;
        }

        private static List<String> trimTrailing(List<String> row) {
            int end = row.size();
            while (end > 0 && row.get(end - 1).isEmpty()) {
                end--;
            }
            return new ArrayList<>(row.subList(0, end));
        }

        static String write(List<List<String>> rows) {
            StringBuilder out = new StringBuilder();
            for (List<String> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    String value = row.get(i) == null ? "" : row.get(i);
                    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                        out.append('"').append(value.replace("\"", "\"\"")).append('"');
                    } else {
                        out.append(value);
                    }
                }
                out.append('\n');
            }
            return out.toString();
        }
    }
}
