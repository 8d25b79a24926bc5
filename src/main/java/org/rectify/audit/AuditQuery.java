package org.rectify.audit;

import java.time.OffsetDateTime;

/** What a reader of the audit log asks for; every filter is optional. */
record AuditQuery(OffsetDateTime from, OffsetDateTime to, String actor, String action, String category,
        String outcome, Long caseId, int page, int size) {
}
