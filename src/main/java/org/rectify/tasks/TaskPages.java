package org.rectify.tasks;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rectify.catalog.Catalog;
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's task pages: the task list (任务清单), a task's page with its steps, the performance list (业绩清单), the
 * 测评体系 items' readiness with their archives, the leaders' pages (领导包保) and the breakdown import. Public only so
 * the console's advice (navigation, signed-in person, refusals as pages) can name it.
 */
@Controller
public class TaskPages {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A task as a row of the console's tables, its times as text. */
    public record Row(long id, String taskNo, String content, String standard, String target, String figure, String item,
            String itemCode, String leadUnit, String coUnits, String leader, String deadline, String recurrence,
            String weight, String evidence, String status, String statusTone, String ladder, String lastReport,
            String submitted, String achieved, String onTime) {
    }

    public record EventRow(String at, String actor, String label, String text, String figure, String kind) {
    }

    public record EvidenceRow(String href, String kind, String fileName, String at, boolean photo) {
    }

    private final Tasks tasks;
    private final BreakdownImport imports;
    private final Achievements achievements;
    private final Leaders leaders;
    private final CurrentUsers users;
    private final Catalog catalog;
    private final TaskStore store;

    TaskPages(Tasks tasks, BreakdownImport imports, Achievements achievements, Leaders leaders, CurrentUsers users,
            Catalog catalog, TaskStore store) {
        this.tasks = tasks;
        this.imports = imports;
        this.achievements = achievements;
        this.leaders = leaders;
        this.users = users;
        this.catalog = catalog;
        this.store = store;
    }

    @GetMapping("/console/tasks")
    String list(@RequestParam(required = false) String item, @RequestParam(required = false) String unit, Model model) {
        CurrentUser user = users.require();
        List<Task> visible = tasks.visible(user, item, unit);
        model.addAttribute("rows", rows(visible));
        model.addAttribute("items", achievements.items(tasks.visible(user, null, null)));
        model.addAttribute("item", item == null ? "" : item);
        model.addAttribute("unit", unit == null ? "" : unit);
        model.addAttribute("units", catalog.units());
        model.addAttribute("isOffice", isOffice(user));
        model.addAttribute("isLeader", leaders.isLeader(user.id()));
        return "console/tasks";
    }

    @GetMapping("/console/tasks/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser user = users.require();
        Tasks.Detail d = tasks.detail(user, id);
        model.addAttribute("t", row(d.task(), store.currentLadderSteps()));
        // people read the account's name, as on a case's page
        Map<String, String> names = users.displayNames(d.events().stream().map(TaskStore.Event::actor).distinct().toList());
        model.addAttribute("events", d.events().stream().filter(e -> !e.kind().equals("PLANNED") || user.seesAllCases())
                .map(e -> new EventRow(format(e.at()), names.getOrDefault(e.actor(), e.actor()), e.kind().equals("PLANNED") ? (e.cycle() == 0 ? "确定签收期限" : "确定反馈期限") : e.kindLabel(),
                        e.text() == null ? "" : e.text(), e.figure() == null ? "" : e.figure().stripTrailingZeros().toPlainString(),
                        e.kind()))
                .toList());
        model.addAttribute("evidence", d.evidence().stream().map(e -> new EvidenceRow("/console/tasks/" + id + "/evidence/" + e.id(),
                e.kind().equals("PHOTO") ? "照片" : "文件", e.fileName(), format(e.createdAt()), e.kind().equals("PHOTO"))).toList());
        model.addAttribute("linkedCases", d.linkedCases());
        model.addAttribute("transfers", d.transfers());
        List<String> steps = d.openSteps().stream().map(TaskProcess.OpenStep::key).toList();
        boolean lead = user.isAdmin() || user.unitCodes().contains(d.task().leadUnitCode());
        model.addAttribute("canAcknowledge", lead && steps.contains(TaskVariables.STEP_ACKNOWLEDGE));
        model.addAttribute("canReport", lead && steps.contains(TaskVariables.STEP_REPORT));
        model.addAttribute("canReview", (user.isAdmin() || user.isDispatcher()) && steps.contains(TaskVariables.STEP_REVIEW));
        model.addAttribute("openSteps", d.openSteps().stream().map(TaskProcess.OpenStep::name).toList());
        model.addAttribute("needsFigure", d.task().needsFigure());
        model.addAttribute("canFileProblem", user.isAdmin() || user.isDispatcher() || user.isSupervisor());
        model.addAttribute("canAssignLeader", isOffice(user));
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("requestKey", java.util.UUID.randomUUID().toString());
        model.addAttribute("disciplineCases", d.transfers().stream().filter(x -> x.caseId() != null)
                .map(TaskStore.Transfer::caseId).toList());
        return "console/task";
    }

