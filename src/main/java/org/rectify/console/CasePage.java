package org.rectify.console;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.rectify.cases.Assignment;
import org.rectify.cases.CaseHistory;
import org.rectify.cases.CaseViews;
import org.rectify.cases.CaseSteps;
import org.rectify.cases.Photos;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Grid;
import org.rectify.documents.DocumentType;
import org.rectify.escalation.LadderStage;
import org.rectify.escalation.LadderStages;
import org.rectify.rules.RoutingDecision;
import org.rectify.rules.RuleSetLabels;
import org.rectify.workflow.CaseProcess;
import org.rectify.workflow.ProcessVariables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything the case page shows: the facts, the photos before and after, the position, the whole timeline
 * (each step with the rule decisions taken with it, and the documents issued), and which action the viewer
 * may take at the step the case waits at now.
 */
@Component
class CasePage {

    public record Fact(String label, String value, String tone) {
    }

    /** A report linked to this case as a duplicate, which the campaign office may still unlink. */
    public record LinkedReport(long id, String text) {
    }

    public record Photo(long id, String url, String fileName, String uploadedAt, String uploadedBy) {
    }

    public record Explanation(String kind, String text, String rules, String version) {
    }

    public record Entry(String kind, String when, String who, String text, List<Explanation> explanations,
            String link, String linkLabel) {
    }

    public record Point(double x, double y, String title, String href) {
    }

    public record MapView(String latitude, String longitude, List<Point> neighbours, Point here, int width, int height,
            double scaleBarWidth, String scaleLabel, String externalUrl) {
    }

    /** The step the case waits at, and what the viewer may do there. */
    public record Step(String key, String name, String taskId, String groupsText, boolean mine, String form,
            String tasklistUrl) {
    }

    public record Choice(String code, String label) {
    }

    public record View(long id, String caseNumber, String title, String description, String status, String statusLabel,
            String statusTone, String overdueText, List<Fact> facts, List<Photo> before, List<Photo> after,
            MapView map, List<Entry> timeline, Step step, List<Choice> units, String suggestedUnit,
            String suggestedUnitName, List<Choice> rejectionReasons, List<Choice> categories, List<Choice> grids,
            String cockpitUrl, String ladderStage, String ladderStageLabel) {
    }

    /** Steps the console can complete itself; any other step is done in Tasklist. */
    static final Set<String> CONSOLE_FORMS = Set.of(ProcessVariables.TASK_CHECK, ProcessVariables.TASK_ACCEPT,
            ProcessVariables.TASK_REASSIGN, ProcessVariables.TASK_FIX, ProcessVariables.TASK_VERIFY);

    private final CaseHistory history;
    private final Photos photos;
    private final CaseProcess process;
    private final Assignment assignment;
    private final IdentityService identityService;
    private final JdbcClient jdbc;
    private final CaseViews views;

    private final LadderStages ladderStages;
    private final RuleSetLabels ruleSetLabels;

