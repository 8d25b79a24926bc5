package org.rectify.rules;

/** How many days the reporter has to answer the follow-up (回访) before silence counts as satisfied, and why. */
public record FollowupPolicy(int waitDays, String reason) {
}
