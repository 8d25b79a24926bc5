/**
 * Audit (审计): an append-only, hash-chained log of sign-ins and failed sign-ins, of every request that may write
 * through any door ({@code /api}, {@code /console}, {@code /engine-rest}, {@code /camunda/api}), of administrative
 * acts and of the {@link org.rectify.shared.AuditedAct}s other modules publish; and the integrity check that
 * recomputes the hash chains of the audit log, case history, photos and issued documents.
 *
 * <p>Owns {@code audit_event}. Other modules never write it: they publish {@code AuditedAct} (domain acts) or
 * {@code org.rectify.security.SignInAttempt} (sign-ins), and the HTTP side is recorded by {@code WriteAuditFilter}.
 * Administrators read it through {@code GET /api/admin/audit} and {@code GET /api/admin/integrity}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security", "shared"})
package org.rectify.audit;
