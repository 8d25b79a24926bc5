package org.rectify.tasks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Unit;
import org.rectify.clock.BusinessClock;
import org.rectify.rules.Sheets;
import org.rectify.security.CurrentUser;
import org.rectify.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a task breakdown table (任务分解表) from XLSX or CSV. Every row is checked first; a bad row is reported with
 * its row number and reasons in Chinese and nothing of it is stored. Each valid row is stored with its process started
 * in a transaction of its own, keyed by (breakdown, 任务编号): a re-import files nothing twice, and a changed row with
 * a known number is reported, not applied.
 */
@Service
class BreakdownImport {

    static final String DEFAULT_BREAKDOWN = "创建工作任务分解表";
    static final int MAX_ROWS = 2000;
    private static final Logger log = LoggerFactory.getLogger(BreakdownImport.class);
    private static final Pattern TARGET = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(\\S{0,20})$");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"),
            DateTimeFormatter.ofPattern("M/d/yy", Locale.US));

    public enum Outcome {
        CREATED("已导入"), UNCHANGED("已导入过，未重复导入"), CHANGED("编号已存在但内容不同，未修改（已下达的任务不能修改，请换用新编号）"),
        REJECTED("未导入");

        private final String chineseLabel;

        Outcome(String chineseLabel) {
            this.chineseLabel = chineseLabel;
        }

        public String chineseLabel() {
            return chineseLabel;
        }
    }

    public record RowResult(int row, String taskNo, Outcome outcome, List<String> reasons, Long taskId) {

        public String message() {
            return "第" + row + "行" + (taskNo == null || taskNo.isEmpty() ? "" : "（" + taskNo + "）") + "："
                    + outcome.chineseLabel() + (reasons.isEmpty() ? "" : "，" + String.join("；", reasons));
        }
    }

    public record Report(String breakdown, String fileName, int total, int created, int unchanged, int changed, int rejected,
            List<RowResult> rows) {

        List<RowResult> rejectedRows() {
            return rows.stream().filter(r -> r.outcome() == Outcome.REJECTED).toList();
        }
    }

    private final Catalog catalog;
    private final TaskStore store;
    private final TaskProcess process;
    private final BusinessClock clock;
    private final TransactionTemplate transactions;

    BreakdownImport(Catalog catalog, TaskStore store, TaskProcess process, BusinessClock clock,
            TransactionTemplate transactions) {
        this.catalog = catalog;
        this.store = store;
        this.process = process;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** One task as the console's form and the API enter it: the same fields and checks as one row of the table. */
    record NewTask(String breakdown, String taskNo, String content, String standard, String target, String itemCode,
            String itemName, String leadUnit, String coUnits, String leader, String deadline, String recurrence,
            String weight, String evidence) {

        List<String> cells() {
            return java.util.Arrays.asList(taskNo, content, standard, target, itemCode, itemName, leadUnit, coUnits, leader,
                    deadline, recurrence, weight, evidence);
        }
    }

    /**
     * Enters a single task and starts its process, as a valid row of an import would. Every reason a row would be
     * refused for is returned at once; a number the breakdown already has is refused (a task is never changed after it
     * was issued: 全程留痕 — a correction is a new task, and the campaign office tells the unit).
     */
    long enter(NewTask entry, CurrentUser user) {
        Tasks.requireOffice(user);
        String breakdown = breakdownName(entry.breakdown());
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < Column.ALL.size(); c++) {
            columns.put(Column.ALL.get(c), c);
        }
        List<String> cells = entry.cells().stream().map(v -> v == null ? "" : v).toList();
        List<String> reasons = new ArrayList<>();
        Optional<BreakdownRow> row = parse(0, cells, columns, reasons);
        if (row.isEmpty()) {
            throw DomainException.invalid("task-invalid", String.join("；", reasons));
        }
        String actor = user.id();
        return transactions.execute(s -> {
            long breakdownId = store.breakdown(breakdown, clock.now(), actor);
            if (store.find(breakdownId, row.get().taskNo()).isPresent()) {
                throw DomainException.conflict("task-exists", "任务分解表“" + breakdown + "”中已有编号为“" + row.get().taskNo()
                        + "”的任务；已下达的任务不能修改，请使用新的任务编号");
            }
            return file(breakdownId, row.get(), actor, "在控制台录入任务").taskId();
        });
    }

    private static String breakdownName(String name) {
        String breakdown = name == null || name.isBlank() ? DEFAULT_BREAKDOWN : name.strip();
        if (breakdown.length() > 200) {
            throw DomainException.invalid("breakdown-name", "任务分解表名称不能超过 200 个字");
        }
        return breakdown;
    }

    Report importFile(String breakdownName, String fileName, byte[] bytes, CurrentUser user) {
        Tasks.requireOffice(user);
        String breakdown = breakdownName(breakdownName);
        String name = fileName == null || fileName.isBlank() ? "任务分解表.xlsx" : fileName;
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".xlsx") && !lower.endsWith(".xls") && !lower.endsWith(".csv")) {
            throw DomainException.invalid("file-type", "请上传 .xlsx 或 .csv 格式的任务分解表（文件：" + name + "）");
        }
        if (bytes == null || bytes.length == 0) {
            throw DomainException.invalid("empty-file", "上传的文件是空的");
        }
        List<List<String>> sheet;
        try {
            sheet = Sheets.read(name, bytes);
        } catch (RuntimeException e) {
            throw DomainException.invalid("unreadable", "无法读取文件“" + name + "”：请上传 Excel（.xlsx）或 UTF-8/GBK 编码的 CSV");
        }
        int header = 0;
        while (header < sheet.size() && sheet.get(header).stream().allMatch(c -> c == null || c.isBlank())) {
            header++;
        }
        if (header == sheet.size()) {
            throw DomainException.invalid("no-header", "文件中没有表头和任务");
        }
        Map<String, Integer> columns = columns(sheet.get(header));
        List<String> missing = Column.REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw DomainException.invalid("missing-columns", "缺少必填列：" + String.join("、", missing)
                    + "。请下载模板，表头为：" + String.join("、", Column.ALL));
        }
        if (sheet.size() - header - 1 > MAX_ROWS) {
            throw DomainException.invalid("too-many-rows", "一次最多导入 " + MAX_ROWS + " 项任务");
        }

        List<RowResult> results = new ArrayList<>();
        List<BreakdownRow> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int r = header + 1; r < sheet.size(); r++) {
            List<String> cells = sheet.get(r);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            int sheetRow = r + 1;
            List<String> reasons = new ArrayList<>();
            Optional<BreakdownRow> row = parse(sheetRow, cells, columns, reasons);
            String taskNo = cell(cells, columns, Column.NUMBER);
            if (row.isPresent() && !seen.add(taskNo)) {
                reasons.add("任务编号“" + taskNo + "”在本表中重复");
                row = Optional.empty();
            }
            if (row.isEmpty()) {
                results.add(new RowResult(sheetRow, taskNo, Outcome.REJECTED, reasons, null));
            } else {
                valid.add(row.get());
            }
        }
        String actor = user.id();
        long breakdownId = transactions.execute(s -> store.breakdown(breakdown, clock.now(), actor));
        for (BreakdownRow row : valid) {
            results.add(transactions.execute(s -> file(breakdownId, row, actor, "导入任务分解表")));
        }
        results.sort(java.util.Comparator.comparingInt(RowResult::row));
        Report report = new Report(breakdown, name, results.size(), count(results, Outcome.CREATED),
                count(results, Outcome.UNCHANGED), count(results, Outcome.CHANGED), count(results, Outcome.REJECTED), results);
        String text = String.join("\n", results.stream().map(RowResult::message).toList());
        transactions.executeWithoutResult(s -> store.importRecord(breakdownId, name, clock.now(), actor, report.total(),
                report.created(), report.unchanged(), report.rejected(), text));
        log.info("Task breakdown {} from {}: {} rows, {} created, {} unchanged, {} changed, {} rejected", breakdown, name,
                report.total(), report.created(), report.unchanged(), report.changed(), report.rejected());
        return report;
    }

    private RowResult file(long breakdownId, BreakdownRow row, String actor, String how) {
        Optional<Task> existing = store.find(breakdownId, row.taskNo());
        if (existing.isPresent()) {
            Outcome outcome = row.sameAs(existing.get()) ? Outcome.UNCHANGED : Outcome.CHANGED;
            return new RowResult(row.sheetRow(), row.taskNo(), outcome, List.of(), existing.get().id());
        }
        Long leaderId = row.leaderName() == null ? null : store.leader(row.leaderName());
        long id = store.insert(breakdownId, row, leaderId, clock.now());
        store.event(id, clock.now(), actor, "CREATED", how + "，下达" + catalog.unitName(row.leadUnitCode())
                + "牵头" + (row.coUnitCodes().isEmpty() ? "" : "，" + String.join("、",
                        catalog.unitNames(row.coUnitCodes()).values()) + "配合"), null, 0, null);
        store.setProcessInstance(id, process.start(store.task(id).orElseThrow()));
        return new RowResult(row.sheetRow(), row.taskNo(), Outcome.CREATED, List.of(), id);
    }

    private Optional<BreakdownRow> parse(int sheetRow, List<String> cells, Map<String, Integer> columns, List<String> reasons) {
        String taskNo = required(cells, columns, Column.NUMBER, 40, reasons);
        String content = required(cells, columns, Column.CONTENT, 1000, reasons);
        String standard = required(cells, columns, Column.STANDARD, 1000, reasons);
        String itemCode = required(cells, columns, Column.ITEM_CODE, 40, reasons);
        String itemName = required(cells, columns, Column.ITEM_NAME, 200, reasons);
        BigDecimal targetValue = null;
        String targetUnit = null;
        String target = cell(cells, columns, Column.TARGET);
        if (!target.isEmpty() && !target.equals("无")) {
            Matcher m = TARGET.matcher(target.replace('％', '%'));
            if (m.matches()) {
                targetValue = new BigDecimal(m.group(1));
                targetUnit = m.group(2).isEmpty() ? null : m.group(2);
            } else {
                reasons.add("目标值“" + target + "”应为数字，可带单位，如 100% 或 6个");
            }
        }
        String lead = null;
        String leadText = cell(cells, columns, Column.LEAD);
        if (leadText.isEmpty()) {
            reasons.add("“" + Column.LEAD + "”不能为空");
        } else {
            Optional<Unit> unit = unit(leadText);
            if (unit.isEmpty()) {
                reasons.add("牵头单位“" + leadText + "”不在单位名录中（填单位名称或代码）");
            } else {
                lead = unit.get().code();
            }
        }
        List<String> coUnits = new ArrayList<>();
        for (String name : list(cell(cells, columns, Column.CO_UNITS))) {
            Optional<Unit> unit = unit(name);
            if (unit.isEmpty()) {
                reasons.add("责任单位“" + name + "”不在单位名录中");
            } else if (!unit.get().code().equals(lead) && !coUnits.contains(unit.get().code())) {
                coUnits.add(unit.get().code());
            }
        }
        String leader = cell(cells, columns, Column.LEADER);
        if (leader.length() > 50) {
            reasons.add("包保领导姓名不能超过 50 个字");
        }
        LocalDate deadline = null;
        String deadlineText = cell(cells, columns, Column.DEADLINE);
        if (!deadlineText.isEmpty() && !deadlineText.equals("无")) {
            deadline = date(deadlineText);
            if (deadline == null) {
                reasons.add("完成期限“" + deadlineText + "”不是日期，应写作 2027-03-31");
            }
        }
        String recurrenceText = cell(cells, columns, Column.RECURRENCE);
        Recurrence recurrence = Recurrence.parse(recurrenceText).orElse(null);
        if (recurrence == null) {
            reasons.add("反馈周期“" + recurrenceText + "”应填 每周、每月 或 不定期");
        } else if (recurrence == Recurrence.NONE && deadline == null && reasons.isEmpty()) {
            reasons.add("既没有完成期限，也没有反馈周期：请至少填写一项");
        }
        BigDecimal weight = BigDecimal.ONE;
        String weightText = cell(cells, columns, Column.WEIGHT);
        if (!weightText.isEmpty()) {
            try {
                weight = new BigDecimal(weightText);
                if (weight.signum() < 0 || weight.compareTo(BigDecimal.valueOf(100)) > 0) {
                    reasons.add("分值应在 0 到 100 之间");
                }
            } catch (NumberFormatException e) {
                reasons.add("分值“" + weightText + "”不是数字");
            }
        }
        Set<EvidenceKind> evidence = EnumSet.noneOf(EvidenceKind.class);
        for (String kind : list(cell(cells, columns, Column.EVIDENCE))) {
            EvidenceKind.parse(kind).ifPresentOrElse(evidence::add,
                    () -> reasons.add("佐证材料“" + kind + "”应为 照片、文件、数据 中的一项或几项"));
        }
        if (evidence.isEmpty()) {
            evidence.add(EvidenceKind.PHOTO);
        }
        if (evidence.contains(EvidenceKind.FIGURE) && targetValue == null && reasons.isEmpty()) {
            reasons.add("佐证材料要求“数据”时须填写目标值（如 100%）");
        }
        if (!reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BreakdownRow(sheetRow, taskNo, content, standard, targetValue, targetUnit, itemCode, itemName,
                lead, coUnits, leader.isEmpty() ? null : leader, deadline, recurrence, weight, evidence));
    }

    private Optional<Unit> unit(String text) {
        String t = text.strip();
        return catalog.unit(t).or(() -> catalog.units().stream().filter(u -> u.name().equals(t)).findFirst());
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text.strip(), format);
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        return null;
    }

    private static List<String> list(String text) {
        if (text.isEmpty() || text.equals("无")) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[、，,;；/\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String required(List<String> cells, Map<String, Integer> columns, String column, int max,
            List<String> reasons) {
        String value = cell(cells, columns, column);
        if (value.isEmpty()) {
            reasons.add("“" + column + "”不能为空");
        } else if (value.length() > max) {
            reasons.add("“" + column + "”不能超过 " + max + " 个字");
        }
        return value;
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= cells.size() || cells.get(index) == null) {
            return "";
        }
        return cells.get(index).strip();
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c) == null ? "" : header.get(c).strip().replace("\uFEFF", "");
            String canonical = Column.ALIASES.getOrDefault(name, name);
            columns.putIfAbsent(canonical, c);
        }
        return columns;
    }

    private static int count(List<RowResult> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** The template's headers, in its order. */
    static final class Column {
        static final String NUMBER = "任务编号";
        static final String CONTENT = "任务内容";
        static final String STANDARD = "完成标准";
        static final String TARGET = "目标值";
        static final String ITEM_CODE = "测评项目代码";
        static final String ITEM_NAME = "测评项目名称";
        static final String LEAD = "牵头单位";
        static final String CO_UNITS = "责任单位";
        static final String LEADER = "包保领导";
        static final String DEADLINE = "完成期限";
        static final String RECURRENCE = "反馈周期";
        static final String WEIGHT = "分值";
        static final String EVIDENCE = "佐证材料";
        static final List<String> ALL = List.of(NUMBER, CONTENT, STANDARD, TARGET, ITEM_CODE, ITEM_NAME, LEAD, CO_UNITS,
                LEADER, DEADLINE, RECURRENCE, WEIGHT, EVIDENCE);
        static final List<String> REQUIRED = List.of(NUMBER, CONTENT, STANDARD, ITEM_CODE, ITEM_NAME, LEAD);
        static final Map<String, String> ALIASES = Map.of("序号", NUMBER, "编号", NUMBER, "标准", STANDARD,
                "配合单位", CO_UNITS, "完成时限", DEADLINE, "时限", DEADLINE, "权重", WEIGHT, "佐证", EVIDENCE);

        private Column() {
        }
    }
}
