package org.rectify.tasks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.rectify.cases.Cases;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.rectify.clock.BusinessClock;
import org.rectify.documents.HtmlPdf;
import org.rectify.rules.Sheets;
import org.rectify.security.CurrentUser;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Service;

/**
 * 业绩清单: the tasks whose completion the campaign office verified, with their evidence, per unit and per 测评体系 item;
 * each item's readiness for an inspection (traffic light); and the evidence archive (创建档案) of an item as a ZIP ready
 * to hand over: an index sheet, one PDF per verified task, and the task's photos and documents.
 */
@Service
class Achievements {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public enum Light {
        GREEN("就绪", "done"), YELLOW("推进中", "waiting"), RED("有风险", "late");

        private final String chineseLabel;
        private final String tone;

        Light(String chineseLabel, String tone) {
            this.chineseLabel = chineseLabel;
            this.tone = tone;
        }

        public String chineseLabel() {
            return chineseLabel;
        }

        public String tone() {
            return tone;
        }
    }

    /** One 测评体系 item: its tasks by state, its open linked problems, and its light with the reasons. */
    public record Item(String code, String name, int tasks, int achieved, int onTime, int overdue, int stalled, int openProblems,
            Light light, List<String> reasons) {

        public int percent() {
            return tasks == 0 ? 0 : Math.round(achieved * 100f / tasks);
        }
    }

    private final TaskStore store;
    private final Tasks tasks;
    private final Cases cases;
    private final Catalog catalog;
    private final BusinessClock clock;
    private final HtmlPdf pdf;

    Achievements(TaskStore store, Tasks tasks, Cases cases, Catalog catalog, BusinessClock clock, HtmlPdf pdf) {
        this.store = store;
        this.tasks = tasks;
        this.cases = cases;
        this.catalog = catalog;
        this.clock = clock;
        this.pdf = pdf;
    }

    /** The verified tasks the user may see, optionally of one item or unit. */
    List<Task> list(CurrentUser user, String itemCode, String unitCode) {
        return tasks.visible(user, itemCode, unitCode).stream().filter(t -> t.status() == TaskStatus.ACHIEVED).toList();
    }

    /** Every item of the tasks the user may see, with its readiness. */
    List<Item> items(CurrentUser user) {
        return items(tasks.visible(user, null, null));
    }

    List<Item> items(List<Task> visible) {
        OffsetDateTime now = clock.now();
        Map<Long, String> ladder = store.currentLadderSteps();
        Map<Long, List<Long>> links = store.linkedCasesByTask();
        Map<String, List<Task>> byItem = visible.stream()
                .collect(Collectors.groupingBy(Task::itemCode, java.util.TreeMap::new, Collectors.toList()));
        List<Item> items = new ArrayList<>();
        byItem.forEach((code, itemTasks) -> {
            int achieved = 0, onTime = 0, overdue = 0, stalled = 0, openProblems = 0, escalated = 0;
            for (Task t : itemTasks) {
                if (t.status() == TaskStatus.ACHIEVED) {
                    achieved++;
                    if (Boolean.TRUE.equals(t.achievedOnTime())) {
                        onTime++;
                    }
                } else {
                    if (t.deadline() != null && t.deadline().isBefore(now.toLocalDate())) {
                        overdue++;
                    }
                    String step = ladder.get(t.id());
                    if (step != null) {
                        stalled++;
                        if (step.equals("SUPERVISION") || step.equals("TRANSFER")) {
                            escalated++;
                        }
                    }
                }
                for (long caseId : links.getOrDefault(t.id(), List.of())) {
                    if (cases.find(caseId).map(c -> c.status().isOpen()).orElse(false)) {
                        openProblems++;
                    }
                }
            }
            List<String> reasons = new ArrayList<>();
            if (overdue > 0) {
                reasons.add(overdue + "项任务超过完成期限");
            }
            if (escalated > 0) {
                reasons.add(escalated + "项任务被督办或移交纪工委");
            }
            if (stalled > escalated) {
                reasons.add((stalled - escalated) + "项任务逾期未反馈");
            }
            if (openProblems > 0) {
                reasons.add(openProblems + "个关联问题尚未销号");
            }
            if (achieved < itemTasks.size()) {
                reasons.add((itemTasks.size() - achieved) + "项任务尚未完成");
            }
            Light light = overdue > 0 || escalated > 0 ? Light.RED
                    : achieved == itemTasks.size() && openProblems == 0 ? Light.GREEN : Light.YELLOW;
            items.add(new Item(code, itemTasks.get(0).itemName(), itemTasks.size(), achieved, onTime, overdue, stalled,
                    openProblems, light, reasons));
        });
        return items;
    }

