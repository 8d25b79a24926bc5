package org.rectify.intake;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of reports linked to an open case instead of becoming cases of their own (重复上报). */
@Repository
class DuplicateReports {

    /** One linked report as stored. */
    record Row(long id, long caseId, String categoryCode, Severity severity, ReportSource source, String title,
            String description, String address, BigDecimal latitude, BigDecimal longitude, String gridCode,
            String reporter, String reporterName, String reporterPhone, String submittedBy, OffsetDateTime reportedAt,
            Integer distanceMetres, OffsetDateTime unlinkedAt, String unlinkedBy, String unlinkReason, Long newCaseId) {
    }

    record Photo(long id, String fileName, String contentType, byte[] bytes) {
    }

    private static final String COLUMNS = """
            id, case_id, category_code, severity, source, title, description, address, latitude, longitude, grid_code,
            reporter, reporter_name, reporter_phone, submitted_by, reported_at, distance_metres, unlinked_at,
            unlinked_by, unlink_reason, new_case_id""";

    private final JdbcClient jdbc;

    DuplicateReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long caseId, ReportRequest report, String gridCode, String submittedBy, OffsetDateTime at,
            Integer distanceMetres, String idempotencyKey) {
        return jdbc.sql("""
                insert into duplicate_report (case_id, category_code, severity, source, title, description, address,
                    latitude, longitude, grid_code, reporter, reporter_name, reporter_phone, submitted_by, reported_at,
                    distance_metres, idempotency_key)
                values (:caseId, :category, :severity, :source, :title, :description, :address, :lat, :lng, :grid,
                    :reporter, :reporterName, :reporterPhone, :submittedBy, :at, :distance, :key)
                returning id""")
                .param("caseId", caseId)
                .param("category", report.categoryCode().strip())
                .param("severity", report.severity().name())
                .param("source", report.source().name())
                .param("title", report.title().strip())
                .param("description", report.description().strip())
                .param("address", report.location().address().strip())
                .param("lat", report.location().latitude())
                .param("lng", report.location().longitude())
                .param("grid", gridCode)
                .param("reporter", report.reporter().id().strip())
                .param("reporterName", report.reporter().name())
                .param("reporterPhone", report.reporter().phone())
                .param("submittedBy", submittedBy)
                .param("at", at)
                .param("distance", distanceMetres)
                .param("key", idempotencyKey)
                .query(Long.class)
                .single();
    }

    void insertPhoto(long reportId, String fileName, String contentType, byte[] bytes, String sha256) {
        jdbc.sql("""
                insert into duplicate_report_photo (duplicate_report_id, file_name, content_type, size_bytes, sha256, content)
                values (:report, :name, :type, :size, :sha, :content)""")
                .param("report", reportId).param("name", fileName == null || fileName.isBlank() ? "照片" : fileName)
                .param("type", contentType).param("size", bytes.length).param("sha", sha256).param("content", bytes)
                .update();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from duplicate_report where id = :id").param("id", id)
                .query(this::map).optional();
    }

    /** Locks the row, so two dispatchers cannot unlink the same report at once. */
    Optional<Row> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from duplicate_report where id = :id for update").param("id", id)
                .query(this::map).optional();
    }

    /** Every report linked to the case, unlinked ones included, oldest first. */
    List<Row> ofCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from duplicate_report where case_id = :caseId order by id")
                .param("caseId", caseId).query(this::map).list();
    }

    List<Long> photoIds(long reportId) {
        return jdbc.sql("select id from duplicate_report_photo where duplicate_report_id = :report order by id")
                .param("report", reportId).query(Long.class).list();
    }

    /** The latest report this person filed that is still linked to the case. */
    Optional<Long> lastLinkedBy(long caseId, String submittedBy) {
        return jdbc.sql("""
                select id from duplicate_report where case_id = :caseId and submitted_by = :by and new_case_id is null
                order by id desc limit 1""")
                .param("caseId", caseId).param("by", submittedBy).query(Long.class).optional();
    }

    List<Photo> photos(long reportId) {
        return jdbc.sql("""
                select id, file_name, content_type, content from duplicate_report_photo
                where duplicate_report_id = :report order by id""")
                .param("report", reportId)
                .query(DuplicateReports::photo)
                .list();
    }

    /** One photo of the report, without reading the others' content. */
    Optional<Photo> photo(long reportId, long photoId) {
        return jdbc.sql("""
                select id, file_name, content_type, content from duplicate_report_photo
                where duplicate_report_id = :report and id = :id""")
                .param("report", reportId).param("id", photoId)
                .query(DuplicateReports::photo)
                .optional();
    }

    private static Photo photo(ResultSet rs, int n) throws SQLException {
        return new Photo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4));
    }

    void markUnlinked(long id, String by, String reason, long newCaseId, OffsetDateTime at) {
        jdbc.sql("""
                update duplicate_report set unlinked_at = :at, unlinked_by = :by, unlink_reason = :reason,
                    new_case_id = :newCase where id = :id""")
                .param("at", at).param("by", by).param("reason", reason).param("newCase", newCaseId).param("id", id)
                .update();
    }

    private Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("case_id"), rs.getString("category_code"),
                Severity.valueOf(rs.getString("severity")), ReportSource.valueOf(rs.getString("source")),
                rs.getString("title"), rs.getString("description"), rs.getString("address"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("grid_code"),
                rs.getString("reporter"), rs.getString("reporter_name"), rs.getString("reporter_phone"),
                rs.getString("submitted_by"), rs.getObject("reported_at", OffsetDateTime.class),
                rs.getObject("distance_metres", Integer.class), rs.getObject("unlinked_at", OffsetDateTime.class),
                rs.getString("unlinked_by"), rs.getString("unlink_reason"), rs.getObject("new_case_id", Long.class));
    }
}
