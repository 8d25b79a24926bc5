package org.rectify.campaigns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Category;
import org.rectify.catalog.Grid;
import org.rectify.catalog.Severity;
import org.rectify.catalog.Unit;
import org.rectify.clock.BusinessClock;
import org.rectify.intake.Intake;
import org.rectify.intake.ReportRequest;
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an inspection list into a campaign. Every row is validated before anything is imported; the rejected
 * rows are stored with their reasons, the valid ones as pending. Then a background thread of this node files the
 * pending rows one by one, each in its own transaction (campaign item + case + process start together, never
 * half a row). Items are keyed by (campaign, 序号): importing the same list again, or re-running an import that
 * was interrupted, adds nothing twice. Progress lives in the database, so any node can report it.
 */
@Service
class ListImports {

    private static final Logger log = LoggerFactory.getLogger(ListImports.class);

    /** A validated row as stored until it is filed. */
    record ItemData(String itemNo, String rowHash, String categoryCode, String location, String description,
            List<String> photos, Severity severity, String suggestedUnit, String gridCode) {
    }

    public record RowReport(int row, String itemNo, String outcome, String outcomeLabel, String message, Long caseId,
            String caseNumber) {
    }

    public record ImportView(long id, long campaignId, String fileName, String state, String stateLabel, int totalRows,
            int rowsDone, int imported, int alreadyImported, int rejected, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, String error, List<RowReport> rows) {
    }

    private final CampaignStore campaigns;
    private final Catalog catalog;
    private final Intake intake;
    private final BusinessClock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final CurrentUsers currentUsers;
    /** The imports queued or being filed on this node: only this node's keep-alive reads it. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    /** No progress for this long means the node filing the import has stopped: each row takes well under a second. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    // One worker per node: imports are queued behind each other rather than competing for the two cores.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "campaign-import");
        t.setDaemon(true);
        return t;
    });

    ListImports(CampaignStore campaigns, Catalog catalog, Intake intake, BusinessClock clock, JdbcClient jdbc,
            TransactionTemplate transactions, ObjectMapper json, CurrentUsers currentUsers) {
        this.currentUsers = currentUsers;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.intake = intake;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Validates the whole list, stores the report and queues the valid rows. Bad files store nothing. */
    ImportView start(long campaignId, String fileName, byte[] bytes, CurrentUser user) {
        CampaignRegistry.requireManager(user);
        Campaign campaign = campaigns.require(campaignId);
        InspectionList list = InspectionList.read(fileName, bytes);
        List<Object[]> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Lookup lookup = Lookup.of(catalog);
        int rejected = 0;
        for (InspectionList.Row row : list.rows()) {
            List<String> problems = new ArrayList<>();
            ItemData data = validate(campaign, lookup, row, problems);
            String itemNo = row.cell(InspectionList.ITEM_NO);
            if (!itemNo.isEmpty() && seen.containsKey(itemNo)) {
                problems.add("序号“" + itemNo + "”与第" + seen.get(itemNo) + "行重复");
            } else if (!itemNo.isEmpty()) {
                seen.put(itemNo, row.number());
            }
            if (problems.isEmpty()) {
                rows.add(new Object[] {row.number(), itemNo, "PENDING", null, toJson(data)});
            } else {
                rejected++;
                rows.add(new Object[] {row.number(), itemNo.isEmpty() ? null : truncate(itemNo, 50), "REJECTED",
                        "第" + row.number() + "行" + (itemNo.isEmpty() ? "" : "（序号 " + itemNo + "）") + "："
                                + String.join("；", problems), null});
            }
        }
        OffsetDateTime now = clock.now();
        int rejectedRows = rejected;
        boolean anyPending = rows.size() > rejected;
        long importId = transactions.execute(status -> {
            long id = jdbc.sql("""
                    insert into campaign_import (campaign_id, file_name, file_sha256, state, total_rows, rows_done,
                        rejected, started_by, started_at, updated_at, finished_at)
                    values (:campaign, :file, :sha, :state, :total, :done, :rejected, :by, :now, :now, :finished)
                    returning id""")
                    .param("campaign", campaignId).param("file", truncate(fileName, 300)).param("sha", sha256(bytes))
                    .param("state", anyPending ? "RUNNING" : "DONE").param("total", rows.size())
                    .param("done", rejectedRows).param("rejected", rejectedRows).param("by", user.id()).param("now", now)
                    .param("finished", anyPending ? null : now)
                    .query(Long.class).single();
            for (Object[] r : rows) {
                jdbc.sql("""
                        insert into campaign_import_row (import_id, row_number, item_no, outcome, message, data)
                        values (:id, :row, :item, :outcome, :message, cast(:data as jsonb))""")
                        .param("id", id).param("row", r[0]).param("item", r[1]).param("outcome", r[2])
                        .param("message", r[3]).param("data", r[4]).update();
            }
            return id;
        });
        if (anyPending) {
            queue(importId, campaign, user);
        }
        return view(campaignId, importId);
    }

