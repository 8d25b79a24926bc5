package org.rectify.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.rectify.web.Problems;
import org.rectify.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.rectify.shared.Hashes;

/**
 * The administrator's door to the rules: list the versions and read their files, upload a changed rule set
 * (it goes through the gate), see what a candidate would change for the open cases, re-activate an old
 * version, run a version's scenarios. A version may be named {@code active}.
 *
 * <p>An upload is multipart: single files ({@code files} parts; scenario files as {@code tests} parts or with a
 * {@code tests/} file name) replace or add those files on top of the active version; a {@code .zip} part (or a
 * body of type {@code application/zip}) is the complete rule set.
 */
@RestController
@RequestMapping("/api/admin/rule-sets")
@PreAuthorize("hasRole('ADMIN')")
class RuleSetController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RuleSets ruleSets;
    private final WhatIf whatIf;

    RuleSetController(RuleSets ruleSets, WhatIf whatIf) {
        this.ruleSets = ruleSets;
        this.whatIf = whatIf;
    }

    record ActiveView(String version, long activationId, OffsetDateTime activatedAt, String activatedBy, String how,
            String thisNode) {
    }

    record Overview(ActiveView active, List<RuleSetStore.Version> versions, List<RuleSetStore.Activation> activations,
            List<RuleSetStore.Attempt> attempts) {
    }

    record FileView(String path, String kind, String decision, int bytes, String sha256, String text, String generatedDrl) {
    }

    record VersionView(String version, String contentHash, boolean active, OffsetDateTime firstActivatedAt,
            String firstActivatedBy, List<FileView> files, List<CompiledRuleSet.RuleSource> rules,
            List<RuleSetStore.Activation> activations) {
    }

    record ScenarioView(String version, int total, int passed, List<Scenarios.Result> failed, List<RuleSetProblem> problems,
            List<CompiledRuleSet.RuleSource> rulesWithoutScenario) {

        static ScenarioView of(Scenarios.Report report) {
            return new ScenarioView(report.version(), report.total(), report.passed(), report.failed(), report.problems(),
                    report.rulesNeverFired());
        }
    }

    record ChangeView(String version, String outcome, String message, Long activationId, String previousVersion,
            ScenarioView scenarios, List<String> warnings, long compileMillis, long scenarioMillis) {
    }

    record Activate(String comment) {
    }

    @GetMapping
    Overview overview() {
        RuleSetStore store = ruleSets.store();
        ActiveView active = store.active().map(a -> new ActiveView(a.version(), a.activationId(), a.activatedAt(),
                a.activatedBy(), a.how().name(), ruleSets.active().shortVersion())).orElse(null);
        return new Overview(active, store.versions(), store.activations(null, 50), store.attempts(50));
    }

    @GetMapping("/{version}")
    VersionView version(@PathVariable String version) {
        String v = resolve(version);
        RuleSetStore.Version row = ruleSets.store().version(v).orElseThrow(() -> unknown(version));
        CompiledRuleSet compiled = compiled(v);
        RuleSetFiles files = compiled.files();
        Map<String, String> readable = RuleSetStore.readable(files);
        List<FileView> views = files.asMap().entrySet().stream().map(e -> {
            String path = e.getKey();
            String text = readable.get(path);
            return new FileView(path, RuleSetFiles.kindOf(path).chineseLabel(), RuleSetFiles.decisionOf(path),
                    e.getValue().length, Hashes.sha256(e.getValue()), text, compiled.generatedDrl().get(path));
        }).toList();
        return new VersionView(v, row.contentHash(), v.equals(ruleSets.active().shortVersion()), row.firstActivatedAt(),
                row.firstActivatedBy(), views, compiled.rules(), ruleSets.store().activations(v, 50));
    }

    /** One file of a version as it was uploaded, e.g. the active time-limits.xlsx to edit. */
    @GetMapping("/{version}/files")
    ResponseEntity<byte[]> file(@PathVariable String version, @RequestParam String path) {
        RuleSetFiles files = files(resolve(version));
        byte[] bytes = files.bytes(path);
        if (bytes == null) {
            throw DomainException.notFound("unknown-file", "版本 " + version + " 中没有文件“" + path + "”");
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        MediaType type = name.endsWith(".xlsx") ? MediaType.parseMediaType(XLSX)
                : name.endsWith(".xls") ? MediaType.parseMediaType("application/vnd.ms-excel")
                : MediaType.parseMediaType("text/plain;charset=UTF-8");
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(bytes);
    }

    /** The whole version as a zip of the rules folder, to edit and upload again. */
    @GetMapping("/{version}/zip")
    ResponseEntity<byte[]> zip(@PathVariable String version) throws IOException {
        String v = resolve(version);
        RuleSetFiles files = files(v);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.asMap().entrySet()) {
                zip.putNextEntry(new ZipEntry("rules/" + file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("rules-" + v + ".zip").build().toString())
                .body(out.toByteArray());
    }

    @PutMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(MultipartHttpServletRequest request, @RequestParam(required = false) String comment,
            Principal principal) {
        return change(candidate(request), principal, comment);
    }

    @PutMapping(consumes = "application/zip")
    ResponseEntity<?> uploadZip(@RequestBody byte[] zip, @RequestParam(required = false) String comment,
            Principal principal) {
        return change(RuleSetFiles.fromZip(zip), principal, comment);
    }

    @PostMapping(path = "/what-if", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    WhatIf.Report whatIf(MultipartHttpServletRequest request, @RequestParam(required = false) String category) {
        return whatIf.compare(ruleSets.active(), RuleSetGate.check(candidate(request)), category);
    }

    @PostMapping(path = "/what-if", consumes = "application/zip")
    WhatIf.Report whatIfZip(@RequestBody byte[] zip, @RequestParam(required = false) String category) {
        return whatIf.compare(ruleSets.active(), RuleSetGate.check(RuleSetFiles.fromZip(zip)), category);
    }

    /** What a stored version (e.g. an older one, before re-activating it) would change for the open cases. */
    @PostMapping("/{version}/what-if")
    WhatIf.Report whatIfVersion(@PathVariable String version, @RequestParam(required = false) String category) {
        return whatIf.compare(ruleSets.active(), RuleSetGate.check(files(resolve(version))), category);
    }

    @PostMapping("/{version}/activate")
    ResponseEntity<?> activate(@PathVariable String version, @RequestBody(required = false) Activate body,
            Principal principal) {
        String v = resolve(version);
        String comment = body == null || body.comment() == null ? null : limit(body.comment());
        RuleSets.Change change = ruleSets.reactivate(v, principal.getName(), comment == null ? "重新启用" : comment)
                .orElseThrow(() -> unknown(version));
        return answer(change);
    }

    @PostMapping("/{version}/scenarios/run")
    ScenarioView runScenarios(@PathVariable String version) {
        return ScenarioView.of(Scenarios.run(compiled(resolve(version))));
    }

    private ResponseEntity<?> change(RuleSetFiles files, Principal principal, String comment) {
        return answer(ruleSets.propose(files, principal.getName(), RuleSetStore.How.UPLOAD,
                comment == null || comment.isBlank() ? "上传" : limit(comment)));
    }

    private ResponseEntity<?> answer(RuleSets.Change change) {
        RuleSetGate.Verdict verdict = change.verdict();
        if (change.outcome() == RuleSetStore.Outcome.REJECTED) {
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "rule-set-rejected",
                    "新规则未通过检查，没有生效；原规则（版本 " + ruleSets.active().shortVersion() + "）继续使用。问题："
                            + verdict.problems().stream().limit(5).map(RuleSetProblem::describe)
                                    .reduce((a, b) -> a + "；" + b).orElse("")
                            + (verdict.problems().size() > 5 ? "；等共 " + verdict.problems().size() + " 处" : ""));
            problem.setProperty("version", verdict.version());
            problem.setProperty("errors", verdict.problems().stream().map(p -> Map.of("file", p.file(), "place", p.place(),
                    "message", p.message(), "text", p.describe())).toList());
            if (verdict.scenarios() != null) {
                problem.setProperty("scenarios", ScenarioView.of(verdict.scenarios()));
            }
            return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        String message = change.activated()
                ? "新规则已通过检查并生效（版本 " + verdict.version() + "），此后的新决定按新规则作出；已作出的决定不变"
                : "内容与正在使用的规则相同，没有变化";
        return ResponseEntity.ok(new ChangeView(verdict.version(), change.outcome().name(), message,
                change.activation() == null ? null : change.activation().id(),
                change.activation() == null ? null : change.activation().previousVersion(),
                verdict.scenarios() == null ? null : ScenarioView.of(verdict.scenarios()), verdict.warnings(),
                verdict.compileMillis(), verdict.scenarioMillis()));
    }

    /** The files of a multipart upload, on top of the active version's files unless one of them is a zip. */
    private RuleSetFiles candidate(MultipartHttpServletRequest request) {
        Map<String, byte[]> uploaded = new TreeMap<>();
        byte[] zip = null;
        int count = 0;
        for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
            for (MultipartFile file : part.getValue()) {
                if (++count > RuleSetFiles.MAX_FILES) {
                    throw RuleSetFiles.tooMany();
                }
                String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replace('\\', '/');
                byte[] bytes;
                try {
                    bytes = file.getBytes();
                } catch (IOException e) {
                    throw DomainException.invalid("unreadable-upload", "无法读取上传的文件“" + name + "”");
                }
                if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                    zip = bytes;
                    continue;
                }
                String base = name.substring(name.lastIndexOf('/') + 1);
                boolean test = part.getKey().equals("tests") || name.startsWith(RuleSetFiles.TESTS)
                        || name.contains("/" + RuleSetFiles.TESTS);
                String path = (test ? RuleSetFiles.TESTS : "") + base;
                if (RuleSetFiles.kindOf(path) == null) {
                    throw DomainException.invalid("not-a-rule-file", "“" + name
                            + "”不是规则文件：可以上传 .drl、.xlsx、.xls、.csv 文件（场景测试放在 tests 中），或整个规则目录的 .zip");
                }
                uploaded.put(path, bytes);
            }
        }
        if (zip != null) {
            return RuleSetFiles.fromZip(zip).with(uploaded);
        }
        if (uploaded.isEmpty()) {
            throw DomainException.invalid("no-files", "没有收到文件：请以 multipart/form-data 上传，字段名 files（场景测试用 tests）");
        }
        return ruleSets.active().files().with(uploaded);
    }

    private String resolve(String version) {
        return "active".equals(version) ? ruleSets.active().shortVersion() : version;
    }

    private RuleSetFiles files(String version) {
        RuleSetFiles files = ruleSets.store().files(version);
        if (files == null) {
            throw unknown(version);
        }
        return files;
    }

    private CompiledRuleSet compiled(String version) {
        try {
            return ruleSets.compiledVersion(version).orElseThrow(() -> unknown(version));
        } catch (RuleSetException e) {
            throw DomainException.conflict("version-does-not-compile",
                    "版本 " + version + " 在当前系统中无法编译：" + e.getMessage());
        }
    }

    private static DomainException unknown(String version) {
        return DomainException.notFound("unknown-rule-set", "没有版本为“" + version + "”的规则集");
    }

    private static String limit(String comment) {
        String text = comment.strip();
        if (text.length() > 500) {
            throw DomainException.invalid("too-long", "说明不能超过 500 个字");
        }
        return text;
    }

    /** An upload that cannot even be read as a rule set (not a zip, not a rule file, too large). */
    @ExceptionHandler(RuleSetException.class)
    ResponseEntity<ProblemDetail> unreadable(RuleSetException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "rule-set-rejected",
                "新规则未生效，原规则继续使用："
                        + (e.problems().isEmpty() ? e.getMessage()
                                : e.problems().stream().map(RuleSetProblem::describe).reduce((a, b) -> a + "；" + b).orElse("")));
        problem.setProperty("errors", e.problems().stream().map(p -> Map.of("file", p.file(), "place", p.place(),
                "message", p.message(), "text", p.describe())).toList());
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
