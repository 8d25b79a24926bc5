package org.rectify.audit;

/**
 * One line of the audit log as written. Never holds a request body or a password.
 *
 * @param category SIGN_IN, WRITE or ACT
 * @param action   a stable English name (sign-in.console, clock.move, case.accept …)
 * @param outcome  DONE, REFUSED, FAILED (a server error) or THROTTLED (a sign-in refused for too many failures)
 */
record AuditEntry(String category, String action, String actor, String outcome, Long caseId, String method,
        String path, Integer status, String clientAddress, String userAgent, String detail) {
}
