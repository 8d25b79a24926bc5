package org.rectify.rules;

import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/** What the escalation rules know about a case when its ladder is planned. */
public record EscalationFacts(String categoryCode, String categoryName, Severity severity, ReportSource source,
        int reworkCount) {
}