    @PostMapping("/console/tasks/{id:\\d+}/acknowledge")
    String acknowledge(@PathVariable long id, RedirectAttributes flash) {
        tasks.acknowledge(users.require(), id);
        flash.addFlashAttribute("notice", "已签收，开始计时");
        return "redirect:/console/tasks/" + id;
    }

    @PostMapping("/console/tasks/{id:\\d+}/reports")
    String report(@PathVariable long id, @RequestParam(required = false) String kind, @RequestParam(required = false) String text,
            @RequestParam(required = false) String figure, @RequestParam(required = false) List<MultipartFile> photos,
            @RequestParam(required = false) List<MultipartFile> documents, RedirectAttributes flash) throws IOException {
        List<TaskSteps.NewFile> files = new ArrayList<>();
        for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
            if (!f.isEmpty()) {
                files.add(new TaskSteps.NewFile("PHOTO", f.getOriginalFilename(), "image/jpeg", f.getBytes()));
            }
        }
        for (MultipartFile f : documents == null ? List.<MultipartFile>of() : documents) {
            if (!f.isEmpty()) {
                files.add(new TaskSteps.NewFile("DOCUMENT", f.getOriginalFilename(), TaskCallbacks.guessType(f.getOriginalFilename()),
                        f.getBytes()));
            }
        }
        tasks.report(users.require(), id, kind, text, figure, files);
        flash.addFlashAttribute("notice", "COMPLETION".equals(kind) ? "已申报完成，等待创建办审核" : "已反馈本周期进展，重新计时");
        return "redirect:/console/tasks/" + id;
    }

    @PostMapping("/console/tasks/{id:\\d+}/review")
    String review(@PathVariable long id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String reason, RedirectAttributes flash) {
        tasks.review(users.require(), id, outcome, reason);
        flash.addFlashAttribute("notice", "PASS".equals(outcome) ? "审核通过，已列入业绩清单" : "审核不通过，已退回责任单位");
        return "redirect:/console/tasks/" + id;
    }

    @GetMapping("/console/tasks/{id:\\d+}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        TaskStore.Evidence meta = tasks.detail(users.require(), id).evidence().stream().filter(e -> e.id() == evidenceId)
                .findFirst().orElseThrow(() -> DomainException.notFound("no-such-evidence", "佐证材料不存在"));
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(meta.contentType()))
                .body(tasks.evidenceContent(users.require(), id, evidenceId));
    }

    @GetMapping("/console/tasks/new")
    String newTask(Model model) {
        Tasks.requireOffice(users.require());
        Map<String, String> form = new java.util.HashMap<>();
        form.put("breakdown", BreakdownImport.DEFAULT_BREAKDOWN);
        form.put("recurrence", "每周");
        form.put("weight", "1");
        return newTaskForm(model, form, List.of("照片"), null);
    }

    @PostMapping("/console/tasks/new")
    String enterTask(@RequestParam Map<String, String> params, @RequestParam(required = false) List<String> evidence,
            Model model, jakarta.servlet.http.HttpServletResponse response, RedirectAttributes flash) {
        CurrentUser user = users.require();
        Tasks.requireOffice(user);
        List<String> kinds = evidence == null ? List.of() : evidence;
        try {
            long id = imports.enter(new BreakdownImport.NewTask(params.get("breakdown"), params.get("taskNo"),
                    params.get("content"), params.get("standard"), params.get("target"), params.get("itemCode"),
                    params.get("itemName"), params.get("leadUnit"), params.get("coUnits"), params.get("leader"),
                    params.get("deadline"), params.get("recurrence"), params.get("weight"),
                    kinds.isEmpty() ? "无" : String.join("、", kinds)), user);
            flash.addFlashAttribute("notice", "已下达任务，等待责任单位签收");
            return "redirect:/console/tasks/" + id;
        } catch (DomainException e) {
            response.setStatus(org.rectify.web.Problems.statusOf(e).value());
            return newTaskForm(model, params, kinds, e.detail());
        }
    }

    private String newTaskForm(Model model, Map<String, String> form, List<String> evidence, String error) {
        model.addAttribute("form", form);
        model.addAttribute("evidence", evidence);
        model.addAttribute("error", error);
        model.addAttribute("units", catalog.units());
        model.addAttribute("breakdowns", store.breakdownNames());
        return "console/task-new";
    }

    @PostMapping("/console/tasks/leaders/assignments")
    String assignLeader(@RequestParam(required = false) String name, @RequestParam(required = false) String title,
            @RequestParam(required = false) String target, RedirectAttributes flash) {
        TaskStore.Leader leader = leaders.assign(users.require(), name, title, target);
        flash.addFlashAttribute("notice", "已指定" + leader.name() + "为包保领导");
        return target != null && target.startsWith("TASK:") ? "redirect:/console/tasks/" + target.substring(5).strip()
                : "redirect:/console/tasks/leaders/" + leader.id();
    }

    @PostMapping("/console/tasks/{id:\\d+}/problems")
    String problem(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes flash) {
        org.rectify.intake.Intake.Receipt receipt = tasks.reportProblem(users.require(), id, params.get("categoryCode"),
                params.get("severity"), params.get("title"), params.get("address"), params.get("description"),
                params.get("gridCode"), params.get("requestKey"));
        flash.addFlashAttribute("notice", "已立案 " + receipt.caseNumber() + "，转入问题清单并关联本任务");
        return "redirect:/console/tasks/" + id;
    }

    @GetMapping("/console/tasks/achievements")
    String achievementsPage(@RequestParam(required = false) String item, @RequestParam(required = false) String unit,
            Model model) {
        CurrentUser user = users.require();
        model.addAttribute("rows", rows(achievements.list(user, item, unit)));
        model.addAttribute("item", item == null ? "" : item);
        model.addAttribute("unit", unit == null ? "" : unit);
        model.addAttribute("units", catalog.units());
        return "console/task-achievements";
    }

    @GetMapping("/console/tasks/items")
    String items(Model model) {
        model.addAttribute("items", achievements.items(users.require()));
        return "console/task-items";
    }

    @GetMapping("/console/tasks/items/{code}/archive")
    ResponseEntity<byte[]> archive(@PathVariable String code) {
        return TaskController.zip(code, achievements.export(users.require(), code));
    }

    @GetMapping("/console/tasks/leader")
    String myLeaderPage(Model model) {
        return leaderPage(leaders.page(users.require()), model);
    }

    @GetMapping("/console/tasks/leaders")
    String leaderList(Model model) {
        CurrentUser user = users.require();
        if (!user.seesAllCases()) {
            throw DomainException.forbidden("offices-only", "只有创建办、督查组和纪工委可以查看全部包保领导");
        }
        model.addAttribute("leaders", leaders.all());
        model.addAttribute("units", catalog.units());
        model.addAttribute("canAssign", isOffice(user));
        return "console/task-leaders";
    }

    @GetMapping("/console/tasks/leaders/{leaderId}")
    String leaderPage(@PathVariable long leaderId, Model model) {
        return leaderPage(leaders.page(users.require(), leaderId), model);
    }

    private String leaderPage(Leaders.Page page, Model model) {
        Map<Long, String> ladder = store.currentLadderSteps();
        model.addAttribute("page", page);
        model.addAttribute("rows", page.tasks().stream().map(t -> row(t, ladder)).toList());
        model.addAttribute("stalled", page.stalledTasks().stream().map(t -> row(t, ladder)).toList());
        model.addAttribute("cases", page.overdueCases().stream().map(c -> Map.of("id", String.valueOf(c.id()), "number",
                c.caseNumber(), "title", c.title(), "unit", catalog.unitName(c.leadUnitCode()), "deadline",
                format(c.deadline()))).toList());
        model.addAttribute("orders", page.supervisionOrders().stream().map(o -> Map.of("subject", o.subject(), "number",
                o.number() == null ? "" : o.number(), "at", format(o.issuedAt()), "href", o.href(), "text",
                o.text() == null ? "" : o.text())).toList());
        return "console/task-leader";
    }

    @GetMapping("/console/tasks/import")
    String importPage(Model model) {
        Tasks.requireOffice(users.require());
        model.addAttribute("breakdowns", store.breakdownNames());
        model.addAttribute("defaultBreakdown", BreakdownImport.DEFAULT_BREAKDOWN);
        return "console/task-import";
    }

    @PostMapping("/console/tasks/import")
    String importBreakdown(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String breakdown,
            Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("no-file", "请选择要导入的任务分解表文件");
        }
        BreakdownImport.Report report = imports.importFile(breakdown, file.getOriginalFilename(), file.getBytes(), users.require());
        model.addAttribute("report", report);
        model.addAttribute("breakdowns", store.breakdownNames());
        model.addAttribute("defaultBreakdown", report.breakdown());
        return "console/task-import";
    }

    @GetMapping({"/console/tasks/files/{name}.csv", "/console/tasks/files/{name}.xlsx"})
    ResponseEntity<byte[]> file(@PathVariable String name, jakarta.servlet.http.HttpServletRequest request) {
        return TaskController.download(name, request.getRequestURI().endsWith(".xlsx"));
    }

    private List<Row> rows(List<Task> list) {
        Map<Long, String> ladder = store.currentLadderSteps();
        return list.stream().map(t -> row(t, ladder)).toList();
    }

    private Row row(Task t, Map<Long, String> ladder) {
        String step = ladder.get(t.id());
        return new Row(t.id(), t.taskNo(), t.content(), t.standard(), t.targetText(), t.figureText(),
                t.itemCode() + " " + t.itemName(), t.itemCode(), catalog.unitName(t.leadUnitCode()),
                String.join("、", catalog.unitNames(t.coUnitCodes()).values()), t.leaderName() == null ? "" : t.leaderName(),
                t.deadline() == null ? "" : t.deadline().toString(), t.recurrence().chineseLabel(),
                t.weight().stripTrailingZeros().toPlainString(), t.evidenceText(), t.status().chineseLabel(),
                t.status().tone(), step == null ? "" : ladderLabel(step), format(t.lastReportAt()), format(t.submittedAt()),
                format(t.achievedAt()), t.achievedOnTime() == null ? "" : t.achievedOnTime() ? "按期" : "逾期");
    }

    static String ladderLabel(String step) {
        return switch (step) {
            case "WARNING" -> "已预警";
            case "URGING" -> "已催办";
            case "SUPERVISION" -> "已督办";
            case "TRANSFER" -> "已移交纪工委";
            default -> step;
        };
    }

    private static boolean isOffice(CurrentUser user) {
        return user.isAdmin() || user.isDispatcher();
    }

    private static String format(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).format(MINUTE);
    }
}
