package org.rectify.documents;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.rectify.discipline.SupervisionOrders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The document table. Rows are never changed once written: the database refuses updates and deletes. */
@Repository
class DocumentStore implements SupervisionOrders {

    private static final String COLUMNS = "id, case_id, type, number, issued_at, addressed_to, copied_to";

    private final JdbcClient jdbc;
    private final ZoneId zone;

    DocumentStore(JdbcClient jdbc, @Value("${rectify.zone-id:Asia/Shanghai}") String zoneId) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zoneId);
    }

    record NewDocument(long caseId, DocumentType type, int year, int sequence, String number, OffsetDateTime issuedAt,
            String issuedBy, String addressedTo, List<String> copiedTo, String html, String particularsJson) {
    }

    /** What a unit received, exactly, with what the PDF's file name is made of. */
    record StoredText(long id, long caseId, DocumentType type, String number, String html) {
    }

    long insert(NewDocument d) {
        return jdbc.sql("""
                insert into document (case_id, type, year, sequence, number, issued_at, issued_by, addressed_to,
                    copied_to, html, particulars)
                values (:caseId, :type, :year, :sequence, :number, :issuedAt, :issuedBy, :addressedTo, :copiedTo,
                    :html, cast(:particulars as jsonb))
                returning id""")
                .param("caseId", d.caseId())
                .param("type", d.type().name())
                .param("year", d.year())
                .param("sequence", d.sequence())
                .param("number", d.number())
                .param("issuedAt", d.issuedAt())
                .param("issuedBy", d.issuedBy())
                .param("addressedTo", d.addressedTo())
                .param("copiedTo", d.copiedTo().toArray(String[]::new))
                .param("html", d.html())
                .param("particulars", d.particularsJson())
                .query(Long.class)
                .single();
    }

    @Override
    public List<SupervisionOrder> issuedOn(long caseId) {
        return jdbc.sql("""
                select number, issued_at from document
                where case_id = :caseId and type = :type order by issued_at, id""")
                .param("caseId", caseId).param("type", DocumentType.SUPERVISION_ORDER.name())
                .query((rs, n) -> new SupervisionOrder(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime()))
                .list();
    }

    List<IssuedDocument> forCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from document where case_id = :caseId order by issued_at, id")
                .param("caseId", caseId)
                .query(this::map)
                .list();
    }

    Optional<IssuedDocument> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from document where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    Optional<StoredText> text(long id) {
        return jdbc.sql("select id, case_id, type, number, html from document where id = :id")
                .param("id", id)
                .query((rs, n) -> new StoredText(rs.getLong(1), rs.getLong(2), DocumentType.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .optional();
    }

    private IssuedDocument map(ResultSet rs, int row) throws SQLException {
        return new IssuedDocument(
                rs.getLong("id"),
                rs.getLong("case_id"),
                DocumentType.valueOf(rs.getString("type")),
                rs.getString("number"),
                rs.getObject("issued_at", OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime(),
                rs.getString("addressed_to"),
                strings(rs.getArray("copied_to")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
