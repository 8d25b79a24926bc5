package org.rectify.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;
import org.rectify.web.UserFacingException;
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

    public record Receipt(long caseId, String caseNumber, boolean replayed) {
    }

    private final Intake intake;
    private final Validator validator;

    IntakeGateway(Intake intake, Validator validator) {
        this.intake = intake;
        this.validator = validator;
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
            throw UserFacingException.badRequest("invalid-input", violations.stream().map(ConstraintViolation::getMessage)
                    .sorted().collect(Collectors.joining("；")));
        }
        Intake.Result result = intake.report(request, idempotencyKey);
        return new Receipt(result.receipt().id(), result.receipt().caseNumber(), result.replayed());
    }
}
