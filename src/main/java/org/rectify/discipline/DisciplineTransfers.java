package org.rectify.discipline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.rectify.clock.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of transfers (discipline_transfer). A partial unique index keeps one open transfer per case. */
@Repository
class DisciplineTransfers {

    private static final String COLUMNS = """
            id, case_id, sequence, business_key, unit_code, trigger_kind, detail, transferred_at, process_instance_id,
            status, effective_at, closed_at""";

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    DisciplineTransfers(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Transfer> findOpen(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from discipline_transfer where case_id = :caseId and closed_at is null")
                .param("caseId", caseId).query(this::map).optional();
    }

    Transfer require(long id) {
        return jdbc.sql("select " + COLUMNS + " from discipline_transfer where id = :id")
                .param("id", id).query(this::map).optional()
                .orElseThrow(() -> new IllegalStateException("No discipline transfer " + id));
    }

    /** The transfer a discipline process runs for, by the process's business key (never by a variable a client sent). */
    Transfer requireByBusinessKey(String businessKey) {
        return jdbc.sql("select " + COLUMNS + " from discipline_transfer where business_key = :key")
                .param("key", businessKey).query(this::map).optional()
                .orElseThrow(() -> new IllegalStateException("No discipline transfer " + businessKey));
    }

    /** The case's transfers, first first. */
    List<Transfer> forCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from discipline_transfer where case_id = :caseId order by sequence")
                .param("caseId", caseId).query(this::map).list();
    }

    int nextSequence(long caseId) {
        return jdbc.sql("select coalesce(max(sequence), 0) + 1 from discipline_transfer where case_id = :caseId")
                .param("caseId", caseId).query(Integer.class).single();
    }

    long insert(long caseId, int sequence, String businessKey, String unitCode, TransferTrigger trigger, String detail,
            OffsetDateTime at) {
        return jdbc.sql("""
                insert into discipline_transfer (case_id, sequence, business_key, unit_code, trigger_kind, detail,
                    transferred_at, status)
                values (:caseId, :sequence, :key, :unit, :trigger, :detail, :at, 'AWAITING_DECISION')
                returning id""")
                .param("caseId", caseId).param("sequence", sequence).param("key", businessKey).param("unit", unitCode)
                .param("trigger", trigger.name()).param("detail", detail).param("at", at)
                .query(Long.class).single();
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update discipline_transfer set process_instance_id = :pi where id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    void setStatus(long id, Transfer.Status status) {
        jdbc.sql("update discipline_transfer set status = :status where id = :id and closed_at is null")
                .param("status", status.name()).param("id", id).update();
    }

    void makeEffective(long id, OffsetDateTime at) {
        jdbc.sql("""
                update discipline_transfer set status = 'EFFECTIVE', effective_at = :at, closed_at = :at
                where id = :id and closed_at is null""")
                .param("at", at).param("id", id).update();
    }

    void cancel(long id, OffsetDateTime at) {
        jdbc.sql("update discipline_transfer set status = 'CANCELLED', closed_at = :at where id = :id and closed_at is null")
                .param("at", at).param("id", id).update();
    }

    private Transfer map(ResultSet rs, int row) throws SQLException {
        return new Transfer(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("sequence"), rs.getString("business_key"),
                rs.getString("unit_code"), TransferTrigger.valueOf(rs.getString("trigger_kind")), rs.getString("detail"),
                time(rs, "transferred_at"), rs.getString("process_instance_id"),
                Transfer.Status.valueOf(rs.getString("status")), time(rs, "effective_at"), time(rs, "closed_at"));
    }

    private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(clock.zone()).toOffsetDateTime();
    }
}
