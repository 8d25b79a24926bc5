package org.rectify.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectify.clock.BusinessClock;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The monthly ranking page, its bar chart and its XLSX export. Handlers see their own unit's line and place. */
@Controller
class RankingController {

    static final String VIEW = "console/ranking";
    static final List<String> HEADERS = List.of("名次", "单位", "类型", "应结案数", "结案数", "结案率", "按期结案率",
            "按时处置率", "返工率", "超期数", "延期率", "准确派遣率", "督办", "移交纪检", "扣分", "加分", "得分");

    static final String SCORE_FORMULA = "得分 = 基础分 100 − 扣分 + 加分，扣分、加分按现行考核评分规则逐案计算，"
            + "每一项都注明案件编号和所依据的规则";

    public record MonthChoice(String value, String label, boolean selected) {
    }

    private final Ranking ranking;
    private final Directory directory;
    private final Viewers viewers;
    private final BusinessClock clock;

    RankingController(Ranking ranking, Directory directory, Viewers viewers, BusinessClock clock) {
        this.ranking = ranking;
        this.directory = directory;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/console/ranking")
    String ranking(@RequestParam(required = false) String month, @RequestParam(defaultValue = "score") String sort,
            @RequestParam(defaultValue = "desc") String dir, Model model) {
        Viewer me = viewers.require();
        OffsetDateTime now = clock.now();
        YearMonth chosen = month(month, now);
        Ranking.Result result = ranking.compute(chosen, directory.snapshot(), now, me.units(), me.seesAll());
        List<Ranking.Row> rows = visibleRows(result, me);
        String sortKey = Ranking.SORTS.containsKey(sort) ? sort : "score";
        model.addAttribute("result", result);
        model.addAttribute("rows", "score".equals(sortKey) && "desc".equals(dir) ? rows : Ranking.sorted(rows, sortKey, dir));
        model.addAttribute("sort", sortKey);
        model.addAttribute("dir", "asc".equals(dir) ? "asc" : "desc");
        model.addAttribute("months", months(chosen, now));
        model.addAttribute("month", chosen.toString());
        model.addAttribute("monthFrom", chosen.atDay(1).toString());
        model.addAttribute("monthTo", chosen.atEndOfMonth().toString());
        model.addAttribute("current", chosen.equals(YearMonth.from(now.atZoneSameInstant(Texts.ZONE))));
        List<Ranking.Row> charted = rows.stream().filter(r -> r.score() != null).toList();
        model.addAttribute("chart", Charts.horizontalBars(charted.stream().map(r -> r.rankText() + ". " + r.unitName()).toList(),
                charted.stream().map(Ranking.Row::score).toList(), charted.stream().map(Ranking.Row::tone).toList(),
                charted.stream().map(r -> r.unitName() + " 得分 " + r.scoreText()).toList(), 100, 900, 26));
        model.addAttribute("formula", SCORE_FORMULA);
        model.addAttribute("now", Texts.minute(now));
        model.addAttribute("computedAt", Texts.minute(result.computedAt()));
        return VIEW;
    }

    @GetMapping("/console/ranking.xlsx")
    void export(@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        Viewer me = viewers.require();
        OffsetDateTime now = clock.now();
        YearMonth chosen = month(month, now);
        Ranking.Result result = ranking.compute(chosen, directory.snapshot(), now, me.units(), me.seesAll());
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("月度评比-" + chosen + ".xlsx", StandardCharsets.UTF_8).build().toString());
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = response.getOutputStream()) {
            Sheet sheet = book.createSheet(result.monthLabel() + "评比");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(result.monthLabel() + "责任单位整改工作评比（" + (result.stored()
                    ? "第" + result.version() + "版，" + Texts.minute(result.computedAt()) + "计算，规则集 " + result.ruleSetVersion()
                    : "试算，统计至 " + Texts.minute(now)) + "）");
            title.getCell(0).setCellStyle(bold);
            Row head = sheet.createRow(1);
            for (int i = 0; i < HEADERS.size(); i++) {
                head.createCell(i).setCellValue(HEADERS.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            int r = 2;
            for (Ranking.Row row : visibleRows(result, me)) {
                Row x = sheet.createRow(r++);
                int c = 0;
                if (row.rank() > 0) {
                    x.createCell(c++).setCellValue(row.rank());
                } else {
                    x.createCell(c++).setCellValue("—");
                }
                x.createCell(c++).setCellValue(row.unitName());
                x.createCell(c++).setCellValue(row.unitKind());
                x.createCell(c++).setCellValue(row.due());
                x.createCell(c++).setCellValue(row.closed());
                x.createCell(c++).setCellValue(row.closureRate());
                x.createCell(c++).setCellValue(row.onTimeRate());
                x.createCell(c++).setCellValue(row.handlingRate());
                x.createCell(c++).setCellValue(row.reworkRate());
                x.createCell(c++).setCellValue(row.overdue());
                x.createCell(c++).setCellValue(row.extensionRate());
                x.createCell(c++).setCellValue(row.dispatchRate());
                x.createCell(c++).setCellValue(row.orders());
                x.createCell(c++).setCellValue(row.transfers());
                x.createCell(c++).setCellValue(row.deductions().doubleValue());
                x.createCell(c++).setCellValue(row.credits().doubleValue());
                if (row.score() != null) {
                    x.createCell(c).setCellValue(row.score());
                } else {
                    x.createCell(c).setCellValue("本月无考核事项");
                }
            }
            Row note = sheet.createRow(r + 1);
            note.createCell(0).setCellValue(SCORE_FORMULA);
            Sheet details = book.createSheet("扣分加分明细");
            Row detailHead = details.createRow(0);
            List<String> detailHeaders = List.of("单位", "案件编号", "事项", "分值", "规则", "说明");
            for (int i = 0; i < detailHeaders.size(); i++) {
                detailHead.createCell(i).setCellValue(detailHeaders.get(i));
                detailHead.getCell(i).setCellStyle(bold);
            }
            int d = 1;
            for (Ranking.Row row : visibleRows(result, me)) {
                if (!row.linesVisible()) {
                    continue;
                }
                for (var line : row.lines()) {
                    Row x = details.createRow(d++);
                    x.createCell(0).setCellValue(row.unitName());
                    x.createCell(1).setCellValue(line.caseNumber() == null ? "—" : line.caseNumber());
                    x.createCell(2).setCellValue(line.kind());
                    x.createCell(3).setCellValue(line.points().doubleValue());
                    x.createCell(4).setCellValue(line.rule());
                    x.createCell(5).setCellValue(line.reason());
                }
            }
            details.setColumnWidth(0, 26 * 256);
            details.setColumnWidth(1, 18 * 256);
            details.setColumnWidth(4, 40 * 256);
            details.setColumnWidth(5, 40 * 256);
            sheet.setColumnWidth(1, 26 * 256);
            for (int i = 2; i < HEADERS.size(); i++) {
                sheet.setColumnWidth(i, 11 * 256);
            }
            book.write(out);
        }
    }

    /** Offices see every unit; a handler sees only their own units' lines (with their place among all). */
    static List<Ranking.Row> visibleRows(Ranking.Result result, Viewer me) {
        if (me.seesAll()) {
            return result.rows();
        }
        return result.rows().stream().filter(Ranking.Row::mine).toList();
    }

    static YearMonth month(String text, OffsetDateTime now) {
        YearMonth current = YearMonth.from(now.atZoneSameInstant(Texts.ZONE));
        if (text == null || text.isBlank()) {
            return current;
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            return month.isAfter(current) ? current : month;
        } catch (DateTimeParseException e) {
            return current;
        }
    }

    static List<MonthChoice> months(YearMonth chosen, OffsetDateTime now) {
        YearMonth current = YearMonth.from(now.atZoneSameInstant(Texts.ZONE));
        List<MonthChoice> months = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            YearMonth m = current.minusMonths(i);
            months.add(new MonthChoice(m.toString(), m.getYear() + "年" + m.getMonthValue() + "月" + (i == 0 ? "（本月）" : ""),
                    m.equals(chosen)));
        }
        return months;
    }
}
