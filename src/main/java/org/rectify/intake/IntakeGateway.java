package org.rectify.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Service;

/**
 * The intake for Rectify's own pages (the console's report form): the report is checked by the same
 * constraints as {@code POST /api/reports} and takes the same path through {@link Intake}, so a report made
 * on a phone and one made over the API become the same kind of case.
 */
@Service
public class IntakeGateway {

    public record Photo(String fileName, byte[] bytes) {
    }

    public record Report(String categoryCode, ReportSource source, Severity severity, String title,
            String description, String address, BigDecimal latitude, BigDecimal longitude, String gridCode,
            String reporterId, String reporterName, String reporterPhone, List<Photo> photos) {
    }

    /** {@code linked}: the report joined the open case {@code caseNumber} (重复上报); {@code message} tells the reporter. */
    public record Receipt(long caseId, String caseNumber, boolean replayed, boolean linked, int reportCount,
            String message) {
    }

    /** A wrong duplicate match undone: the report's new case, and what is left on the original. */
    public record Unlinked(long newCaseId, String newCaseNumber, String originalCaseNumber, int originalReportCount) {
    }

    private final Intake intake;
    private final Validator validator;
    private final DuplicateReports reports;

    private final ReportingRights rights;

    IntakeGateway(Intake intake, Validator validator, DuplicateReports reports, ReportingRights rights) {
        this.rights = rights;
        this.reports = reports;
        this.intake = intake;
        this.validator = validator;
    }

    /** The sources the user may report as (rectify.intake.sources-by-role). */
    public List<org.rectify.catalog.ReportSource> allowedSources(org.rectify.security.CurrentUser user) {
        return rights.allowedFor(user);
    }

    /** Files the report; refuses with every problem at once (in Chinese) before anything is stored. */
    public Receipt report(Report report, String idempotencyKey) {
        List<ReportRequest.Photo> photos = report.photos() == null ? List.of() : report.photos().stream()
                .map(p -> new ReportRequest.Photo(p.fileName(), Base64.getEncoder().encodeToString(p.bytes())))
                .toList();
        ReportRequest request = new ReportRequest(report.categoryCode(), report.source(), report.severity(),
                report.title(), report.description(),
                new ReportRequest.Location(report.address(), report.latitude(), report.longitude(), report.gridCode()),
                photos.isEmpty() ? null : photos,
                new ReportRequest.Reporter(report.reporterId(), report.reporterName(), report.reporterPhone()));
        Set<ConstraintViolation<ReportRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw DomainException.invalid("invalid-input", violations.stream().map(ConstraintViolation::getMessage)
                    .sorted().collect(Collectors.joining("；")));
        }
        Intake.Result result = intake.report(request, idempotencyKey);
        if (result.linked()) {
            return new Receipt(result.link().id(), result.link().caseNumber(), result.replayed(), true,
                    result.link().reportCount(), result.link().message());
        }
        return new Receipt(result.receipt().id(), result.receipt().caseNumber(), result.replayed(), false, 1, null);
    }

    /**
     * What a reporter whose report was linked to the case is told (the console's page after the form), if
     * they have such a report there that is still linked.
     */
    public Optional<String> linkNotice(long caseId, String submittedBy) {
        return reports.lastLinkedBy(caseId, submittedBy).map(intake::linkMessage);
    }

    /** Undoes a wrong duplicate match, as {@code POST /api/cases/{id}/duplicate-reports/{reportId}/unlink} does. */
    public Unlinked unlink(long caseId, long reportId, String reason, org.rectify.security.CurrentUser user) {
        Intake.Unlinked unlinked = intake.unlink(caseId, reportId, reason, user);
        return new Unlinked(unlinked.newCase().id(), unlinked.newCase().caseNumber(), unlinked.originalCaseNumber(),
                unlinked.originalReportCount());
    }
}
