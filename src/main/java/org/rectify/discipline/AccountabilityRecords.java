package org.rectify.discipline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.rectify.clock.BusinessClock;
import org.rectify.rules.AccountabilityMeasure;
import org.rectify.rules.AccountabilityTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The units' accountability record (accountability_record) and the appeals. Append-only: the database refuses
 * updates and deletes; a review appends a new version that supersedes the earlier one.
 */
@Repository
class AccountabilityRecords {

    enum Basis {
        DECISION("纪工委决定"), APPEAL_UPHELD("申诉复核维持原决定"), APPEAL_CHANGED("申诉复核变更");

        private final String chineseLabel;

        Basis(String chineseLabel) {
            this.chineseLabel = chineseLabel;
        }

        String chineseLabel() {
            return chineseLabel;
        }
    }

    /** One version of the decision on one transfer. */
    record Entry(long id, long transferId, int version, Long supersedesId, long caseId, String unitCode, Basis basis,
            AccountabilityMeasure measure, AccountabilityTarget target, String targetName,
            AccountabilityMeasure proposedMeasure, AccountabilityTarget proposedTarget, boolean followsProposal,
            String reason, String ruleSetVersion, OffsetDateTime appealDeadline, String decidedBy,
            OffsetDateTime decidedAt, OffsetDateTime offenceAt) {
    }

    record NewEntry(long transferId, long caseId, String unitCode, Basis basis, AccountabilityMeasure measure,
            AccountabilityTarget target, String targetName, AccountabilityMeasure proposedMeasure,
            AccountabilityTarget proposedTarget, String reason, String ruleSetVersion, OffsetDateTime appealDeadline,
            String decidedBy, OffsetDateTime decidedAt) {
    }

    record Appeal(long id, long transferId, long recordId, String reason, String filedBy, OffsetDateTime filedAt) {
    }

    private static final String COLUMNS = """
            id, transfer_id, version, supersedes_id, case_id, unit_code, basis, measure, target, target_name,
            proposed_measure, proposed_target, follows_proposal, reason, rule_set_version, appeal_deadline, decided_by,
            decided_at, offence_at""";

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    AccountabilityRecords(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends the next version for the transfer; a first version is the offence's date in the unit's record. */
    Entry append(NewEntry e) {
        Optional<Entry> previous = current(e.transferId());
        long id = jdbc.sql("""
                insert into accountability_record (transfer_id, version, supersedes_id, case_id, unit_code, basis, measure,
                    target, target_name, proposed_measure, proposed_target, follows_proposal, reason, rule_set_version,
                    appeal_deadline, decided_by, decided_at, offence_at)
                values (:transferId, :version, :supersedes, :caseId, :unit, :basis, :measure, :target, :targetName,
                    :proposedMeasure, :proposedTarget, :follows, :reason, :ruleSet, :appealDeadline, :by, :at, :offenceAt)
                returning id""")
                .param("transferId", e.transferId())
                .param("version", previous.map(p -> p.version() + 1).orElse(1))
                .param("supersedes", previous.map(Entry::id).orElse(null))
                .param("caseId", e.caseId())
                .param("unit", e.unitCode())
                .param("basis", e.basis().name())
                .param("measure", e.measure().name())
                .param("target", e.target().name())
                .param("targetName", e.targetName())
                .param("proposedMeasure", e.proposedMeasure().name())
                .param("proposedTarget", e.proposedTarget().name())
                .param("follows", e.measure() == e.proposedMeasure() && e.target() == e.proposedTarget())
                .param("reason", e.reason())
                .param("ruleSet", e.ruleSetVersion())
                .param("appealDeadline", e.appealDeadline())
                .param("by", e.decidedBy())
                .param("at", e.decidedAt())
                .param("offenceAt", previous.map(Entry::offenceAt).orElse(e.decidedAt()))
                .query(Long.class).single();
        return find(id);
    }

    /** The decision that stands for a transfer: its latest version. */
    Optional<Entry> current(long transferId) {
        return jdbc.sql("select " + COLUMNS + " from accountability_current where transfer_id = :transferId")
                .param("transferId", transferId).query(this::map).optional();
    }

    List<Entry> versions(long transferId) {
        return jdbc.sql("select " + COLUMNS + " from accountability_record where transfer_id = :transferId order by version")
                .param("transferId", transferId).query(this::map).list();
    }

    /** The unit's standing decisions whose offence lies in [from, to), oldest first. */
    List<Entry> standingForUnit(String unitCode, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("select " + COLUMNS + """
                 from accountability_current
                where unit_code = :unit and offence_at >= :from and offence_at < :to order by offence_at, id""")
                .param("unit", unitCode).param("from", from).param("to", to).query(this::map).list();
    }

    void appeal(long transferId, long recordId, String reason, String filedBy, OffsetDateTime at) {
        jdbc.sql("""
                insert into accountability_appeal (transfer_id, record_id, reason, filed_by, filed_at)
                values (:transferId, :recordId, :reason, :by, :at)""")
                .param("transferId", transferId).param("recordId", recordId).param("reason", reason)
                .param("by", filedBy).param("at", at).update();
    }

    Optional<Appeal> appealOf(long transferId) {
        return jdbc.sql("""
                select id, transfer_id, record_id, reason, filed_by, filed_at from accountability_appeal
                where transfer_id = :transferId""")
                .param("transferId", transferId)
                .query((rs, n) -> new Appeal(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), time(rs, "filed_at")))
                .optional();
    }

    private Entry find(long id) {
        return jdbc.sql("select " + COLUMNS + " from accountability_record where id = :id")
                .param("id", id).query(this::map).single();
    }

    private Entry map(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("transfer_id"), rs.getInt("version"),
                rs.getObject("supersedes_id", Long.class), rs.getLong("case_id"), rs.getString("unit_code"),
                Basis.valueOf(rs.getString("basis")), AccountabilityMeasure.valueOf(rs.getString("measure")),
                AccountabilityTarget.valueOf(rs.getString("target")), rs.getString("target_name"),
                AccountabilityMeasure.valueOf(rs.getString("proposed_measure")),
                AccountabilityTarget.valueOf(rs.getString("proposed_target")), rs.getBoolean("follows_proposal"),
                rs.getString("reason"), rs.getString("rule_set_version"), time(rs, "appeal_deadline"),
                rs.getString("decided_by"), time(rs, "decided_at"), time(rs, "offence_at"));
    }

    private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(clock.zone()).toOffsetDateTime();
    }
}
