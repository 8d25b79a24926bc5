package org.rectify.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.rectify.cases.CaseViews;
import org.rectify.cases.Cases;
import org.rectify.cases.RectificationCase;
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "重复上报", description = "并入已有案件的重复上报：查看与解除关联")
class DuplicateReportController {

    record UnlinkRequest(String reason) {
    }

    private final Intake intake;
    private final DuplicateReports reports;
    private final Cases cases;
    private final CaseViews views;
    private final CurrentUsers currentUsers;

    DuplicateReportController(Intake intake, DuplicateReports reports, Cases cases, CaseViews views,
            CurrentUsers currentUsers) {
        this.intake = intake;
        this.reports = reports;
        this.cases = cases;
        this.views = views;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/cases/{id}/duplicate-reports")
    @Operation(summary = "并入本案件的重复上报（含已解除关联的），及累计上报次数")
    CaseViews.Duplicates list(@PathVariable long id) {
        RectificationCase c = requireReadable(id);
        return views.duplicates(c);
    }

    @GetMapping("/api/cases/{id}/duplicate-reports/{reportId}/photos/{photoId}")
    @Operation(summary = "下载重复上报附带的照片")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long reportId, @PathVariable long photoId) {
        requireReadable(id);
        DuplicateReports.Row row = reports.find(reportId).filter(r -> r.caseId() == id)
                .orElseThrow(() -> DomainException.notFound("duplicate-report-not-found", "重复上报 " + reportId + " 不存在"));
        DuplicateReports.Photo photo = reports.photo(row.id(), photoId)
                .orElseThrow(() -> DomainException.notFound("photo-not-found", "照片 " + photoId + " 不存在"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(photo.bytes());
    }

    @PostMapping("/api/cases/{id}/duplicate-reports/{reportId}/unlink")
    @Operation(summary = "解除错误的重复关联（创建办、管理员）：该报告另立为新案件并启动整改流程，原案件的累计上报次数减一")
    ResponseEntity<Intake.Unlinked> unlink(@PathVariable long id, @PathVariable long reportId,
            @RequestBody(required = false) UnlinkRequest request) {
        Intake.Unlinked unlinked = intake.unlink(id, reportId, request == null ? null : request.reason(),
                currentUsers.require());
        return ResponseEntity.created(URI.create("/api/cases/" + unlinked.newCase().id())).body(unlinked);
    }

    /** The offices and the handlers of the case's units; a reporter does not see other people's reports. */
    private RectificationCase requireReadable(long id) {
        RectificationCase c = cases.require(id);
        CurrentUser user = currentUsers.require();
        if (!user.seesAllCases() && !c.involvesAnyOf(user.unitCodes())) {
            throw DomainException.forbidden("not-your-case", "案件 " + c.caseNumber() + " 不属于您的单位，您无权查看其重复上报");
        }
        return c;
    }
}
