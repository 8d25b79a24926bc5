package org.rectify.rules;

import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/**
 * What the volunteer-points rules (rules/volunteer-points.drl) know about one report verified as a real problem
 * (its case was closed): where it came from, how bad it was, and the reporter's points before it.
 */
public record VolunteerFacts(ReportSource source, Severity severity, int pointsBefore) {
}
