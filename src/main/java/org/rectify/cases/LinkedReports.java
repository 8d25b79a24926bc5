package org.rectify.cases;

import java.util.List;

/**
 * The later reports of a case's problem that were linked to it instead of becoming cases (重复上报). Answered by the
 * module that owns the linked reports (intake), so that cases reads no table of a module that depends on it.
 */
public interface LinkedReports {

    /** Whether {@code userId} filed a report that is still linked to the case: they follow it as its reporter. */
    boolean isLinkedReporter(long caseId, String userId);

    /** The case's linked reports (unlinked ones included, with what became of them), oldest first. */
    List<CaseViews.LinkedReport> of(long caseId);
}
