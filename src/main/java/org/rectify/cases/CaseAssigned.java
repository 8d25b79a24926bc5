package org.rectify.cases;

import java.time.OffsetDateTime;

/** A case got its lead unit and deadline (first assignment or reassignment); published inside that transaction. */
public record CaseAssigned(long caseId, String leadUnit, OffsetDateTime deadline) {
}
