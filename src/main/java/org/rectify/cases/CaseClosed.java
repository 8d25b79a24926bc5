package org.rectify.cases;

import java.time.OffsetDateTime;

/** A case was closed (销号) after a passed verification; published inside that transaction. */
public record CaseClosed(long caseId, OffsetDateTime at) {
}
