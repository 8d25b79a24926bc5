/**
 * Deadlines that bite: the escalation ladder (预警 → 催办 → 督办 → 移交纪检) planned from the rules and the
 * working calendar, extensions (延期), suspension (挂账) and voiding (作废). Steps are announced as
 * {@link org.rectify.escalation.EscalationStepTaken} events, which the documents and discipline features act on
 * in the same transaction.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar :: api", "cases", "catalog", "rules", "shared"})
package org.rectify.escalation;
