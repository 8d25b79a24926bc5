package org.rectify.intake;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rectify.cases.CaseHistory;
import org.rectify.cases.CaseStatus;
import org.rectify.cases.Cases;
import org.rectify.cases.Deadlines;
import org.rectify.cases.NumberSequences;
import org.rectify.cases.Photos;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.rectify.clock.BusinessClock;
import org.rectify.rules.DuplicateDecision;
import org.rectify.rules.DuplicateFacts;
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.rectify.workflow.CaseProcess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.rectify.shared.Hashes;

/**
 * Turns a report into a case and starts its process, all in one transaction: either the case, its photos,
 * its number and its process instance all exist, or none of them do.
 */
@Service
public class Intake {

    public record Named(String code, String name) {
    }

    /** What the reporter gets back. */
    public record Receipt(long id, String caseNumber, String status, String statusLabel, Named leadUnit, List<Named> coUnits,
            OffsetDateTime deadline, String deadlineText, boolean deadlineProvisional, String processInstanceId) {

        /** A new case, never a linked report: lets clients tell the two answers apart by one field. */
        @JsonProperty("linked")
        public boolean linked() {
            return false;
        }
    }

    /**
     * The answer when the report repeats an open case (重复上报): no new case, the report is linked to that one.
     *
     * @param id the case the report was linked to
     */
    public record Link(boolean linked, long id, String caseNumber, String status, String statusLabel, String severity,
            String severityLabel, int reportCount, long duplicateReportId, String message) {
    }

    /** {@code link} is set when the report was linked to an open case; {@code receipt} is then that case's. */
    public record Result(Receipt receipt, boolean replayed, Link link) {

        public Result(Receipt receipt, boolean replayed) {
            this(receipt, replayed, null);
        }

        public boolean linked() {
            return link != null;
        }
    }

    /** A report checked and decoded, before anything is stored. */
    private record Prepared(String category, String grid, List<Photo> photos) {
    }

    /** A decoded photo of a report, checked to be an image. */
    private record Photo(String fileName, byte[] bytes, String contentType) {
    }

    private static final String CASE_NUMBER_SEQUENCE = "CASE";
    static final String DUPLICATE_DECISION = "DUPLICATE";

    private final Cases cases;
    private final CaseHistory history;
    private final Photos photos;
    private final NumberSequences numbers;
    private final Catalog catalog;
    private final CaseProcess process;
    private final CurrentUsers currentUsers;
    private final ReportingRights reportingRights;
    private final BusinessClock clock;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final DuplicateCheck duplicateCheck;
    private final DuplicateReports duplicateReports;

    Intake(Cases cases, CaseHistory history, Photos photos, NumberSequences numbers, Catalog catalog,
            CaseProcess process, CurrentUsers currentUsers, BusinessClock clock, TransactionTemplate transactions,
            JdbcClient jdbc, ObjectMapper json, DuplicateCheck duplicateCheck, DuplicateReports duplicateReports, ReportingRights reportingRights) {
        this.reportingRights = reportingRights;
        this.cases = cases;
        this.history = history;
        this.photos = photos;
        this.numbers = numbers;
        this.catalog = catalog;
        this.process = process;
        this.currentUsers = currentUsers;
        this.clock = clock;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.json = json;
        this.duplicateCheck = duplicateCheck;
        this.duplicateReports = duplicateReports;
    }

    /** A report from the API or the console's form: checked for an open case it repeats. */
    Result report(ReportRequest report, String idempotencyKey) {
        CurrentUser user = currentUsers.require();
        return report(reportingRights.admit(report, user), idempotencyKey, user, true);
    }

    /** A report made on someone's behalf by the application itself (demo data, imports): never linked. */
    public Result report(ReportRequest report, String idempotencyKey, CurrentUser user) {
        return report(report, idempotencyKey, user, false);
    }

    /**
     * A report that another system passes on for its user (Open311: a citizen app, the 12345 hotline), checked like
     * any report from the API: duplicates, verification of public reports, rules.
     */
    public Result reportFromGateway(ReportRequest report, String idempotencyKey, CurrentUser user) {
        return report(report, idempotencyKey, user, true);
    }

