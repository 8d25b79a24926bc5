package org.rectify.console;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The ledger as an XLSX workbook, written while the rows stream from the database (POI's SXSSF keeps only a
 * window of rows in memory), so a 100 000-row export needs no more memory than a 100-row one. The first sheet
 * holds the rows under Chinese headers; the second says who exported what, when, under which filter.
 */
@Component
class LedgerWorkbook {

    static final List<String> HEADERS = List.of("案件编号", "标题", "问题类别", "严重程度", "来源", "状态", "督办阶段", "地址",
            "所属街道", "网格", "牵头单位", "配合单位", "上报时间", "整改时限", "超期情况", "销号时间", "返工次数", "上报人");
    private static final int[] WIDTHS = {18, 30, 14, 8, 12, 12, 12, 30, 14, 16, 22, 22, 17, 17, 14, 17, 8, 12};

    private final Ledger ledger;
    private final Campaigns campaigns;

    LedgerWorkbook(Ledger ledger, Campaigns campaigns) {
        this.ledger = ledger;
        this.campaigns = campaigns;
    }

    void write(LedgerFilter filter, Viewer viewer, Directory.Snapshot directory, OffsetDateTime now, long expected,
            OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        book.setCompressTempFiles(true);
        try {
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle late = book.createCellStyle();
            Font red = book.createFont();
            red.setColor(IndexedColors.RED.getIndex());
            late.setFont(red);

            SXSSFSheet sheet = book.createSheet("问题台账");
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(1, 1);
            int[] next = {1};
            ledger.each(filter, viewer, directory, now, LedgerController.EXPORT_LIMIT, row -> {
                Row r = sheet.createRow(next[0]++);
                int c = 0;
                r.createCell(c++).setCellValue(row.caseNumber());
                r.createCell(c++).setCellValue(row.title());
                r.createCell(c++).setCellValue(row.categoryName());
                r.createCell(c++).setCellValue(row.severityLabel());
                r.createCell(c++).setCellValue(row.sourceLabel());
                r.createCell(c++).setCellValue(row.statusLabel());
                r.createCell(c++).setCellValue(row.ladderStageLabel());
                r.createCell(c++).setCellValue(row.address());
                r.createCell(c++).setCellValue(row.streetName());
                r.createCell(c++).setCellValue(row.gridName());
                r.createCell(c++).setCellValue(row.leadUnitName());
                r.createCell(c++).setCellValue(row.coUnitNames());
                r.createCell(c++).setCellValue(row.createdAt());
                r.createCell(c++).setCellValue(row.deadline() + (row.deadlineProvisional() ? "（暂定）" : ""));
                Cell overdue = r.createCell(c++);
                overdue.setCellValue(row.overdueText());
                if (row.overdue()) {
                    overdue.setCellStyle(late);
                }
                r.createCell(c++).setCellValue(row.closedAt());
                r.createCell(c++).setCellValue(row.reworkCount());
                r.createCell(c).setCellValue(row.reporter() == null ? "" : row.reporter());
            });
            if (next[0] > 1) {
                sheet.setAutoFilter(new CellRangeAddress(0, next[0] - 1, 0, HEADERS.size() - 1));
            }

            Sheet about = book.createSheet("导出说明");
            about.setColumnWidth(0, 14 * 256);
            about.setColumnWidth(1, 60 * 256);
            int r = 0;
            for (String[] line : describe(filter, viewer, directory, now, next[0] - 1)) {
                Row row = about.createRow(r++);
                row.createCell(0).setCellValue(line[0]);
                row.createCell(1).setCellValue(line[1]);
            }
            book.write(out);
        } finally {
            book.close();
        }
    }

    private List<String[]> describe(LedgerFilter f, Viewer viewer, Directory.Snapshot d, OffsetDateTime now, int rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"导出时间", Texts.minute(now)});
        lines.add(new String[] {"导出人", viewer.name() + "（" + viewer.id() + "，" + viewer.roleLabel() + "）"});
        lines.add(new String[] {"可见范围", viewer.seesAll() ? "全部案件" : "本单位案件及本人上报的案件"});
        lines.add(new String[] {"记录条数", Integer.toString(rows)});
        Map<String, String> p = f.parameters();
        if (p.isEmpty()) {
            lines.add(new String[] {"筛选条件", "无（全部案件）"});
        }
        p.forEach((key, value) -> lines.add(new String[] {"筛选：" + label(key), text(key, value, d)}));
        lines.add(new String[] {"排序", switch (f.sort()) {
            case "deadline" -> "整改时限";
            case "closed" -> "销号时间";
            case "number" -> "案件编号";
            default -> "上报时间";
        } + ("asc".equals(f.dir()) ? "（升序）" : "（降序）")});
        return lines;
    }

    private String label(String key) {
        return switch (key) {
            case "q" -> "关键字";
            case "status" -> "状态";
            case "unit" -> "责任单位";
            case "street" -> "所属街道";
            case "category" -> "问题类别";
            case "source" -> "来源";
            case "campaign" -> "专项行动";
            case "overdue" -> "超期";
            case "stage" -> "督办阶段";
            case "from" -> "上报日期（起）";
            case "to" -> "上报日期（止）";
            case "closedFrom" -> "销号日期（起）";
            case "closedTo" -> "销号日期（止）";
            default -> key;
        };
    }

    private String text(String key, String value, Directory.Snapshot d) {
        return switch (key) {
            case "status" -> LedgerFilter.OPEN.equals(value) ? "在办" : Texts.statusLabel(value);
            case "unit", "street" -> d.unitName(value);
            case "category" -> d.categoryName(value);
            case "source" -> Texts.sourceLabel(value);
            case "stage" -> LedgerFilter.NO_STAGE.equals(value) ? "未升级" : Texts.ladderStageLabel(value);
            case "overdue" -> switch (value) {
                case "yes" -> "已超期";
                case "no" -> "未超期";
                default -> "今日到期";
            };
            case "campaign" -> campaigns.options().stream().filter(o -> o.id().equals(value)).map(Campaigns.Option::name)
                    .findFirst().orElse(value);
            default -> value;
        };
    }
}
