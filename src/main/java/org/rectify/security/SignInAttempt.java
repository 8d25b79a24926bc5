package org.rectify.security;

/**
 * A sign-in through any door, published for the audit trail (never carries the password).
 *
 * @param door      console, tasklist (Camunda's webapp login), api-basic or engine-rest-basic
 * @param outcome   DONE, FAILED (wrong account or password) or THROTTLED (refused before checking: too many failures)
 * @param retryAfterSeconds for THROTTLED, how long the caller was told to wait
 */
public record SignInAttempt(String door, String account, Outcome outcome, String clientAddress, String userAgent,
        long retryAfterSeconds) {

    public enum Outcome { DONE, FAILED, THROTTLED }
}
