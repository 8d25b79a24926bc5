package org.rectify.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
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
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.web.UserFacingException;
import org.rectify.workflow.CaseProcess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
    }

    public record Result(Receipt receipt, boolean replayed) {
    }

    private static final String CASE_NUMBER_SEQUENCE = "CASE";

    private final Cases cases;
    private final CaseHistory history;
    private final Photos photos;
    private final NumberSequences numbers;
    private final Catalog catalog;
    private final CaseProcess process;
    private final CurrentUsers currentUsers;
    private final BusinessClock clock;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Intake(Cases cases, CaseHistory history, Photos photos, NumberSequences numbers, Catalog catalog,
            CaseProcess process, CurrentUsers currentUsers, BusinessClock clock, TransactionTemplate transactions,
            JdbcClient jdbc, ObjectMapper json) {
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
    }

    Result report(ReportRequest report, String idempotencyKey) {
        return report(report, idempotencyKey, currentUsers.require());
    }

    /** A report made on someone's behalf by the application itself (demo data, imports). */
    public Result report(ReportRequest report, String idempotencyKey, CurrentUser user) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw UserFacingException.badRequest("idempotency-key-too-long", "Idempotency-Key 不能超过 200 个字符");
        }
        String requestHash = hash(report);
        if (key != null) {
            Optional<Result> earlier = replay(user, key, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            return transactions.execute(status -> new Result(receipt(create(report, user, key, requestHash, null)), false));
        } catch (DuplicateKeyException concurrentRetry) {
            // The same report, retried while the first attempt was still running: that one won.
            return replay(user, key, requestHash).orElseThrow(() -> concurrentRetry);
        }
    }

    /**
     * An item of a campaign's problem list (an inspection list import), filed by the application for the importing
     * user. The case carries its campaign from the insert on, so routing and the time limit decided when the process
     * starts see the campaign. Runs in the caller's transaction, so the caller's own rows commit with the case.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Receipt reportForCampaign(ReportRequest report, long campaignId, CurrentUser user) {
        return receipt(create(report, user, null, null, campaignId));
    }

    private RectificationCase create(ReportRequest report, CurrentUser user, String key, String requestHash,
            Long campaignId) {
        String category = report.categoryCode().strip();
        if (catalog.category(category).isEmpty()) {
            throw UserFacingException.badRequest("unknown-category", "问题类别“" + category
                    + "”不存在，可用的类别见 GET /api/catalog/categories");
        }
        String grid = report.location().gridCode() == null || report.location().gridCode().isBlank() ? null
                : report.location().gridCode().strip();
        if (grid != null && catalog.grid(grid).isEmpty()) {
            throw UserFacingException.badRequest("unknown-grid", "网格“" + grid + "”不存在，可用的网格见 GET /api/catalog/grids");
        }
        List<ReportRequest.Photo> reportPhotos = report.photos() == null ? List.of() : report.photos();
        photos.checkCount(reportPhotos.size());
        List<byte[]> photoBytes = reportPhotos.stream().map(p -> Photos.decodeBase64(p.fileName(), p.contentBase64())).toList();

        OffsetDateTime now = clock.now();
        if (key != null) {
            // Taken first: a concurrent retry with the same key waits here and then fails on the unique key.
            jdbc.sql("""
                    insert into idempotency_key (principal, key, request_hash, created_at)
                    values (:principal, :key, :hash, :at)""")
                    .param("principal", user.id()).param("key", key).param("hash", requestHash).param("at", now)
                    .update();
        }
        String caseNumber = "ZG-%d-%06d".formatted(now.getYear(), numbers.next(CASE_NUMBER_SEQUENCE, now.getYear()));
        CaseStatus initial = report.source().needsCheck() ? CaseStatus.PENDING_CHECK : CaseStatus.AWAITING_ACCEPTANCE;
        long id = cases.insert(new Cases.NewCase(caseNumber, initial, category, report.severity(), report.source(),
                report.title().strip(), report.description().strip(), report.location().address().strip(),
                report.location().latitude(), report.location().longitude(), grid, report.reporter().id().strip(),
                report.reporter().name(), report.reporter().phone(), user.id(), now, campaignId));
        for (int i = 0; i < photoBytes.size(); i++) {
            photos.store(id, Photos.Stage.BEFORE, reportPhotos.get(i).fileName(), photoBytes.get(i), user.id(), now);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", report.source().name());
        details.put("photos", photoBytes.size());
        history.record(id, now, user.id(), "REPORTED", report.source().chineseLabel() + "上报：" + report.title().strip()
                + (initial == CaseStatus.PENDING_CHECK ? "，待创建办核实" : "，直接立案"), details);
        if (key != null) {
            jdbc.sql("update idempotency_key set case_id = :id where principal = :principal and key = :key")
                    .param("id", id).param("principal", user.id()).param("key", key).update();
        }
        String processInstanceId = process.start(cases.require(id));
        cases.setProcessInstance(id, processInstanceId);
        return cases.require(id);
    }

    private Optional<Result> replay(CurrentUser user, String key, String requestHash) {
        return jdbc.sql("select request_hash, case_id from idempotency_key where principal = :principal and key = :key")
                .param("principal", user.id()).param("key", key)
                .query((rs, n) -> {
                    if (!rs.getString(1).equals(requestHash)) {
                        throw UserFacingException.unprocessable("idempotency-key-reused",
                                "Idempotency-Key“" + key + "”已用于另一份内容不同的报告；新报告请使用新的键");
                    }
                    return new Result(receipt(cases.require(rs.getLong(2))), true);
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
            byte[] canonical = json.writeValueAsString(report).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
