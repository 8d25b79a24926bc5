package org.rectify.documents;

import java.time.OffsetDateTime;
import java.util.List;

/** A document as issued: its number, when, to whom (主送) and who got a copy (抄送). The text itself is stored beside it. */
public record IssuedDocument(long id, long caseId, DocumentType type, String number, OffsetDateTime issuedAt,
        String addressedTo, List<String> copiedTo) {

    public IssuedDocument {
        copiedTo = List.copyOf(copiedTo);
    }
}
