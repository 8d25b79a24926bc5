package org.rectify.campaigns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectify.campaigns.ListValidation.ItemData;
import org.rectify.campaigns.ListValidation.Lookup;
import org.rectify.catalog.Catalog;
import org.rectify.clock.BusinessClock;
import org.rectify.intake.Intake;
import org.rectify.intake.ReportRequest;
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.rectify.shared.Hashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an inspection list into a campaign. Every row is validated ({@link ListValidation}) before anything is
 * filed; the rejected rows are stored with their reasons, the valid ones as pending, and the import process
 * ({@code processes/campaign-import.bpmn}) is started in the same transaction. The engine then files the pending rows
 * in batches, each batch a job of its own: any node's job executor takes it, a node that stops leaves its job to be
 * taken again when its lock expires, and a failing batch is retried and then shown as an incident, as every other
 * job. Within a batch each row is filed behind a savepoint (campaign item + case + process start together, never
 * half a row); a row the domain refuses is rejected with the reason and the batch goes on. Items are keyed by
 * (campaign, 序号): importing the same list again, or re-running an import that was interrupted, adds nothing twice.
 * Progress lives in the database, so any node can report it.
 */
@Service
class ListImports {

    static final String PROCESS_KEY = "campaignImport";
    static final String VAR_IMPORT_ID = "importId";
    static final String VAR_BATCH_COUNT = "batchCount";
    /** Rows filed by one job: small enough that a retried batch repeats little, large enough to keep jobs few. */
    static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(ListImports.class);

    public record RowReport(int row, String itemNo, String outcome, String outcomeLabel, String message, Long caseId,
            String caseNumber) {
    }

    public record ImportView(long id, long campaignId, String fileName, String state, String stateLabel, int totalRows,
            int rowsDone, int imported, int alreadyImported, int rejected, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, String error, List<RowReport> rows) {
    }

    private enum Counter {
        IMPORTED, ALREADY, REJECTED
    }

    private final CampaignStore campaigns;
    private final Catalog catalog;
    private final Intake intake;
    private final BusinessClock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    /** One row inside a batch's transaction: a savepoint, so that a refused row leaves the rest of the batch alone. */
    private final TransactionTemplate row;
    private final ObjectMapper json;
    private final CurrentUsers currentUsers;
    private final RuntimeService runtime;

    ListImports(CampaignStore campaigns, Catalog catalog, Intake intake, BusinessClock clock, JdbcClient jdbc,
            PlatformTransactionManager transactionManager, ObjectMapper json, CurrentUsers currentUsers,
            RuntimeService runtime) {
        this.currentUsers = currentUsers;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.intake = intake;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.row = new TransactionTemplate(transactionManager);
        this.row.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.json = json;
        this.runtime = runtime;
    }

    /** Validates the whole list, stores the report and starts the import process. Bad files store nothing. */
    ImportView start(long campaignId, String fileName, byte[] bytes, CurrentUser user) {
        CampaignRegistry.requireManager(user);
        Campaign campaign = campaigns.require(campaignId);
        InspectionList list = InspectionList.read(fileName, bytes);
        List<ListValidation.Checked> rows = new ListValidation(campaign, Lookup.of(catalog)).check(list);
        int rejected = (int) rows.stream().filter(r -> !r.valid()).count();
        int pending = rows.size() - rejected;
        OffsetDateTime now = clock.now();
        long importId = transactions.execute(status -> {
            long id = jdbc.sql("""
                    insert into campaign_import (campaign_id, file_name, file_sha256, state, total_rows, rows_done,
                        rejected, started_by, started_at, updated_at, finished_at)
                    values (:campaign, :file, :sha, :state, :total, :done, :rejected, :by, :now, :now, :finished)
                    returning id""")
                    .param("campaign", campaignId).param("file", ListValidation.truncate(fileName, 300))
                    .param("sha", Hashes.sha256(bytes)).param("state", pending > 0 ? "RUNNING" : "DONE")
                    .param("total", rows.size()).param("done", rejected).param("rejected", rejected)
                    .param("by", user.id()).param("now", now).param("finished", pending > 0 ? null : now)
                    .query(Long.class).single();
            for (ListValidation.Checked r : rows) {
                jdbc.sql("""
                        insert into campaign_import_row (import_id, row_number, item_no, outcome, message, data)
                        values (:id, :row, :item, :outcome, :message, cast(:data as jsonb))""")
                        .param("id", id).param("row", r.row()).param("item", r.itemNo())
                        .param("outcome", r.valid() ? "PENDING" : "REJECTED").param("message", r.problem())
                        .param("data", r.valid() ? toJson(r.data()) : null).update();
            }
            if (pending > 0) {
                startProcess(id, campaignId, pending);
            }
            return id;
        });
        return view(campaignId, importId);
    }

