package org.rectify.campaigns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rectify.rules.Sheets;
import org.rectify.shared.DomainException;

/**
 * An uploaded inspection list (问题清单) read into rows by its Chinese headers. The template's columns are
 * 序号, 问题类别, 位置, 问题描述, 照片文件名, 严重程度, 建议责任单位, and optionally 网格 (a grid code or name, which
 * places the item in a street). XLSX (first sheet) or CSV in UTF-8 with or without BOM, or GBK as Excel saves it.
 */
record InspectionList(List<Row> rows) {

    static final String ITEM_NO = "序号";
    static final String CATEGORY = "问题类别";
    static final String LOCATION = "位置";
    static final String DESCRIPTION = "问题描述";
    static final String PHOTOS = "照片文件名";
    static final String SEVERITY = "严重程度";
    static final String SUGGESTED_UNIT = "建议责任单位";
    static final String GRID = "网格";
    static final List<String> REQUIRED = List.of(ITEM_NO, CATEGORY, LOCATION, DESCRIPTION, PHOTOS, SEVERITY, SUGGESTED_UNIT);

    /** One data row: its spreadsheet row number and its cells by header. */
    record Row(int number, Map<String, String> cells) {

        String cell(String header) {
            return cells.getOrDefault(header, "").strip();
        }
    }

    static InspectionList read(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (bytes == null || bytes.length == 0) {
            throw DomainException.invalid("empty-file", "上传的文件是空的，请选择问题清单文件（.xlsx 或 .csv）");
        }
        boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (name.endsWith(".xlsx")) {
            if (!zip) {
                throw notAList(fileName);
            }
        } else if (name.endsWith(".csv")) {
            if (zip || containsNul(bytes)) {
                throw notAList(fileName);
            }
        } else {
            throw DomainException.invalid("unsupported-file", "只能导入 .xlsx 或 .csv 格式的问题清单，收到的是“"
                    + (fileName == null ? "" : fileName) + "”。请按模板填写后另存为 .xlsx 或 .csv");
        }
        List<List<String>> sheet;
        try {
            sheet = Sheets.read(name, bytes);
        } catch (RuntimeException e) {
            throw notAList(fileName);
        }
        int headerIndex = 0;
        while (headerIndex < sheet.size() && sheet.get(headerIndex).stream().allMatch(String::isBlank)) {
            headerIndex++;
        }
        if (headerIndex == sheet.size()) {
            throw DomainException.invalid("empty-list", "问题清单是空的：没有表头，也没有数据行");
        }
        List<String> headers = sheet.get(headerIndex).stream().map(h -> h.strip().replace("\uFEFF", "")).toList();
        List<String> missing = REQUIRED.stream().filter(h -> !headers.contains(h)).toList();
        if (!missing.isEmpty()) {
            throw DomainException.invalid("bad-headers", "问题清单缺少列：" + String.join("、", missing)
                    + "。第" + (headerIndex + 1) + "行应为表头：" + String.join("、", REQUIRED) + "（可另加“网格”列），请使用导入模板");
        }
        List<Row> rows = new ArrayList<>();
        for (int r = headerIndex + 1; r < sheet.size(); r++) {
            List<String> cells = sheet.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> byHeader = new LinkedHashMap<>();
            for (int c = 0; c < headers.size() && c < cells.size(); c++) {
                if (!headers.get(c).isEmpty()) {
                    byHeader.put(headers.get(c), cells.get(c));
                }
            }
            rows.add(new Row(r + 1, byHeader));
        }
        if (rows.isEmpty()) {
            throw DomainException.invalid("empty-list", "问题清单只有表头，没有数据行");
        }
        return new InspectionList(rows);
    }

    private static boolean containsNul(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static DomainException notAList(String fileName) {
        return DomainException.invalid("unreadable-file", "无法读取“" + fileName
                + "”：它不是有效的 .xlsx 工作簿或 UTF-8/GBK 编码的 .csv 文件。请用 Excel、WPS 按模板另存后再导入");
    }
}