    CasePage(CaseHistory history, Photos photos, CaseProcess process, Assignment assignment,
            IdentityService identityService, JdbcClient jdbc, CaseViews views, LadderStages ladderStages,
            RuleSetLabels ruleSetLabels) {
        this.views = views;
        this.ladderStages = ladderStages;
        this.ruleSetLabels = ruleSetLabels;
        this.history = history;
        this.photos = photos;
        this.process = process;
        this.assignment = assignment;
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    View build(RectificationCase c, Viewer viewer, Directory.Snapshot d, OffsetDateTime now,
            CaseViews.Duplicates duplicates) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("问题类别", d.categoryName(c.categoryCode()), null));
        facts.add(new Fact("严重程度", c.severity().chineseLabel(), switch (c.severity()) {
            case URGENT -> "late";
            case SERIOUS -> "warn";
            default -> null;
        }));
        facts.add(new Fact("来源", c.source().chineseLabel(), null));
        facts.add(new Fact("地址", c.address(), null));
        Grid grid = c.gridCode() == null ? null : d.grids().stream().filter(g -> g.code().equals(c.gridCode()))
                .findFirst().orElse(null);
        facts.add(new Fact("属地", grid == null ? "未定位到网格"
                : d.unitName(grid.streetCode()) + " · " + d.unitName(grid.communityCode()) + " · " + grid.name(), null));
        // Reporters' names and phones are shown to the offices, the case's units and the reporter themself, as in the
        // API's case detail: someone whose report was linked to this case follows it without learning who else reported.
        boolean seesReporters = viewer.seesAll() || c.involvesAnyOf(viewer.units());
        facts.add(new Fact("上报人", seesReporters || c.submittedBy().equals(viewer.id())
                ? Optional.ofNullable(c.reporterName()).orElse(c.reporter())
                        + (c.reporterPhone() == null ? "" : "（" + c.reporterPhone() + "）")
                : c.source().chineseLabel() + "上报人（姓名和电话不公开）", null));
        facts.add(new Fact("上报时间", Texts.minute(c.createdAt()), null));
        facts.add(new Fact("牵头单位", c.leadUnitCode() == null ? "尚未派遣" : d.unitName(c.leadUnitCode()), null));
        if (!c.coUnitCodes().isEmpty()) {
            facts.add(new Fact("配合单位", c.coUnitCodes().stream().map(d::unitName).collect(Collectors.joining("、")), null));
        }
        if (c.deadline() != null) {
            facts.add(new Fact("整改时限", Texts.minute(c.deadline()) + (c.deadlineProvisional()
                    ? "（暂定：跨入尚未发布节假日安排的年份）" : ""), c.isOverdue(now) ? "late" : null));
        }
        addDuplicateReports(duplicates, seesReporters, facts);
        if (c.reworkCount() > 0) {
            facts.add(new Fact("返工次数", "已返工 " + c.reworkCount() + " 次", "late"));
        }
        if (c.extensionCount() > 0) {
            facts.add(new Fact("延期", "已延期 " + c.extensionCount() + " 次", "warn"));
        }
        if (c.closedAt() != null) {
            facts.add(new Fact("办结时间", Texts.minute(c.closedAt()), null));
        }
        if (c.rejectionReason() != null) {
            String reason = Arrays.stream(CaseSteps.RejectionReason.values())
                    .filter(r -> r.name().equals(c.rejectionReason())).map(CaseSteps.RejectionReason::chineseLabel)
                    .findFirst().orElse(c.rejectionReason());
            facts.add(new Fact("不予立案理由", reason + (c.duplicateOf() == null ? "" : "（重复案件 " + c.duplicateOf() + "）")
                    + (c.rejectionComment() == null ? "" : "：" + c.rejectionComment()), null));
        }
        if (c.voidReason() != null) {
            facts.add(new Fact("作废理由", c.voidReason(), null));
        }

        List<Photo> before = new ArrayList<>();
        List<Photo> after = new ArrayList<>();
        List<Photos.PhotoInfo> photoInfos = photos.list(c.id());
        // A reporter reads exactly the story the API tells them (CaseViews.detailFor): the public steps, no rule
        // decisions, no documents, nobody's name but their own — never the units' internal timeline.
        boolean insider = viewer.seesAll() || c.involvesAnyOf(viewer.units());
        List<CaseHistory.Event> events = insider ? views.historyFor(c, viewer.user())
                : views.detailFor(c, viewer.user()).history();
        List<CaseHistory.Decision> decisions = insider ? views.decisionsFor(c, viewer.user()) : List.of();
        Set<String> people = new HashSet<>();
        photoInfos.forEach(p -> people.add(p.uploadedBy()));
        events.forEach(e -> people.add(e.actor()));
        Map<String, String> names = names(people);
        if (!seesReporters && !c.submittedBy().equals(viewer.id())) {
            names.put(c.submittedBy(), c.source().chineseLabel() + "上报人"); // not who, as in the facts above
        }
        for (Photos.PhotoInfo p : photoInfos) {
            Photo photo = new Photo(p.id(), "/console/photos/" + p.id(), p.fileName(), Texts.minute(p.uploadedAt()),
                    names.getOrDefault(p.uploadedBy(), p.uploadedBy()));
            (p.stage() == Photos.Stage.BEFORE ? before : after).add(photo);
        }

