package org.rectify.campaigns;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.rectify.cases.CampaignClearances;
import org.rectify.cases.Cases;
import org.rectify.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The campaign table; tells the cases module a campaign's clearance date. */
@Repository
class CampaignStore implements CampaignClearances {

    private static final String COLUMNS = """
            id, name, source_level, starts_on, clearance_at, category_codes, street_codes, owner, description,
            process_instance_id, created_by, created_at, escalated_at""";

    private final JdbcClient jdbc;
    private final ZoneId zone;

    CampaignStore(JdbcClient jdbc, @Value("${rectify.zone-id:Asia/Shanghai}") String zoneId) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zoneId);
    }

    long insert(String name, SourceLevel level, LocalDate startsOn, OffsetDateTime clearanceAt, List<String> categories,
            List<String> streets, String owner, String description, String createdBy, OffsetDateTime now) {
        return jdbc.sql("""
                insert into campaign (name, source_level, starts_on, clearance_at, category_codes, street_codes, owner,
                    description, created_by, created_at)
                values (:name, :level, :startsOn, :clearanceAt, :categories, :streets, :owner, :description, :createdBy, :now)
                returning id""")
                .param("name", name).param("level", level.name()).param("startsOn", startsOn)
                .param("clearanceAt", clearanceAt).param("categories", categories.toArray(String[]::new))
                .param("streets", streets.toArray(String[]::new)).param("owner", owner).param("description", description)
                .param("createdBy", createdBy).param("now", now)
                .query(Long.class).single();
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update campaign set process_instance_id = :pi where id = :id").param("pi", processInstanceId)
                .param("id", id).update();
    }

    /** Marks the escalation done; returns false if it was already (a retry or another node). */
    boolean markEscalated(long id, OffsetDateTime at) {
        return jdbc.sql("update campaign set escalated_at = :at where id = :id and escalated_at is null")
                .param("at", at).param("id", id).update() == 1;
    }

    @Override
    public Optional<Cases.CampaignClearance> clearanceOf(long campaignId) {
        return find(campaignId).map(c -> new Cases.CampaignClearance(c.id(), c.name(), c.clearanceAt()));
    }

    Optional<Campaign> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from campaign where id = :id").param("id", id).query(this::map).optional();
    }

    Campaign require(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("campaign-not-found", "专项整治 " + id + " 不存在"));
    }

    List<Campaign> all() {
        return jdbc.sql("select " + COLUMNS + " from campaign order by id desc").query(this::map).list();
    }

    private Campaign map(ResultSet rs, int n) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getString("name"), SourceLevel.valueOf(rs.getString("source_level")),
                rs.getObject("starts_on", LocalDate.class), time(rs, "clearance_at"), strings(rs.getArray("category_codes")),
                strings(rs.getArray("street_codes")), rs.getString("owner"), rs.getString("description"),
                rs.getString("process_instance_id"), rs.getString("created_by"), time(rs, "created_at"),
                time(rs, "escalated_at"));
    }

    private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
