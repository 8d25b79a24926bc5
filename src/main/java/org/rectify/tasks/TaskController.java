package org.rectify.tasks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rectify.cases.Photos;
import org.rectify.catalog.Catalog;
import org.rectify.intake.Intake;
import org.rectify.intake.ReportRequest;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The task list (任务清单), the performance list (业绩清单), the evidence archive and the leaders' pages over HTTP. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    record TaskJson(long id, String breakdown, String taskNo, String content, String standard, String target,
            String itemCode, String itemName, Map<String, String> leadUnit, List<Map<String, String>> coUnits,
            String leader, LocalDate deadline, String recurrence, BigDecimal weight, List<String> evidenceRequired,
            String status, String statusLabel, String latestFigure, OffsetDateTime acknowledgedAt,
            OffsetDateTime lastReportAt, OffsetDateTime submittedAt, OffsetDateTime achievedAt, Boolean achievedOnTime) {
    }

    record FileJson(String fileName, String contentBase64) {
    }

    record ReportJson(String kind, String text, String figure,
            List<@NotNull(message = "照片不能为 null") FileJson> photos,
            List<@NotNull(message = "文件不能为 null") FileJson> documents) {
    }

    record ReviewJson(String outcome, String reason) {
    }

    private final Tasks tasks;
    private final BreakdownImport imports;
    private final Achievements achievements;
    private final Leaders leaders;
    private final CurrentUsers users;
    private final Catalog catalog;

    TaskController(Tasks tasks, BreakdownImport imports, Achievements achievements, Leaders leaders, CurrentUsers users,
            Catalog catalog) {
        this.tasks = tasks;
        this.imports = imports;
        this.achievements = achievements;
        this.leaders = leaders;
        this.users = users;
        this.catalog = catalog;
    }

    @GetMapping
    List<TaskJson> list(@RequestParam(required = false) String item, @RequestParam(required = false) String unit) {
        return tasks.visible(users.require(), item, unit).stream().map(this::json).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> detail(@PathVariable long id) {
        Tasks.Detail d = tasks.detail(users.require(), id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task", json(d.task()));
        body.put("ladderStep", d.ladderStep());
        body.put("openSteps", d.openSteps().stream().map(s -> Map.of("key", s.key(), "name", s.name())).toList());
        body.put("history", d.events().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", e.at());
            m.put("actor", e.actor());
            m.put("kind", e.kind());
            m.put("label", e.kindLabel());
            m.put("text", e.text());
            m.put("figure", e.figure());
            m.put("cycle", e.cycle());
            m.put("passed", e.passed());
            return m;
        }).toList());
        body.put("evidence", d.evidence().stream().map(e -> Map.of("id", e.id(), "kind", e.kind(), "fileName", e.fileName(),
                "contentType", e.contentType(), "size", e.size(), "href", "/api/tasks/" + id + "/evidence/" + e.id())).toList());
        body.put("linkedCases", d.linkedCases().stream().map(c -> Map.of("id", c.id(), "caseNumber", c.caseNumber(),
                "title", c.title(), "status", c.status().name(), "statusLabel", c.status().chineseLabel())).toList());
        body.put("transfers", d.transfers());
        return body;
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    BreakdownImport.Report importBreakdown(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "breakdown", required = false) String breakdown) throws IOException {
        // who may import is said before what is wrong with the file
        Tasks.requireOffice(users.require());
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("no-file", "请选择要导入的任务分解表文件（表单字段 file）");
        }
        return imports.importFile(breakdown, file.getOriginalFilename(), file.getBytes(), users.require());
    }

    @GetMapping({"/files/{name}.csv", "/files/{name}.xlsx"})
    ResponseEntity<byte[]> file(@PathVariable String name, HttpServletRequest request) {
        return download(name, request.getRequestURI().endsWith(".xlsx"));
    }

    static ResponseEntity<byte[]> download(String name, boolean xlsx) {
        String fileName = TaskFiles.chineseName(name) + (xlsx ? ".xlsx" : ".csv");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8)
                        .build().toString())
                .contentType(xlsx ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(xlsx ? TaskFiles.xlsx(name) : TaskFiles.csv(name));
    }

    @PostMapping("/{id}/acknowledge")
    Map<String, Object> acknowledge(@PathVariable long id) {
        tasks.acknowledge(users.require(), id);
        return detail(id);
    }

    @PostMapping("/{id}/reports")
    Map<String, Object> report(@PathVariable long id, @Valid @RequestBody ReportJson report) {
        List<TaskSteps.NewFile> files = new ArrayList<>();
        for (FileJson photo : report.photos() == null ? List.<FileJson>of() : report.photos()) {
            files.add(new TaskSteps.NewFile("PHOTO", name(photo, "照片.jpg"), "image/jpeg",
                    Photos.decodeBase64(photo.fileName(), photo.contentBase64())));
        }
        for (FileJson document : report.documents() == null ? List.<FileJson>of() : report.documents()) {
            files.add(new TaskSteps.NewFile("DOCUMENT", name(document, "文件.pdf"), TaskCallbacks.guessType(document.fileName()),
                    Photos.decodeBase64(document.fileName(), document.contentBase64())));
        }
        if (files.size() > 9) {
            throw DomainException.invalid("too-many-files", "一次最多提交 9 个文件");
        }
        tasks.report(users.require(), id, report.kind(), report.text(), report.figure(), files);
        return detail(id);
    }

    @PostMapping("/{id}/review")
    Map<String, Object> review(@PathVariable long id, @RequestBody ReviewJson review) {
        tasks.review(users.require(), id, review.outcome(), review.reason());
        return detail(id);
    }

    /** One task entered by hand: the same fields and checks as a row of the breakdown table. */
    @PostMapping
    ResponseEntity<Map<String, Object>> enter(@RequestBody(required = false) BreakdownImport.NewTask task) {
        // the office is checked before the body, so a unit learns nothing from a malformed request
        Tasks.requireOffice(users.require());
        if (task == null) {
            throw DomainException.invalid("no-body", "请提交任务内容（JSON）");
        }
        long id = imports.enter(task, users.require());
        return ResponseEntity.status(201).body(detail(id));
    }

    record AssignmentJson(String leader, String title, String target) {
    }

    /** Names a 包保 leader for a unit ({@code UNIT:code}), an area ({@code AREA:street}) or a task ({@code TASK:id}). */
    @PostMapping("/leaders/assignments")
    TaskStore.Leader assignLeader(@RequestBody(required = false) AssignmentJson assignment) {
        Tasks.requireOffice(users.require());
        if (assignment == null) {
            throw DomainException.invalid("no-body", "请提交包保领导和包保对象（JSON）");
        }
        return leaders.assign(users.require(), assignment.leader(), assignment.title(), assignment.target());
    }

    @PostMapping("/{id}/problems")
    ResponseEntity<Intake.Receipt> problem(@PathVariable long id, @Valid @RequestBody ReportRequest report,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tasks.reportProblem(users.require(), id, report, idempotencyKey));
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        TaskStore.Evidence meta = tasks.detail(users.require(), id).evidence().stream().filter(e -> e.id() == evidenceId)
                .findFirst().orElseThrow(() -> DomainException.notFound("no-such-evidence", "佐证材料不存在"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(meta.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(meta.fileName(),
                        StandardCharsets.UTF_8).build().toString())
                .body(tasks.evidenceContent(users.require(), id, evidenceId));
    }

    @GetMapping("/achievements")
    List<TaskJson> achievements(@RequestParam(required = false) String item, @RequestParam(required = false) String unit) {
        return achievements.list(users.require(), item, unit).stream().map(this::json).toList();
    }

    @GetMapping("/items")
    List<Achievements.Item> items() {
        return achievements.items(users.require());
    }

    @GetMapping("/items/{code}/archive")
    ResponseEntity<byte[]> archive(@PathVariable String code) {
        return zip(code, achievements.export(users.require(), code));
    }

    static ResponseEntity<byte[]> zip(String code, byte[] zip) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("创建档案-" + code + ".zip", StandardCharsets.UTF_8).build().toString())
                .body(zip);
    }

    @GetMapping("/transfers")
    List<TaskStore.Transfer> transfers() {
        return tasks.transfers(users.require());
    }

    @GetMapping("/leaders/me")
    Map<String, Object> myLeaderPage() {
        return leaderJson(leaders.page(users.require()));
    }

    @GetMapping("/leaders/{leaderId}")
    Map<String, Object> leaderPage(@PathVariable long leaderId) {
        return leaderJson(leaders.page(users.require(), leaderId));
    }

    private Map<String, Object> leaderJson(Leaders.Page page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leader", page.leader());
        body.put("answersFor", page.answersFor());
        body.put("tasks", page.tasks().stream().map(this::json).toList());
        body.put("stalledTasks", page.stalledTasks().stream().map(Task::taskNo).toList());
        body.put("overdueCases", page.overdueCases().stream().map(c -> Map.of("id", c.id(), "caseNumber", c.caseNumber(),
                "title", c.title(), "deadline", c.deadline())).toList());
        body.put("supervisionOrders", page.supervisionOrders());
        return body;
    }

    private static String name(FileJson file, String fallback) {
        return file.fileName() == null || file.fileName().isBlank() ? fallback : file.fileName();
    }

    private TaskJson json(Task t) {
        return new TaskJson(t.id(), t.breakdownName(), t.taskNo(), t.content(), t.standard(), t.targetText(), t.itemCode(),
                t.itemName(), Map.of("code", t.leadUnitCode(), "name", catalog.unitName(t.leadUnitCode())),
                t.coUnitCodes().stream().map(c -> Map.of("code", c, "name", catalog.unitName(c))).toList(), t.leaderName(),
                t.deadline(), t.recurrence().chineseLabel(), t.weight(),
                t.evidence().stream().map(EvidenceKind::chineseLabel).toList(), t.status().name(), t.status().chineseLabel(),
                t.figureText(), t.acknowledgedAt(), t.lastReportAt(), t.submittedAt(), t.achievedAt(), t.achievedOnTime());
    }
}
