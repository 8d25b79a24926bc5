package org.rectify.rules;

/**
 * What the weekly bulletin's rules (rules/bulletin.drl) know about one unit's week: cases closed (and of them on
 * time), cases overdue now, reworks and supervision orders this week.
 */
public record BulletinFacts(String unitName, int closed, int onTime, int overdueNow, int reworked, int orders) {
}