    /**
     * @param checkDuplicates link the report to an open case of the same problem (rules/duplicates.drl) instead of
     *                        creating a case; off for the application's own reports
     */
    private Result report(ReportRequest report, String idempotencyKey, CurrentUser user, boolean checkDuplicates) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw DomainException.invalid("idempotency-key-too-long", "Idempotency-Key 不能超过 200 个字符");
        }
        // only a key's replay compares the content: a report without a key is not serialised a second time
        String requestHash = key == null ? null : hash(report);
        if (key != null) {
            Optional<Result> earlier = replay(user, key, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            return transactions.execute(status -> {
                Prepared prepared = prepare(report);
                OffsetDateTime now = clock.now();
                claimKey(user, key, requestHash, now);
                if (!checkDuplicates) {
                    return new Result(receipt(create(report, prepared, user.id(), key, now, null)), false);
                }
                duplicateCheck.lockArea(report, prepared.category(), prepared.grid());
                // The clock is read again under the lock: a report that read it before a concurrent report of the same
                // spot made its case, but got the lock after that one committed, must see the case, and the check
                // takes no case reported after its "now" (created_at <= now).
                OffsetDateTime checkedAt = clock.now();
                DuplicateCheck.Result check = duplicateCheck.check(report, prepared.category(), prepared.grid(), checkedAt);
                // the case was found before its row was locked: it may have been closed meanwhile
                Optional<RectificationCase> open = check.match().map(m -> cases.lock(m.candidate().caseId()))
                        .filter(c -> c.status().isOpen());
                if (open.isPresent()) {
                    return link(report, prepared, open.get(), check.match().get(), user, key, checkedAt);
                }
                RectificationCase created = create(report, prepared, user.id(), key, checkedAt, null);
                // why the nearby open cases were not taken for the same problem, on the new case
                check.separate().forEach(judged -> recordDuplicateDecision(created.id(), judged, checkedAt));
                return new Result(receipt(created), false);
            });
        } catch (DuplicateKeyException concurrentRetry) {
            // The same report, retried while the first attempt was still running: that one won.
            return replay(user, key, requestHash).orElseThrow(() -> concurrentRetry);
        }
    }

    /**
     * An item of a campaign's problem list (an inspection list import), filed by the application for the importing
     * user. The case carries its campaign from the insert on, so routing and the time limit decided when the process
     * starts see the campaign. Never linked to another case as a duplicate: every item of an official list is cleared
     * on its own. Runs in the caller's transaction, so the caller's own rows commit with the case.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Receipt reportForCampaign(ReportRequest report, long campaignId, CurrentUser user) {
        return receipt(create(report, prepare(report), user.id(), null, clock.now(), campaignId));
    }

    private Prepared prepare(ReportRequest report) {
        String category = report.categoryCode().strip();
        if (catalog.category(category).isEmpty()) {
            throw DomainException.invalid("unknown-category", "问题类别“" + category
                    + "”不存在，可用的类别见 GET /api/catalog/categories");
        }
        String grid = report.location().gridCode() == null || report.location().gridCode().isBlank() ? null
                : report.location().gridCode().strip();
        if (grid != null && catalog.grid(grid).isEmpty()) {
            throw DomainException.invalid("unknown-grid", "网格“" + grid + "”不存在，可用的网格见 GET /api/catalog/grids");
        }
        List<ReportRequest.Photo> reportPhotos = report.photos() == null ? List.of() : report.photos();
        photos.checkCount(reportPhotos.size());
        List<Photo> decoded = reportPhotos.stream().map(p -> {
            byte[] bytes = Photos.decodeBase64(p.fileName(), p.contentBase64());
            return new Photo(p.fileName(), bytes, photos.checkImage(p.fileName(), bytes));
        }).toList();
        return new Prepared(category, grid, decoded);
    }

    private void claimKey(CurrentUser user, String key, String requestHash, OffsetDateTime now) {
        if (key != null) {
            // Taken first: a concurrent retry with the same key waits here and then fails on the unique key.
            jdbc.sql("""
                    insert into idempotency_key (principal, key, request_hash, created_at)
                    values (:principal, :key, :hash, :at)""")
                    .param("principal", user.id()).param("key", key).param("hash", requestHash).param("at", now)
                    .update();
        }
    }

    /** @param key the idempotency key {@code submittedBy} claimed for this report, if any */
    private RectificationCase create(ReportRequest report, Prepared prepared, String submittedBy, String key,
            OffsetDateTime now, Long campaignId) {
        String category = prepared.category();
        String grid = prepared.grid();
        // a sequence with gaps, never a lock held for the whole intake (README "Case numbers and document numbers")
        String caseNumber = "ZG-%d-%06d".formatted(now.getYear(), numbers.nextWithGaps(CASE_NUMBER_SEQUENCE, now.getYear()));
        CaseStatus initial = report.source().needsCheck() ? CaseStatus.PENDING_CHECK : CaseStatus.AWAITING_ACCEPTANCE;
        long id = cases.insert(new Cases.NewCase(caseNumber, initial, category, report.severity(), report.source(),
                report.title().strip(), report.description().strip(), report.location().address().strip(),
                report.location().latitude(), report.location().longitude(), grid, report.reporter().id().strip(),
                report.reporter().name(), report.reporter().phone(), submittedBy, now, campaignId));
        for (Photo photo : prepared.photos()) {
            photos.store(id, Photos.Stage.BEFORE, photo.fileName(), photo.bytes(), submittedBy, now);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", report.source().name());
        details.put("photos", prepared.photos().size());
        history.record(id, now, submittedBy, "REPORTED", report.source().chineseLabel() + "上报：" + report.title().strip()
                + (initial == CaseStatus.PENDING_CHECK ? "，待创建办核实" : "，直接立案"), details);
        if (key != null) {
            jdbc.sql("update idempotency_key set case_id = :id where principal = :principal and key = :key")
                    .param("id", id).param("principal", submittedBy).param("key", key).update();
        }
        String processInstanceId = process.start(cases.require(id));
        cases.setProcessInstance(id, processInstanceId);
        return cases.require(id);
    }

    /**
     * The report repeats an open case: no case and no process; the report is kept with the case, the case
     * counts it, and the rules may raise its severity. The deadline stays as it was set: it is the unit's
     * commitment, computed when the case was assigned; a case not yet assigned gets the deadline of its
     * raised severity when it is.
     */
    private Result link(ReportRequest report, Prepared prepared, RectificationCase c, DuplicateCheck.Judged match,
            CurrentUser user, String key, OffsetDateTime now) {
        DuplicateDecision decision = match.outcome().decision();
        long reportId = duplicateReports.insert(c.id(), report, prepared.grid(), user.id(), now,
                match.candidate().distanceMetres(), key);
        for (Photo photo : prepared.photos()) {
            duplicateReports.insertPhoto(reportId, photo.fileName(), photo.contentType(), photo.bytes(), Hashes.sha256(photo.bytes()));
        }
        boolean raised = decision.severity() != c.severity();
        int count = jdbc.sql("""
                update rectification_case set report_count = report_count + 1, severity = :severity, updated_at = :at
                where id = :id returning report_count""")
                .param("severity", decision.severity().name()).param("at", now).param("id", c.id())
                .query(Integer.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("duplicateReportId", reportId);
        details.put("source", report.source().name());
        details.put("reporter", report.reporter().id().strip());
        details.put("distanceMetres", match.candidate().distanceMetres());
        details.put("reportCount", count);
        details.put("photos", prepared.photos().size());
        history.record(c.id(), now, user.id(), "DUPLICATE_REPORTED", "重复上报：" + report.source().chineseLabel() + "反映“"
                + report.title().strip() + "”（" + report.location().address().strip() + "），已并入本案件，累计" + count + "次",
                details);
        recordDuplicateDecision(c.id(), match, now);
        if (raised) {
            history.record(c.id(), now, "rules", "SEVERITY_RAISED", "累计上报" + count + "次，严重程度由"
                    + c.severity().chineseLabel() + "提高为" + decision.severity().chineseLabel()
                    + (c.deadline() == null ? "，派遣时按新的严重程度定时限" : "，已定的整改时限不变"),
                    Map.of("from", c.severity().name(), "to", decision.severity().name(), "reportCount", count));
            // Tasklist shows the severity from the process variables
            process.refreshFacts(cases.require(c.id()));
        }
        if (key != null) {
            jdbc.sql("update idempotency_key set duplicate_report_id = :report where principal = :principal and key = :key")
                    .param("report", reportId).param("principal", user.id()).param("key", key).update();
        }
        return linkedResult(reportId, false);
    }

    private void recordDuplicateDecision(long caseId, DuplicateCheck.Judged judged, OffsetDateTime at) {
        DuplicateFacts f = judged.facts();
        DuplicateCheck.Candidate candidate = judged.candidate();
        DuplicateDecision d = judged.outcome().decision();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("新报告类别", catalog.category(f.categoryCode()).map(cat -> cat.name()).orElse(f.categoryCode()));
        inputs.put("新报告来源", f.source().chineseLabel());
        inputs.put("案件", candidate.caseNumber());
        inputs.put("案件类别", catalog.category(f.candidateCategoryCode()).map(cat -> cat.name()).orElse(f.candidateCategoryCode()));
        inputs.put("距离（米）", f.distanceMetres() == null ? "无坐标" : f.distanceMetres());
        inputs.put("同一网格", f.sameGrid() ? "是" : "否");
        inputs.put("案件上报后小时数", f.hoursSinceReported());
        inputs.put("累计上报次数（含本次）", f.reportCount());
        inputs.put("案件严重程度", f.candidateSeverity().chineseLabel());
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("duplicate", d.duplicate());
        outcome.put("severity", d.severity().name());
        outcome.put("radiusMetres", d.radiusMetres());
        outcome.put("windowHours", d.windowHours());
        String explanation = (d.duplicate() ? "新报告与案件 " + candidate.caseNumber() + " 是同一问题：" + d.reason()
                : "附近的案件 " + candidate.caseNumber() + " 不是同一问题：" + d.reason())
                + "（依据：" + String.join("；", judged.outcome().firedRules()) + "）";
        history.recordDecision(caseId, DUPLICATE_DECISION, at, judged.outcome().ruleSetVersion(),
                judged.outcome().firedRules(), inputs, outcome, explanation);
    }

    /** What the reporter of a linked report is told, now or on a retry. */
    private Result linkedResult(long reportId, boolean replayed) {
        DuplicateReports.Row row = duplicateReports.find(reportId).orElseThrow();
        RectificationCase c = cases.require(row.caseId());
        int count = reportCount(c.id());
        String message = "该问题已于" + Deadlines.format(c.createdAt()) + "由" + c.source().chineseLabel() + "上报，您的报告已并入案件 "
                + c.caseNumber() + "（" + c.status().chineseLabel() + "），该问题累计上报" + count + "次。感谢您的反映！";
        Link link = new Link(true, c.id(), c.caseNumber(), c.status().name(), c.status().chineseLabel(),
                c.severity().name(), c.severity().chineseLabel(), count, reportId, message);
        return new Result(receipt(c), replayed, link);
    }

    /** A wrong match undone: the linked report becomes a case of its own, by the normal intake path. */
    record Unlinked(Receipt newCase, String originalCaseNumber, int originalReportCount) {
    }

    Unlinked unlink(long caseId, long reportId, String reason, CurrentUser user) {
        if (!user.isDispatcher() && !user.isAdmin()) {
            throw DomainException.forbidden("not-dispatcher", "只有创建办（调度员）或系统管理员可以解除重复关联");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw DomainException.invalid("reason-required", "请填写解除关联的原因 reason");
        }
        if (why.length() > 500) {
            throw DomainException.invalid("reason-too-long", "解除关联的原因不能超过 500 个字");
        }
        return transactions.execute(status -> {
            RectificationCase original = cases.lock(caseId);
            DuplicateReports.Row row = duplicateReports.lock(reportId).filter(r -> r.caseId() == caseId)
                    .orElseThrow(() -> DomainException.notFound("duplicate-report-not-found",
                            "案件 " + original.caseNumber() + " 没有编号为 " + reportId + " 的重复上报"));
            if (row.newCaseId() != null) {
                throw DomainException.conflict("already-unlinked", "这份重复上报已于" + Deadlines.format(row.unlinkedAt())
                        + "解除关联，另立为案件 " + cases.require(row.newCaseId()).caseNumber() + "，不能再次解除");
            }
            OffsetDateTime now = clock.now();
            ReportRequest request = new ReportRequest(row.categoryCode(), row.source(), row.severity(), row.title(),
                    row.description(), new ReportRequest.Location(row.address(), row.latitude(), row.longitude(), row.gridCode()),
                    null, new ReportRequest.Reporter(row.reporter(), row.reporterName(), row.reporterPhone()));
            // the photos as the report brought them: they become the new case's before photos
            Prepared prepared = new Prepared(row.categoryCode(), row.gridCode(), duplicateReports.photos(reportId).stream()
                    .map(ph -> new Photo(ph.fileName(), ph.bytes(), ph.contentType())).toList());
            RectificationCase created = create(request, prepared, row.submittedBy(), null, now, null);
            duplicateReports.markUnlinked(reportId, user.id(), why, created.id(), now);
            int count = jdbc.sql("""
                    update rectification_case set report_count = report_count - 1, updated_at = :at
                    where id = :id returning report_count""")
                    .param("at", now).param("id", caseId).query(Integer.class).single();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("duplicateReportId", reportId);
            details.put("newCaseId", created.id());
            details.put("newCaseNumber", created.caseNumber());
            details.put("reason", why);
            details.put("reportCount", count);
            history.record(caseId, now, user.id(), "DUPLICATE_UNLINKED", "解除重复关联：" + Deadlines.format(row.reportedAt())
                    + "的报告“" + row.title() + "”与本案件不是同一问题，另立为案件 " + created.caseNumber() + "，原因：" + why
                    + "；累计上报" + count + "次" + (original.severity() != row.severity() ? "（因重复上报提高的严重程度不自动回退）" : ""),
                    details);
            history.record(created.id(), now, user.id(), "UNLINKED_FROM_DUPLICATE", "本报告于" + Deadlines.format(row.reportedAt())
                    + "上报，曾作为案件 " + original.caseNumber() + " 的重复上报，经解除关联另行立案，原因：" + why,
                    Map.of("originalCaseId", caseId, "originalCaseNumber", original.caseNumber(), "duplicateReportId", reportId,
                            "reportedAt", row.reportedAt().toString()));
            return new Unlinked(receipt(created), original.caseNumber(), count);
        });
    }

    String linkMessage(long reportId) {
        return linkedResult(reportId, false).link().message();
    }

    int reportCount(long caseId) {
        return jdbc.sql("select report_count from rectification_case where id = :id").param("id", caseId)
                .query(Integer.class).single();
    }

    private Optional<Result> replay(CurrentUser user, String key, String requestHash) {
        return jdbc.sql("""
                select request_hash, case_id, duplicate_report_id from idempotency_key
                where principal = :principal and key = :key""")
                .param("principal", user.id()).param("key", key)
                .query((rs, n) -> {
                    if (!rs.getString(1).equals(requestHash)) {
                        throw DomainException.unprocessable("idempotency-key-reused",
                                "Idempotency-Key“" + key + "”已用于另一份内容不同的报告；新报告请使用新的键");
                    }
                    Long reportId = rs.getObject(3, Long.class);
                    return reportId != null ? linkedResult(reportId, true)
                            : new Result(receipt(cases.require(rs.getLong(2))), true);
                })
                .optional();
    }

    private Receipt receipt(RectificationCase c) {
        return new Receipt(c.id(), c.caseNumber(), c.status().name(), c.status().chineseLabel(),
                c.leadUnitCode() == null ? null : new Named(c.leadUnitCode(), catalog.unitName(c.leadUnitCode())),
                c.coUnitCodes().stream().map(u -> new Named(u, catalog.unitName(u))).toList(),
                c.deadline(), c.deadline() == null ? null : Deadlines.format(c.deadline()), c.deadlineProvisional(),
                c.processInstanceId());
    }

    private String hash(ReportRequest report) {
        try {
            return Hashes.sha256(json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
