package org.rectify.rules;

import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/** What the follow-up rules (rules/followup.drl) know about a closed public report: where it came from, how bad it was. */
public record FollowupFacts(ReportSource source, Severity severity) {
}
