package org.rectify.cases;

import java.time.OffsetDateTime;

/**
 * A step entered a case's history (REPORTED, EXTENSION_APPROVED, SUSPENSION_REFUSED, REOPENED …). Published inside the
 * step's transaction, so what a listener writes (a notice in the outbox) commits or rolls back with the step.
 */
public record CaseEventRecorded(long caseId, OffsetDateTime at, String actor, String action, String summary) {
}
