package org.rectify.cases;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;
import org.rectify.shared.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The case table. Writes are only what the lifecycle does to a case; history lives in {@link CaseHistory}. */
@Repository
public class Cases {

    static final String COLUMNS = """
            id, case_number, status, category_code, severity, source, title, description, address, latitude,
            longitude, grid_code, reporter, reporter_name, reporter_phone, submitted_by, lead_unit_code,
            co_unit_codes, deadline, deadline_provisional, rework_count, process_instance_id, rejection_reason,
            rejection_comment, duplicate_of, created_at, closed_at, deadline_round, deadline_set_at, extension_count,
            suspended_at, suspended_remaining_seconds, void_reason""";

    private final JdbcClient jdbc;
    private final ZoneId zone;
    /** Lazily: the campaigns module's beans depend on this one. */
    private final ObjectProvider<CampaignClearances> campaigns;

    Cases(JdbcClient jdbc, @Value("${rectify.zone-id:Asia/Shanghai}") String zoneId,
            ObjectProvider<CampaignClearances> campaigns) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zoneId);
        this.campaigns = campaigns;
    }

    /** A newly reported problem, before routing. */
    public record NewCase(String caseNumber, CaseStatus status, String categoryCode, Severity severity,
            ReportSource source, String title, String description, String address, BigDecimal latitude,
            BigDecimal longitude, String gridCode, String reporter, String reporterName, String reporterPhone,
            String submittedBy, OffsetDateTime createdAt, Long campaignId) {
    }

    /** The campaign a case belongs to, as the time-limit rules see it: deadlines never pass its clearance date. */
    public record CampaignClearance(long campaignId, String name, OffsetDateTime clearanceAt) {
    }

    public long insert(NewCase c) {
        return jdbc.sql("""
                insert into rectification_case (case_number, status, category_code, severity, source, title,
                    description, address, latitude, longitude, grid_code, reporter, reporter_name, reporter_phone,
                    submitted_by, created_at, updated_at, campaign_id)
                values (:number, :status, :category, :severity, :source, :title, :description, :address, :lat,
                    :lng, :grid, :reporter, :reporterName, :reporterPhone, :submittedBy, :createdAt, :createdAt,
                    :campaignId)
                returning id""")
                .param("number", c.caseNumber())
                .param("status", c.status().name())
                .param("category", c.categoryCode())
                .param("severity", c.severity().name())
                .param("source", c.source().name())
                .param("title", c.title())
                .param("description", c.description())
                .param("address", c.address())
                .param("lat", c.latitude())
                .param("lng", c.longitude())
                .param("grid", c.gridCode())
                .param("reporter", c.reporter())
                .param("reporterName", c.reporterName())
                .param("reporterPhone", c.reporterPhone())
                .param("submittedBy", c.submittedBy())
                .param("createdAt", c.createdAt())
                .param("campaignId", c.campaignId())
                .query(Long.class)
                .single();
    }

    public Optional<CampaignClearance> campaignOf(long caseId) {
        Long campaignId = jdbc.sql("select campaign_id from rectification_case where id = :id").param("id", caseId)
                .query((rs, n) -> rs.getObject(1, Long.class)).optional().orElse(null);
        CampaignClearances directory = campaigns.getIfAvailable();
        return campaignId == null || directory == null ? Optional.empty() : directory.clearanceOf(campaignId);
    }

    public Optional<RectificationCase> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from rectification_case where id = :id")
                .param("id", id).query(this::map).optional();
    }

    public RectificationCase require(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("case-not-found", "案件 " + id + " 不存在"));
    }

    public Optional<RectificationCase> findByNumber(String caseNumber) {
        return jdbc.sql("select " + COLUMNS + " from rectification_case where case_number = :number")
                .param("number", caseNumber).query(this::map).optional();
    }

    /** The numbers of the given cases, for another module's list that names them (ids of no case are left out). */
    public Map<Long, String> numbersOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, case_number from rectification_case where id in (:ids)").param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Locks the row for the rest of the transaction, so two steps on one case cannot interleave. */
    public RectificationCase lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from rectification_case where id = :id for update")
                .param("id", id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("case-not-found", "案件 " + id + " 不存在"));
    }

    public void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update rectification_case set process_instance_id = :pi where id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    public void setStatus(long id, CaseStatus status, OffsetDateTime at) {
        jdbc.sql("""
                update rectification_case set status = :status, updated_at = :at,
                    closed_at = case when :status = 'CLOSED' then :at else closed_at end
                where id = :id""")
                .param("status", status.name()).param("at", at).param("id", id).update();
    }

    public void assign(long id, String leadUnit, List<String> coUnits, OffsetDateTime deadline, boolean provisional,
            CaseStatus status, OffsetDateTime at) {
        jdbc.sql("""
                update rectification_case set lead_unit_code = :lead, co_unit_codes = :co, deadline = :deadline,
                    deadline_provisional = :provisional, status = :status, updated_at = :at,
                    deadline_round = deadline_round + 1, deadline_set_at = :at
                where id = :id""")
                .param("lead", leadUnit)
                .param("co", coUnits.toArray(String[]::new))
                .param("deadline", deadline)
                .param("provisional", provisional)
                .param("status", status.name())
                .param("at", at)
                .param("id", id)
                .update();
    }

    /** A closed case open again: no longer closed; its rework sets the new deadline. */
    public void reopen(long id, OffsetDateTime at) {
        jdbc.sql("update rectification_case set status = 'IN_RECTIFICATION', closed_at = null, updated_at = :at where id = :id")
                .param("at", at).param("id", id).update();
    }

    public void rework(long id, int reworkCount, OffsetDateTime deadline, boolean provisional, OffsetDateTime at) {
        jdbc.sql("""
                update rectification_case set rework_count = :count, deadline = :deadline,
                    deadline_provisional = :provisional, status = 'IN_RECTIFICATION', updated_at = :at,
                    deadline_round = deadline_round + 1, deadline_set_at = :at
                where id = :id""")
                .param("count", reworkCount).param("deadline", deadline).param("provisional", provisional)
                .param("at", at).param("id", id).update();
    }

    /** A new deadline after an approved extension ({@code extended}) or a resumption after suspension. */
    public void moveDeadline(long id, OffsetDateTime deadline, boolean provisional, boolean extended, OffsetDateTime at) {
        jdbc.sql("""
                update rectification_case set deadline = :deadline, deadline_provisional = :provisional,
                    deadline_round = deadline_round + 1, deadline_set_at = :at, updated_at = :at,
                    extension_count = extension_count + case when :extended then 1 else 0 end,
                    status = 'IN_RECTIFICATION', suspended_at = null, suspended_remaining_seconds = null
                where id = :id""")
                .param("deadline", deadline).param("provisional", provisional).param("extended", extended)
                .param("at", at).param("id", id).update();
    }

    public void suspend(long id, long remainingSeconds, OffsetDateTime at) {
        jdbc.sql("""
                update rectification_case set status = 'SUSPENDED', suspended_at = :at,
                    suspended_remaining_seconds = :remaining, updated_at = :at where id = :id""")
                .param("remaining", remainingSeconds).param("at", at).param("id", id).update();
    }

    public void voidCase(long id, String reason, OffsetDateTime at) {
        jdbc.sql("""
                update rectification_case set status = 'VOIDED', void_reason = :reason, closed_at = :at, updated_at = :at
                where id = :id""")
                .param("reason", reason).param("at", at).param("id", id).update();
    }

    public void correct(long id, String categoryCode, String address, String gridCode, OffsetDateTime at) {
        jdbc.sql("""
                update rectification_case set category_code = :category, address = :address, grid_code = :grid,
                    updated_at = :at where id = :id""")
                .param("category", categoryCode).param("address", address).param("grid", gridCode)
                .param("at", at).param("id", id).update();
    }

    public void reject(long id, String reason, String comment, String duplicateOf, OffsetDateTime at) {
        jdbc.sql("""
                update rectification_case set status = 'REJECTED', rejection_reason = :reason,
                    rejection_comment = :comment, duplicate_of = :duplicateOf, closed_at = :at, updated_at = :at
                where id = :id""")
                .param("reason", reason).param("comment", comment).param("duplicateOf", duplicateOf)
                .param("at", at).param("id", id).update();
    }

    RectificationCase map(ResultSet rs, int row) throws SQLException {
        return new RectificationCase(
                rs.getLong("id"),
                rs.getString("case_number"),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("category_code"),
                Severity.valueOf(rs.getString("severity")),
                ReportSource.valueOf(rs.getString("source")),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("address"),
                rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"),
                rs.getString("grid_code"),
                rs.getString("reporter"),
                rs.getString("reporter_name"),
                rs.getString("reporter_phone"),
                rs.getString("submitted_by"),
                rs.getString("lead_unit_code"),
                strings(rs.getArray("co_unit_codes")),
                time(rs, "deadline"),
                rs.getBoolean("deadline_provisional"),
                rs.getInt("rework_count"),
                rs.getString("process_instance_id"),
                rs.getString("rejection_reason"),
                rs.getString("rejection_comment"),
                rs.getString("duplicate_of"),
                time(rs, "created_at"),
                time(rs, "closed_at"),
                rs.getInt("deadline_round"),
                time(rs, "deadline_set_at"),
                rs.getInt("extension_count"),
                time(rs, "suspended_at"),
                rs.getObject("suspended_remaining_seconds", Long.class),
                rs.getString("void_reason"));
    }

    private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
