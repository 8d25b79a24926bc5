package org.rectify.rules;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.rectify.calendar.TimeLimitUnit;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/**
 * The open cases a candidate rule set is tried on (what-if), as the rules see them. Answered by the module that
 * owns the cases (cases), so that rules reads no table of a module that depends on it.
 */
public interface OpenCases {

    /** An open case as the rules see it. */
    record OpenCase(long id, String caseNumber, String title, String status, String categoryCode, String categoryName,
            String defaultUnit, Severity severity, ReportSource source, int reworkCount, String streetUnit,
            String communityUnit, Set<String> returned, Integer initialAmount, TimeLimitUnit initialUnit,
            OffsetDateTime deadline, OffsetDateTime deadlineSetAt) {
    }

    /** Every case not closed, rejected or voided, of one category or (null) of all, in the order they came. */
    List<OpenCase> open(String categoryCode);
}