        String overdueText = c.isOverdue(now) ? "已超期 " + Texts.overdueBy(c.deadline(), now) : "";
        Step step = step(c, viewer);
        String suggested = null;
        if (step != null && step.mine() && ProcessVariables.TASK_REASSIGN.equals(step.key())) {
            try {
                RoutingDecision suggestion = assignment.suggestReassignment(c.id());
                suggested = suggestion.leadUnit();
            } catch (RuntimeException e) {
                suggested = null;
            }
        }
        LadderStage stage = ladderStages.of(c.id()).orElse(null);
        return new View(c.id(), c.caseNumber(), c.title(), c.description(), c.status().name(),
                c.status().chineseLabel(), Texts.statusTone(c.status().name()), overdueText, facts, before, after,
                map(c), timeline(c, events, decisions, names, insider), step,
                d.units().stream().map(u -> new Choice(u.code(), u.name())).toList(), suggested,
                suggested == null ? null : d.unitName(suggested),
                Arrays.stream(CaseSteps.RejectionReason.values()).map(r -> new Choice(r.name(), r.chineseLabel())).toList(),
                d.categories().stream().map(cat -> new Choice(cat.code(), cat.name())).toList(),
                d.grids().stream().map(g -> new Choice(g.code(), d.unitName(g.streetCode()) + " · " + g.name())).toList(),
                viewer.seesAll() && c.processInstanceId() != null
                        ? "/camunda/app/cockpit/default/#/process-instance/" + c.processInstanceId() + "/runtime" : null,
                stage == null ? null : stage.name(), stage == null ? "" : stage.chineseLabel());
    }

    private Step step(RectificationCase c, Viewer viewer) {
        Optional<CaseProcess.OpenStep> open;
        try {
            open = process.openStep(c);
        } catch (RuntimeException e) {
            open = Optional.empty();
        }
        if (open.isEmpty()) {
            return null;
        }
        CaseProcess.OpenStep s = open.get();
        boolean mine = viewer.isAdmin() || s.candidateGroups().stream().anyMatch(viewer.user().groupIds()::contains);
        String groups = s.candidateGroups().stream().map(this::groupName).collect(Collectors.joining("、"));
        String form = mine && CONSOLE_FORMS.contains(s.key()) ? s.key() : null;
        return new Step(s.key(), s.name(), s.taskId(), groups, mine, form,
                "/camunda/app/tasklist/default/#/?task=" + s.taskId());
    }

    private String groupName(String group) {
        return switch (group) {
            case "dispatcher" -> "创建办";
            case "supervisor" -> "督查组";
            case "discipline" -> "纪工委";
            default -> Optional.ofNullable(identityService.createGroupQuery().groupId(group).singleResult())
                    .map(g -> g.getName()).orElse(group);
        };
    }

    private List<Entry> timeline(RectificationCase c, List<CaseHistory.Event> events,
            List<CaseHistory.Decision> decisions, Map<String, String> names, boolean insider) {
        List<Entry> entries = new ArrayList<>();
        // Each decision is shown under the step it explains: the first step of its kind at or after it (an
        // assignment is recorded right after its routing and time-limit decisions), else the step that led to it.
        Map<Long, List<Explanation>> attached = new HashMap<>();
        List<CaseHistory.Decision> pending = new ArrayList<>();
        for (CaseHistory.Decision decision : decisions) {
            Set<String> actions = EXPLAINS.getOrDefault(decision.kind(), Set.of());
            Optional<CaseHistory.Event> target = events.stream()
                    .filter(e -> !e.occurredAt().isBefore(decision.madeAt()) && actions.contains(e.action())).findFirst();
            if (target.isEmpty()) {
                target = events.stream().filter(e -> !e.occurredAt().isAfter(decision.madeAt()))
                        .reduce((earlier, later) -> later);
            }
            if (target.isPresent()) {
                attached.computeIfAbsent(target.get().id(), id -> new ArrayList<>()).add(explain(decision));
            } else {
                pending.add(decision);
            }
        }
        for (CaseHistory.Event e : events) {
            if (DOCUMENT_ISSUED.equals(e.action())) {
                continue; // shown once, below, with its number, addressee and PDF
            }
            entries.add(new Entry("step", Texts.minute(e.occurredAt()), names.getOrDefault(e.actor(), e.actor()),
                    e.summary(), attached.getOrDefault(e.id(), List.of()), null, null));
        }
        for (CaseHistory.Decision decision : pending) {
            entries.add(new Entry("decision", Texts.minute(decision.madeAt()), "规则引擎",
                    Texts.decisionKind(decision.kind()), List.of(explain(decision)), null, null));
        }
        for (Document doc : insider ? documents(c.id()) : List.<Document>of()) {
            entries.add(new Entry("document", Texts.minute(doc.issuedAt()), names.getOrDefault(doc.issuedBy(), doc.issuedBy()),
                    "印发" + doc.typeLabel() + "（" + doc.number() + "），主送" + doc.addressedTo(), List.of(),
                    "/api/documents/" + doc.id() + ".pdf", "查看 PDF"));
        }
        entries.sort((a, b) -> a.when().compareTo(b.when()));
        return entries;
    }

    private static final String DOCUMENT_ISSUED = "DOCUMENT_ISSUED";

    /** The reports linked to the case and not unlinked yet, for the campaign office's unlink form. */
    List<LinkedReport> unlinkable(CaseViews.Duplicates duplicates, Viewer viewer) {
        if (!viewer.isDispatcher()) {
            return List.of();
        }
        return duplicates.reports().stream().filter(r -> !r.unlinked())
                .map(r -> new LinkedReport(r.id(), "#" + r.id() + " " + Texts.minute(r.reportedAt()) + " "
                        + Optional.ofNullable(r.reporterName()).orElse(r.reporter()) + "：" + r.title()))
                .toList();
    }

    /** How often the problem was reported, and each report linked to this case (重复上报), as facts. */
    private static void addDuplicateReports(CaseViews.Duplicates duplicates, boolean withReports, List<Fact> facts) {
        int count = duplicates.reportCount();
        if (count > 1 || !duplicates.reports().isEmpty()) {
            facts.add(new Fact("累计上报", count + " 次" + (count > 1 ? "（另有 " + (count - 1) + " 份重复上报并入本案件）" : ""),
                    count >= 3 ? "warn" : null));
        }
        if (!withReports) {
            return;
        }
        for (CaseViews.LinkedReport l : duplicates.reports()) {
            facts.add(new Fact("重复上报 #" + l.id(), Texts.minute(l.reportedAt()) + " " + l.sourceLabel() + " · "
                    + Optional.ofNullable(l.reporterName()).orElse(l.reporter())
                    + (l.reporterPhone() == null ? "" : "（" + l.reporterPhone() + "）") + "：" + l.title()
                    + (l.distanceMetres() == null ? "" : "（相距 " + l.distanceMetres() + " 米）")
                    + (l.newCaseNumber() == null ? "" : " —— 已解除关联，另立为案件 " + l.newCaseNumber()), null));
        }
    }

    /** Which steps each kind of decision explains. */
    private static final Map<String, Set<String>> EXPLAINS = Map.of(
            "ROUTING", Set.of("ASSIGNED"),
            "TIME_LIMIT", Set.of("ASSIGNED"),
            "ESCALATION_PLAN", Set.of(),
            "DUPLICATE", Set.of("DUPLICATE_REPORTED"),
            "REWORK_TIME_LIMIT", Set.of("VERIFICATION_FAILED", "REWORK", "REWORKED"));

    /** The version as people read it ("2026-12-01 第3版"); the hash stays in the API for administrators. */
    private Explanation explain(CaseHistory.Decision decision) {
        String version = ruleSetLabels.label(decision.ruleSetVersion());
        return new Explanation(Texts.decisionKind(decision.kind()), decision.explanation(),
                String.join("、", decision.firedRules()), version.isEmpty() ? null : version);
    }

    record Document(long id, String typeLabel, String number, OffsetDateTime issuedAt, String issuedBy,
            String addressedTo) {
    }

    /** Documents issued on the case (整改通知书, 督办令 …), once the documents feature's table exists. */
    private List<Document> documents(long caseId) {
        Boolean exists = jdbc.sql("select to_regclass('document') is not null").query(Boolean.class).single();
        if (!Boolean.TRUE.equals(exists)) {
            return List.of();
        }
        return jdbc.sql("""
                select id, type, number, issued_at, issued_by, addressed_to from document
                where case_id = :caseId order by issued_at, id""")
                .param("caseId", caseId)
                .query((rs, n) -> new Document(rs.getLong(1), documentLabel(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6)))
                .list();
    }

    private static String documentLabel(String type) {
        return Arrays.stream(DocumentType.values()).filter(t -> t.name().equals(type)).findFirst()
                .map(DocumentType::chineseLabel).orElse(type);
    }

    /** Display names of accounts (Camunda's users), e.g. "高新区城市管理局 经办人" for cgj-handler. */
    Map<String, String> names(Set<String> ids) {
        Map<String, String> names = new HashMap<>();
        List<String> lookup = ids.stream().filter(id -> id != null && !id.isBlank()).toList();
        if (!lookup.isEmpty()) {
            for (User user : identityService.createUserQuery().userIdIn(lookup.toArray(String[]::new)).list()) {
                String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
                        + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
                names.put(user.getId(), name.isEmpty() ? user.getId() : name);
            }
        }
        return names;
    }

    /**
     * A position sketch (位置示意) without map tiles: the case and the other cases within about 600 m, to scale,
     * north up, with a scale bar; and a link that opens the point in an online map for those who have one.
     */
    private MapView map(RectificationCase c) {
        if (c.latitude() == null || c.longitude() == null) {
            return null;
        }
        double lat = c.latitude().doubleValue();
        double lng = c.longitude().doubleValue();
        int width = 420;
        int height = 260;
        double metresAcross = 1200;
        double metresPerPixel = metresAcross / width;
        double metresPerDegLat = 110_574;
        double metresPerDegLng = 111_320 * Math.cos(Math.toRadians(lat));
        double halfLat = (height / 2.0) * metresPerPixel / metresPerDegLat;
        double halfLng = (width / 2.0) * metresPerPixel / metresPerDegLng;
        List<Point> neighbours = jdbc.sql("""
                select id, case_number, title, latitude, longitude from rectification_case
                where latitude between :south and :north and longitude between :west and :east and id <> :id
                order by created_at desc limit 150""")
                .param("south", BigDecimal.valueOf(lat - halfLat)).param("north", BigDecimal.valueOf(lat + halfLat))
                .param("west", BigDecimal.valueOf(lng - halfLng)).param("east", BigDecimal.valueOf(lng + halfLng))
                .param("id", c.id())
                .query((rs, n) -> new Point(
                        round(width / 2.0 + (rs.getDouble("longitude") - lng) * metresPerDegLng / metresPerPixel),
                        round(height / 2.0 - (rs.getDouble("latitude") - lat) * metresPerDegLat / metresPerPixel),
                        rs.getString("case_number") + " " + rs.getString("title"),
                        "/console/cases/" + rs.getLong("id")))
                .list();
        String external = "https://uri.amap.com/marker?position=" + c.longitude().toPlainString() + ","
                + c.latitude().toPlainString() + "&coordinate=wgs84&name=" + java.net.URLEncoder.encode(c.caseNumber(),
                java.nio.charset.StandardCharsets.UTF_8);
        return new MapView(c.latitude().toPlainString(), c.longitude().toPlainString(), neighbours,
                new Point(width / 2.0, height / 2.0, c.caseNumber(), null), width, height, 200 / metresPerPixel,
                "200 米", external);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