    /** The evidence archive of one item: what was verified, ready to hand over. */
    byte[] export(CurrentUser user, String itemCode) {
        List<Task> verified = list(user, itemCode, null);
        if (verified.isEmpty()) {
            throw DomainException.notFound("nothing-verified", "测评项目“" + itemCode + "”还没有通过审核的任务，没有可以导出的档案");
        }
        String itemName = verified.get(0).itemName();
        List<List<String>> index = new ArrayList<>();
        index.add(List.of("序号", "任务编号", "任务内容", "完成标准", "目标值", "完成数值", "牵头单位", "申报完成时间",
                "审核通过时间", "是否按期", "档案文件", "佐证材料"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            int n = 0;
            for (Task t : verified) {
                n++;
                String folder = safe(t.taskNo()) + "/";
                List<TaskStore.Evidence> evidence = store.evidence(t.id());
                List<String> files = new ArrayList<>();
                Map<String, Integer> names = new LinkedHashMap<>();
                for (TaskStore.Evidence e : evidence) {
                    String name = unique(names, safe(e.fileName()));
                    files.add(folder + name);
                    zip.putNextEntry(new ZipEntry(folder + name));
                    zip.write(store.evidenceContent(t.id(), e.id()).orElseThrow());
                    zip.closeEntry();
                }
                String pdfName = folder + "任务档案-" + safe(t.taskNo()) + ".pdf";
                zip.putNextEntry(new ZipEntry(pdfName));
                zip.write(pdf.render(dossier(t, store.events(t.id()), evidence)));
                zip.closeEntry();
                index.add(List.of(String.valueOf(n), t.taskNo(), t.content(), t.standard(), t.targetText(), t.figureText(),
                        catalog.unitName(t.leadUnitCode()), format(t.submittedAt()), format(t.achievedAt()),
                        Boolean.TRUE.equals(t.achievedOnTime()) ? "按期" : "逾期", pdfName, String.join("\n", files)));
            }
            zip.putNextEntry(new ZipEntry("索引-" + safe(itemCode) + "-" + safe(itemName) + ".xlsx"));
            zip.write(Sheets.xlsx("创建档案索引", index, new int[] {4, 8, 24, 30, 6, 6, 14, 10, 10, 4, 24, 30}));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private String dossier(Task t, List<TaskStore.Event> events, List<TaskStore.Evidence> evidence) {
        StringBuilder html = new StringBuilder();
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>")
                .append("@page { size: A4; margin: 20mm 18mm; } body { font-family: '").append(HtmlPdf.FONT_FAMILY)
                .append("'; font-size: 10.5pt; line-height: 1.6; } h1 { font-size: 16pt; text-align: center; }")
                .append(" table { width: 100%; border-collapse: collapse; margin-bottom: 10pt; }")
                .append(" th, td { border: 0.5pt solid #555; padding: 3pt 5pt; text-align: left; vertical-align: top; }")
                .append(" th { width: 24%; background: #f0f0f0; font-weight: normal; } h2 { font-size: 12pt; }")
                .append("</style></head><body>");
        html.append("<h1>创建档案 · 任务完成情况</h1>");
        html.append("<table>");
        row(html, "测评项目", t.itemCode() + " " + t.itemName());
        row(html, "任务编号", t.taskNo());
        row(html, "任务内容", t.content());
        row(html, "完成标准", t.standard() + (t.targetValue() == null ? "" : "（目标值 " + t.targetText() + "）"));
        row(html, "完成数值", t.figureText().isEmpty() ? "—" : t.figureText());
        row(html, "牵头单位", catalog.unitName(t.leadUnitCode()));
        row(html, "责任单位", t.coUnitCodes().isEmpty() ? "—" : String.join("、", catalog.unitNames(t.coUnitCodes()).values()));
        row(html, "包保领导", t.leaderName() == null ? "—" : t.leaderName());
        row(html, "完成期限", t.deadline() == null ? "—" : t.deadline().toString());
        row(html, "申报完成", format(t.submittedAt()));
        row(html, "审核通过", format(t.achievedAt()) + (Boolean.TRUE.equals(t.achievedOnTime()) ? "（按期完成）" : "（逾期完成）"));
        html.append("</table><h2>落实过程（全程留痕）</h2><table>");
        for (TaskStore.Event e : events) {
            if (e.kind().equals("PLANNED")) {
                continue;
            }
            row(html, format(e.at()) + " " + e.kindLabel(), (e.text() == null ? "" : e.text())
                    + (e.figure() == null ? "" : "（数值 " + e.figure().stripTrailingZeros().toPlainString() + "）")
                    + "；" + e.actor());
        }
        html.append("</table><h2>佐证材料</h2><table>");
        if (evidence.isEmpty()) {
            row(html, "—", "无");
        }
        for (TaskStore.Evidence e : evidence) {
            row(html, e.kind().equals("PHOTO") ? "照片" : "文件", e.fileName() + "（" + format(e.createdAt()) + " 提交，"
                    + Math.max(1, e.size() / 1024) + " KB，见同一文件夹）");
        }
        html.append("</table><p>导出时间：").append(escape(format(clock.now()))).append("</p></body></html>");
        return html.toString();
    }

    private static void row(StringBuilder html, String head, String value) {
        html.append("<tr><th>").append(escape(head)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String format(OffsetDateTime at) {
        return at == null ? "—" : at.format(DAY);
    }

    private static String safe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }

    private static String unique(Map<String, Integer> names, String name) {
        int seen = names.merge(name, 1, Integer::sum);
        if (seen == 1) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + "-" + seen + name.substring(dot) : name + "-" + seen;
    }
}