    private ItemData validate(Campaign campaign, Lookup lookup, InspectionList.Row row, List<String> problems) {
        String itemNo = row.cell(InspectionList.ITEM_NO);
        if (itemNo.isEmpty()) {
            problems.add("序号为空");
        } else if (itemNo.length() > 50) {
            problems.add("序号超过 50 个字符");
        }
        String categoryText = row.cell(InspectionList.CATEGORY);
        Category category = null;
        if (categoryText.isEmpty()) {
            problems.add("问题类别为空");
        } else {
            category = lookup.category(categoryText).orElse(null);
            if (category == null) {
                problems.add("问题类别“" + categoryText + "”不存在");
            } else if (!campaign.categoryCodes().isEmpty() && !campaign.categoryCodes().contains(category.code())) {
                problems.add("问题类别“" + category.name() + "”不在本专项整治的范围内");
            }
        }
        String location = row.cell(InspectionList.LOCATION);
        if (location.isEmpty()) {
            problems.add("位置为空");
        } else if (location.length() > 300) {
            problems.add("位置超过 300 个字");
        }
        String description = row.cell(InspectionList.DESCRIPTION);
        if (description.isEmpty()) {
            problems.add("问题描述为空");
        } else if (description.length() > 3800) {
            problems.add("问题描述超过 3800 个字");
        }
        String photoText = row.cell(InspectionList.PHOTOS);
        List<String> photos = photoText.isEmpty() || photoText.equals("无") ? List.of()
                : Arrays.stream(photoText.split("[、,，;；\\s]+")).filter(s -> !s.isBlank()).toList();
        for (String photo : photos) {
            if (photo.length() > 200 || !photo.toLowerCase().matches(".+\\.(jpg|jpeg|png|heic|webp)")) {
                problems.add("照片文件名“" + truncate(photo, 40) + "”无效，应为 .jpg、.jpeg、.png、.heic 或 .webp 文件名，没有照片请填“无”");
            }
        }
        if (String.join("、", photos).length() > 1000) {
            problems.add("照片文件名合计超过 1000 个字符");
        }
        String severityText = row.cell(InspectionList.SEVERITY);
        Severity severity = Arrays.stream(Severity.values())
                .filter(s -> s.chineseLabel().equals(severityText) || s.name().equalsIgnoreCase(severityText))
                .findFirst().orElse(null);
        if (severity == null) {
            problems.add(severityText.isEmpty() ? "严重程度为空，应为 一般、较重 或 紧急"
                    : "严重程度“" + severityText + "”无效，应为 一般、较重 或 紧急");
        }
        String unitText = row.cell(InspectionList.SUGGESTED_UNIT);
        String unitCode = null;
        if (!unitText.isEmpty() && !unitText.equals("无")) {
            Optional<Unit> unit = lookup.unit(unitText);
            if (unit.isEmpty()) {
                problems.add("建议责任单位“" + unitText + "”不存在");
            } else {
                unitCode = unit.get().code();
            }
        }
        String gridText = row.cell(InspectionList.GRID);
        String gridCode = null;
        if (!gridText.isEmpty()) {
            Optional<Grid> grid = lookup.grid(gridText);
            if (grid.isEmpty()) {
                problems.add("网格“" + gridText + "”不存在");
            } else {
                gridCode = grid.get().code();
                if (!campaign.streetCodes().isEmpty() && !campaign.streetCodes().contains(grid.get().streetCode())) {
                    problems.add("网格“" + grid.get().name() + "”所在街道不在本专项整治的范围内");
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        String hash = sha256(String.join("\u001f", itemNo, category.code(), location, description,
                String.join("、", photos), severity.name(), unitCode == null ? "" : unitCode, gridCode == null ? "" : gridCode)
                .getBytes(StandardCharsets.UTF_8));
        return new ItemData(itemNo, hash, category.code(), location, description, photos, severity, unitCode, gridCode);
    }

    /**
     * Takes over imports left running by a node that stopped (a crash, a restart): an import whose progress has not
     * moved for {@link #ABANDONED_AFTER} is claimed by one node (the claim is a conditional update, so two nodes never
     * both take it) and its pending rows are filed from where they stopped. Filed rows stay filed.
     */
    @Scheduled(fixedDelayString = "${rectify.campaigns.import-resume-millis:60000}", initialDelayString = "${rectify.campaigns.import-resume-millis:60000}")
    void resumeAbandoned() {
        OffsetDateTime now = clock.now();
        keepAlive(now);
        resumeAbandoned(now);
    }

    /**
     * Marks the imports this node has queued or is filing as alive, so that one waiting behind another import here
     * is not taken for abandoned by another node (the interval is well under {@link #ABANDONED_AFTER}).
     */
    private void keepAlive(OffsetDateTime now) {
        if (!held.isEmpty()) {
            jdbc.sql("update campaign_import set updated_at = :now where state = 'RUNNING' and id in (:ids)")
                    .param("now", now).param("ids", List.copyOf(held)).update();
        }
    }

    private void queue(long importId, Campaign campaign, CurrentUser user) {
        held.add(importId);
        worker.submit(() -> {
            try {
                run(importId, campaign, user);
            } finally {
                held.remove(importId);
            }
        });
    }

    /** Claims and queues the imports abandoned as of {@code now}; returns how many. */
    int resumeAbandoned(OffsetDateTime now) {
        record Claimed(long importId, long campaignId, String startedBy) {
        }
        List<Claimed> claimed = jdbc.sql("""
                update campaign_import set updated_at = :now
                where state = 'RUNNING' and updated_at < :stale
                returning id, campaign_id, started_by""")
                .param("now", now).param("stale", now.minus(ABANDONED_AFTER))
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
        for (Claimed row : claimed) {
            long importId = row.importId();
            String startedBy = row.startedBy();
            Campaign campaign = campaigns.require(row.campaignId());
            CurrentUser user = currentUsers.find(startedBy).orElse(null);
            if (user == null) {
                jdbc.sql("update campaign_import set state = 'FAILED', error = :error, updated_at = :now where id = :id")
                        .param("error", "导入中断，且发起导入的账号“" + startedBy + "”已不存在；请用其他账号重新导入同一文件，已导入的行不会重复")
                        .param("now", now).param("id", importId).update();
                continue;
            }
            log.warn("Import {} into campaign {} was left running by a stopped node: this node files its remaining rows",
                    importId, campaign.id());
            queue(importId, campaign, user);
        }
        return claimed.size();
    }

    /** Files the pending rows of an import, each in its own transaction. */
    void run(long importId, Campaign campaign, CurrentUser user) {
        long started = System.nanoTime();
        try {
            Lookup lookup = Lookup.of(catalog);
            while (true) {
                List<PendingRow> batch = jdbc.sql("""
                        select row_number, data::text from campaign_import_row
                        where import_id = :id and outcome = 'PENDING' order by row_number limit 200""")
                        .param("id", importId)
                        .query((rs, n) -> new PendingRow(rs.getInt(1), fromJson(rs.getString(2)))).list();
                if (batch.isEmpty()) {
                    break;
                }
                for (PendingRow row : batch) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    file(importId, campaign, user, lookup, row);
                }
            }
            jdbc.sql("update campaign_import set state = 'DONE', finished_at = :now, updated_at = :now where id = :id")
                    .param("now", clock.now()).param("id", importId).update();
            log.info("Import {} into campaign {} done in {} ms", importId, campaign.id(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Import {} failed", importId, e);
            jdbc.sql("update campaign_import set state = 'FAILED', error = :error, updated_at = :now where id = :id")
                    .param("error", "导入中断：" + e.getClass().getSimpleName() + "。已导入的行保留，重新导入同一文件即可继续，已导入的行不会重复")
                    .param("now", clock.now()).param("id", importId).update();
        }
    }

    private record PendingRow(int row, ItemData data) {
    }

    /**
     * The catalog as one import reads it: loaded once per import, not per row (looking a row's category, unit and
     * grid up in {@link Catalog} reads whole tables, some twice: about five queries a row, 25 000 for 5 000 rows).
     * A text matches an entry's code first, then its name.
     */
    private record Lookup(List<Category> categories, List<Unit> units, List<Grid> grids) {

        static Lookup of(Catalog catalog) {
            return new Lookup(catalog.categories(), catalog.units(), catalog.grids());
        }

        Optional<Category> category(String text) {
            return find(categories, text, Category::code, Category::name);
        }

        Optional<Unit> unit(String text) {
            return find(units, text, Unit::code, Unit::name);
        }

        Optional<Grid> grid(String text) {
            return find(grids, text, Grid::code, Grid::name);
        }

        String categoryName(String code) {
            return category(code).map(Category::name).orElse(code);
        }

        String unitName(String code) {
            return unit(code).map(Unit::name).orElse(code);
        }

        private static <T> Optional<T> find(List<T> items, String text, Function<T, String> code,
                Function<T, String> name) {
            return items.stream().filter(i -> code.apply(i).equals(text)).findFirst()
                    .or(() -> items.stream().filter(i -> name.apply(i).equals(text)).findFirst());
        }
    }

    private void file(long importId, Campaign campaign, CurrentUser user, Lookup lookup, PendingRow row) {
        ItemData d = row.data();
        try {
            transactions.executeWithoutResult(status -> {
                OffsetDateTime now = clock.now();
                int inserted = jdbc.sql("""
                        insert into campaign_item (campaign_id, item_no, row_hash, photo_file_names, suggested_unit_code, import_id)
                        values (:campaign, :item, :hash, :photos, :unit, :import) on conflict do nothing""")
                        .param("campaign", campaign.id()).param("item", d.itemNo()).param("hash", d.rowHash())
                        .param("photos", d.photos().isEmpty() ? null : String.join("、", d.photos()))
                        .param("unit", d.suggestedUnit()).param("import", importId).update();
                if (inserted == 0) {
                    Map<String, Object> earlier = jdbc.sql("""
                            select i.row_hash, c.id, c.case_number from campaign_item i
                            join rectification_case c on c.id = i.case_id
                            where i.campaign_id = :campaign and i.item_no = :item""")
                            .param("campaign", campaign.id()).param("item", d.itemNo()).query().singleRow();
                    boolean same = d.rowHash().equals(earlier.get("row_hash"));
                    outcome(importId, row.row(), "ALREADY_IMPORTED", "第" + row.row() + "行（序号 " + d.itemNo() + "）已于先前导入为案件 "
                            + earlier.get("case_number") + (same ? "，未重复导入" : "；本行内容与已导入的不同，未重复导入，如需更正请在该案件中处理"),
                            ((Number) earlier.get("id")).longValue(), "already", now);
                    return;
                }
                Intake.Receipt receipt = intake.reportForCampaign(request(campaign, lookup, d), campaign.id(), user);
                jdbc.sql("update campaign_item set case_id = :case where campaign_id = :campaign and item_no = :item")
                        .param("case", receipt.id()).param("campaign", campaign.id()).param("item", d.itemNo()).update();
                outcome(importId, row.row(), "IMPORTED", "第" + row.row() + "行（序号 " + d.itemNo() + "）已导入为案件 "
                        + receipt.caseNumber(), receipt.id(), "imported", now);
            });
        } catch (RuntimeException e) {
            // Nothing of the row was stored (its transaction rolled back); say why and go on with the next row.
            String reason = e instanceof DomainException u ? u.detail() : "系统错误（" + e.getClass().getSimpleName() + "）";
            log.warn("Import {} row {} failed", importId, row.row(), e);
            transactions.executeWithoutResult(status -> outcome(importId, row.row(), "REJECTED", "第" + row.row()
                    + "行（序号 " + d.itemNo() + "）导入失败：" + reason, null, "rejected", clock.now()));
        }
    }

    /**
     * Settles a pending row and counts it. A row another run of the same import settled first (an import queued
     * behind another one on its node looks abandoned and may be taken over while it waits) is neither overwritten
     * nor counted twice.
     */
    private void outcome(long importId, int row, String outcome, String message, Long caseId, String counter,
            OffsetDateTime now) {
        int settled = jdbc.sql("""
                update campaign_import_row set outcome = :outcome, message = :message, case_id = :case
                where import_id = :id and row_number = :row and outcome = 'PENDING'""")
                .param("outcome", outcome).param("message", message).param("case", caseId).param("id", importId)
                .param("row", row).update();
        if (settled == 0) {
            return;
        }
        jdbc.sql("update campaign_import set rows_done = rows_done + 1, " + counter + " = " + counter
                + " + 1, updated_at = :now where id = :id").param("now", now).param("id", importId).update();
    }

    private ReportRequest request(Campaign campaign, Lookup lookup, ItemData d) {
        String categoryName = lookup.categoryName(d.categoryCode());
        String title = truncate("清单第" + d.itemNo() + "项：" + categoryName + "（" + d.location() + "）", 200);
        String description = d.description() + (d.suggestedUnit() == null ? ""
                : "\n建议责任单位：" + lookup.unitName(d.suggestedUnit()))
                + (d.photos().isEmpty() ? "" : "\n清单照片：" + String.join("、", d.photos()));
        return new ReportRequest(d.categoryCode(), campaign.sourceLevel().reportSource(), d.severity(), title,
                description, new ReportRequest.Location(d.location(), null, null, d.gridCode()), List.of(),
                new ReportRequest.Reporter("campaign-" + campaign.id(),
                        truncate(campaign.sourceLevel().chineseLabel() + "检查：" + campaign.name(), 100), null));
    }

    ImportView view(long campaignId, long importId) {
        Map<String, Object> head = jdbc.sql("""
                select id, campaign_id, file_name, state, total_rows, rows_done, imported, already, rejected, started_at,
                    finished_at, error
                from campaign_import where id = :id and campaign_id = :campaign""")
                .param("id", importId).param("campaign", campaignId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("import-not-found", "专项整治 " + campaignId + " 没有编号为 "
                        + importId + " 的导入"));
        List<RowReport> rows = jdbc.sql("""
                select r.row_number, r.item_no, r.outcome, r.message, r.case_id, c.case_number
                from campaign_import_row r left join rectification_case c on c.id = r.case_id
                where r.import_id = :id order by r.row_number""")
                .param("id", importId)
                .query((rs, n) -> new RowReport(rs.getInt(1), rs.getString(2), rs.getString(3), outcomeLabel(rs.getString(3)),
                        rs.getString(4), rs.getObject(5, Long.class), rs.getString(6)))
                .list();
        String state = (String) head.get("state");
        return new ImportView(((Number) head.get("id")).longValue(), campaignId, (String) head.get("file_name"), state,
                stateLabel(state),
                (int) head.get("total_rows"), (int) head.get("rows_done"), (int) head.get("imported"),
                (int) head.get("already"), (int) head.get("rejected"), time(head.get("started_at")),
                time(head.get("finished_at")), (String) head.get("error"), rows);
    }

    public record ImportSummary(long id, String fileName, String state, String stateLabel, int totalRows, int rowsDone,
            int imported, int alreadyImported, int rejected, OffsetDateTime startedAt, String startedAtText) {
    }

    List<ImportSummary> imports(long campaignId) {
        return jdbc.sql("""
                select id, file_name, state, total_rows, rows_done, imported, already, rejected, started_at
                from campaign_import where campaign_id = :campaign order by id desc""")
                .param("campaign", campaignId)
                .query((rs, n) -> {
                    OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class).atZoneSameInstant(clock.zone())
                            .toOffsetDateTime();
                    return new ImportSummary(rs.getLong("id"), rs.getString("file_name"), rs.getString("state"),
                            stateLabel(rs.getString("state")), rs.getInt("total_rows"), rs.getInt("rows_done"),
                            rs.getInt("imported"), rs.getInt("already"), rs.getInt("rejected"), started,
                            org.rectify.cases.Deadlines.format(started));
                })
                .list();
    }

    static String stateLabel(String state) {
        return switch (state) {
            case "RUNNING" -> "导入中";
            case "DONE" -> "已完成";
            default -> "已中断";
        };
    }

    private OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        java.time.Instant instant = value instanceof java.sql.Timestamp t ? t.toInstant()
                : value instanceof OffsetDateTime o ? o.toInstant() : java.time.Instant.parse(value.toString());
        return instant.atZone(clock.zone()).toOffsetDateTime();
    }

    static String outcomeLabel(String outcome) {
        return switch (outcome) {
            case "PENDING" -> "待导入";
            case "IMPORTED" -> "已导入";
            case "ALREADY_IMPORTED" -> "已存在，未重复导入";
            default -> "未导入";
        };
    }

    private String toJson(ItemData data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ItemData fromJson(String text) {
        try {
            return json.readValue(text, ItemData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