    /** Starts the jobs that file an import's pending rows (also for an import whose rows were stored otherwise). */
    void startProcess(long importId, long campaignId, int pendingRows) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, "import-" + importId, Map.of(VAR_IMPORT_ID, importId,
                CampaignRegistry.VAR_CAMPAIGN_ID, campaignId, VAR_BATCH_COUNT, (pendingRows + BATCH - 1) / BATCH));
    }

    @Bean
    JavaDelegate fileImportBatch() {
        return execution -> fileBatch(((Number) execution.getVariable(VAR_IMPORT_ID)).longValue());
    }

    @Bean
    JavaDelegate finishImport() {
        return execution -> finish(((Number) execution.getVariable(VAR_IMPORT_ID)).longValue());
    }

    /** Files the next {@link #BATCH} pending rows of an import in the caller's transaction; returns how many. */
    int fileBatch(long importId) {
        Map<String, Object> head = jdbc.sql("select campaign_id, started_by from campaign_import where id = :id")
                .param("id", importId).query().singleRow();
        Campaign campaign = campaigns.require(((Number) head.get("campaign_id")).longValue());
        String startedBy = (String) head.get("started_by");
        CurrentUser user = currentUsers.find(startedBy).orElseThrow(() -> DomainException.unprocessable(
                "import-user-gone", "发起导入的账号“" + startedBy + "”已不存在；请用其他账号重新导入同一文件，已导入的行不会重复"));
        Lookup lookup = Lookup.of(catalog);
        List<PendingRow> batch = jdbc.sql("""
                select row_number, data::text from campaign_import_row
                where import_id = :id and outcome = 'PENDING' order by row_number limit :batch""")
                .param("id", importId).param("batch", BATCH)
                .query((rs, n) -> new PendingRow(rs.getInt(1), fromJson(rs.getString(2)))).list();
        for (PendingRow pending : batch) {
            file(importId, campaign, user, lookup, pending);
        }
        return batch.size();
    }

    /** Files what is still pending (nothing, normally) and marks the import done. */
    void finish(long importId) {
        while (fileBatch(importId) > 0) {
            // a row left pending by a batch that ran before all rows were stored; filed here rather than lost
        }
        jdbc.sql("update campaign_import set state = 'DONE', finished_at = :now, updated_at = :now where id = :id")
                .param("now", clock.now()).param("id", importId).update();
        log.info("Import {} done", importId);
    }

    /** Files every pending row of an import, a batch a transaction, outside the engine (tests, repairs). */
    void run(long importId) {
        while (transactions.execute(status -> fileBatch(importId)) > 0) {
            // next batch
        }
        transactions.executeWithoutResult(status -> finish(importId));
    }

    private record PendingRow(int row, ItemData data) {
    }

    private void file(long importId, Campaign campaign, CurrentUser user, Lookup lookup, PendingRow pending) {
        ItemData d = pending.data();
        try {
            row.executeWithoutResult(status -> {
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
                    outcome(importId, pending.row(), "ALREADY_IMPORTED", "第" + pending.row() + "行（序号 " + d.itemNo()
                            + "）已于先前导入为案件 " + earlier.get("case_number") + (same ? "，未重复导入"
                                    : "；本行内容与已导入的不同，未重复导入，如需更正请在该案件中处理"),
                            ((Number) earlier.get("id")).longValue(), Counter.ALREADY, now);
                    return;
                }
                Intake.Receipt receipt = intake.reportForCampaign(request(campaign, lookup, d), campaign.id(), user);
                jdbc.sql("update campaign_item set case_id = :case where campaign_id = :campaign and item_no = :item")
                        .param("case", receipt.id()).param("campaign", campaign.id()).param("item", d.itemNo()).update();
                outcome(importId, pending.row(), "IMPORTED", "第" + pending.row() + "行（序号 " + d.itemNo() + "）已导入为案件 "
                        + receipt.caseNumber(), receipt.id(), Counter.IMPORTED, now);
            });
        } catch (DomainException refused) {
            // Nothing of the row was stored (rolled back to its savepoint); say why and go on with the next row.
            // Any other failure fails the batch's job, which the engine retries.
            log.warn("Import {} row {} refused: {}", importId, pending.row(), refused.detail());
            outcome(importId, pending.row(), "REJECTED", "第" + pending.row() + "行（序号 " + d.itemNo() + "）导入失败："
                    + refused.detail(), null, Counter.REJECTED, clock.now());
        }
    }

    /**
     * Settles a pending row and counts it. A row another run of the same import settled first (a job retried after
     * its node was taken for stopped) is neither overwritten nor counted twice.
     */
    private void outcome(long importId, int row, String outcome, String message, Long caseId, Counter counter,
            OffsetDateTime now) {
        int settled = jdbc.sql("""
                update campaign_import_row set outcome = :outcome, message = :message, case_id = :case
                where import_id = :id and row_number = :row and outcome = 'PENDING'""")
                .param("outcome", outcome).param("message", message).param("case", caseId).param("id", importId)
                .param("row", row).update();
        if (settled == 0) {
            return;
        }
        jdbc.sql("""
                update campaign_import set rows_done = rows_done + 1,
                    imported = imported + case when :counter = 'IMPORTED' then 1 else 0 end,
                    already = already + case when :counter = 'ALREADY' then 1 else 0 end,
                    rejected = rejected + case when :counter = 'REJECTED' then 1 else 0 end,
                    updated_at = :now
                where id = :id""")
                .param("counter", counter.name()).param("now", now).param("id", importId).update();
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
        return ListValidation.truncate(s, max);
    }
}
