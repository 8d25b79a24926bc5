package org.rectify.intake;

import java.util.List;
import org.rectify.cases.CaseViews;
import org.rectify.cases.Cases;
import org.rectify.cases.LinkedReports;
import org.rectify.cases.RectificationCase;
import org.springframework.stereotype.Component;

/** Intake's answer to the cases module: the reports linked to a case, from intake's own table. */
@Component
class CaseLinkedReports implements LinkedReports {

    private final DuplicateReports reports;
    private final Cases cases;

    CaseLinkedReports(DuplicateReports reports, Cases cases) {
        this.reports = reports;
        this.cases = cases;
    }

    @Override
    public boolean isLinkedReporter(long caseId, String userId) {
        return reports.lastLinkedBy(caseId, userId).isPresent();
    }

    @Override
    public List<CaseViews.LinkedReport> of(long caseId) {
        return reports.ofCase(caseId).stream().map(row -> {
            List<String> urls = reports.photoIds(row.id()).stream()
                    .map(photo -> "/api/cases/" + caseId + "/duplicate-reports/" + row.id() + "/photos/" + photo)
                    .toList();
            String newCaseNumber = row.newCaseId() == null ? null
                    : cases.find(row.newCaseId()).map(RectificationCase::caseNumber).orElse(null);
            return new CaseViews.LinkedReport(row.id(), row.source().name(), row.source().chineseLabel(),
                    row.severity().chineseLabel(), row.title(), row.description(), row.address(), row.latitude(),
                    row.longitude(), row.gridCode(), row.reporter(), row.reporterName(), row.reporterPhone(),
                    row.submittedBy(), row.reportedAt(), row.distanceMetres(), urls, row.unlinkedAt() != null,
                    row.unlinkedAt(), row.unlinkedBy(), row.unlinkReason(), newCaseNumber);
        }).toList();
    }
}
