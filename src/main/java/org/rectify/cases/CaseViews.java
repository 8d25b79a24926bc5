package org.rectify.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Grid;
import org.rectify.clock.BusinessClock;
import org.rectify.security.CurrentUser;
import org.rectify.shared.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The case as the API shows it, and who may see it. */
@Component
public class CaseViews {

    public record Named(String code, String name) {
    }

    public record Location(String address, BigDecimal latitude, BigDecimal longitude, String gridCode, String gridName,
            Named community, Named street) {
    }

    public record Rejection(String reason, String reasonLabel, String comment, String duplicateOf) {
    }

    public record PhotoView(long id, String stage, String fileName, String contentType, int sizeBytes, String sha256,
            String url, String uploadedBy, OffsetDateTime uploadedAt) {
    }

    public record Summary(long id, String caseNumber, String status, String statusLabel, Named category,
            String severityLabel, String sourceLabel, String title, String address, Named leadUnit,
            OffsetDateTime deadline, boolean overdue, int reworkCount, OffsetDateTime createdAt) {
    }

    public record Detail(long id, String caseNumber, String status, String statusLabel, Named category,
            String severity, String severityLabel, String source, String sourceLabel, String title, String description,
            Location location, String reporter, String reporterName, String submittedBy, Named leadUnit,
            List<Named> coUnits, OffsetDateTime deadline, boolean deadlineProvisional, boolean overdue,
            int reworkCount, String processInstanceId, Rejection rejection, OffsetDateTime createdAt,
            OffsetDateTime closedAt, List<PhotoView> photos, List<CaseHistory.Event> history,
            List<CaseHistory.Decision> decisions, int reportCount, List<LinkedReport> duplicateReports) {
    }

    /** A later report of the same problem, linked to this case instead of becoming a case (重复上报). */
    public record LinkedReport(long id, String source, String sourceLabel, String severityLabel, String title,
            String description, String address, BigDecimal latitude, BigDecimal longitude, String gridCode,
            String reporter, String reporterName, String reporterPhone, String submittedBy, OffsetDateTime reportedAt,
            Integer distanceMetres, List<String> photoUrls, boolean unlinked, OffsetDateTime unlinkedAt,
            String unlinkedBy, String unlinkReason, String newCaseNumber) {
    }

    /** How many times the problem was reported (the case's own report included) and the linked reports. */
    public record Duplicates(long caseId, String caseNumber, int reportCount, List<LinkedReport> reports) {
    }

    private final Catalog catalog;
    private final Photos photos;
    private final CaseHistory history;
    private final BusinessClock clock;

    private final JdbcClient jdbc;
    private final ObjectProvider<LinkedReports> linkedReports;

    private final org.rectify.security.CurrentUsers users;

    CaseViews(Catalog catalog, Photos photos, CaseHistory history, BusinessClock clock, JdbcClient jdbc,
            ObjectProvider<LinkedReports> linkedReports, org.rectify.security.CurrentUsers users) {
        this.users = users;
        this.jdbc = jdbc;
        this.linkedReports = linkedReports;
        this.catalog = catalog;
        this.photos = photos;
        this.history = history;
        this.clock = clock;
    }

    /** Handlers see their own units' cases, reporters what they reported, the offices everything. */
    public void requireVisible(RectificationCase c, CurrentUser user) {
        if (!isVisible(c, user)) {
            throw DomainException.forbidden("not-your-case", "案件 " + c.caseNumber() + " 不属于您的单位，您无权查看或办理");
        }
    }

    public boolean isVisible(RectificationCase c, CurrentUser user) {
        return user.seesAllCases() || c.involvesAnyOf(user.unitCodes()) || c.submittedBy().equals(user.id())
                || linkedReporter(c.id(), user.id());
    }

    /** Someone whose report was linked to this case follows it as if they had reported it. */
    private boolean linkedReporter(long caseId, String userId) {
        LinkedReports linked = linkedReports.getIfAvailable();
        return linked != null && linked.isLinkedReporter(caseId, userId);
    }

    public Duplicates duplicates(RectificationCase c) {
        LinkedReports linked = linkedReports.getIfAvailable();
        List<LinkedReport> reports = linked == null ? List.of() : linked.of(c.id());
        return new Duplicates(c.id(), c.caseNumber(), reportCount(c.id()), reports);
    }

    private int reportCount(long caseId) {
        return jdbc.sql("select report_count from rectification_case where id = :id").param("id", caseId)
                .query(Integer.class).single();
    }

    public Summary summary(RectificationCase c, Map<String, String> unitNames, Map<String, String> categoryNames) {
        return new Summary(c.id(), c.caseNumber(), c.status().name(), c.status().chineseLabel(),
                new Named(c.categoryCode(), categoryNames.getOrDefault(c.categoryCode(), c.categoryCode())),
                c.severity().chineseLabel(), c.source().chineseLabel(), c.title(), c.address(),
                c.leadUnitCode() == null ? null : new Named(c.leadUnitCode(), unitNames.getOrDefault(c.leadUnitCode(), c.leadUnitCode())),
                c.deadline(), c.isOverdue(clock.now()), c.reworkCount(), c.createdAt());
    }

    /** What a reporter sees of their own report: where it stands and what became of it, not the units' internals. */
    private static final java.util.Set<String> REPORTER_VISIBLE_ACTIONS = java.util.Set.of(
            "REPORTED", "FILED", "REJECTED", "ASSIGNED", "RECTIFIED", "VERIFIED", "CLOSED", "VOIDED");

    /**
     * One read-only transaction for the whole view: the catalog's names are then read once (TransactionMemo) instead
     * of once per unit, grid and category named, and the dozen reads share one connection. Every step of the API
     * answers with this view, so it is part of each step's cost.
     */
    @Transactional(readOnly = true)
    public Detail detailFor(RectificationCase c, CurrentUser user) {
        Detail full = detail(c);
        if (user.seesAllCases() || c.involvesAnyOf(user.unitCodes())) {
            return withoutDisciplineData(full, c, user);
        }
        boolean own = c.submittedBy().equals(user.id());
        return new Detail(full.id(), full.caseNumber(), full.status(), full.statusLabel(), full.category(),
                full.severity(), full.severityLabel(), full.source(), full.sourceLabel(), full.title(),
                full.description(), full.location(),
                // someone whose report was linked here sees the problem, not who else reported it
                own ? full.reporter() : null, own ? full.reporterName() : null, own ? full.submittedBy() : null,
                full.leadUnit(), full.coUnits(), full.deadline(), full.deadlineProvisional(), full.overdue(),
                full.reworkCount(), full.processInstanceId(), full.rejection(), full.createdAt(), full.closedAt(),
                full.photos(), full.history().stream()
                        .filter(event -> REPORTER_VISIBLE_ACTIONS.contains(event.action()))
                        .map(event -> new CaseHistory.Event(event.id(), event.occurredAt(),
                                event.action().equals("REPORTED") && own ? event.actor() : "", event.action(),
                                event.summary(), java.util.Map.of(),
                                event.action().equals("REPORTED") && own ? event.actorName() : ""))
                        .toList(),
                List.of(), full.reportCount(), List.of());
    }

    /**
     * Discipline data (the rules' proposal, the office's decisions and the steps around them) is for the discipline
     * office and administrators; the accountable unit sees its own decision once issued, without the office's notes.
     * The campaign office and the supervisors see that a case was transferred, decided (its ladder stage), no more.
     */
    public List<CaseHistory.Event> historyFor(RectificationCase c, CurrentUser user) {
        return visibleHistory(named(history.events(c.id())), c, user);
    }

    public List<CaseHistory.Decision> decisionsFor(RectificationCase c, CurrentUser user) {
        return visibleDecisions(history.decisions(c.id()), user);
    }

    private static boolean seesDisciplineData(CurrentUser user) {
        return user.isAdmin() || user.isDiscipline();
    }

    private static List<CaseHistory.Event> visibleHistory(List<CaseHistory.Event> events, RectificationCase c,
            CurrentUser user) {
        if (seesDisciplineData(user)) {
            return events;
        }
        return events.stream()
                .filter(e -> !CaseHistory.isDisciplineAction(e.action()) || ownIssuedDecision(e, c, user))
                .map(e -> CaseHistory.isDisciplineAction(e.action()) ? e.withoutDetails() : e)
                .toList();
    }

    /** A decision issued to the unit (and what followed it: acknowledgement, appeal, review, taking effect). */
    private static boolean ownIssuedDecision(CaseHistory.Event e, RectificationCase c, CurrentUser user) {
        if (!CaseHistory.ISSUED_DECISION_ACTIONS.contains(e.action())) {
            return false;
        }
        Object unit = e.details().get("unit");
        return unit instanceof String code ? user.handlesFor(code) : user.handlesFor(c.leadUnitCode());
    }

    /** The rule set's hash is the administrators'; everyone else reads the version's label. */
    private static List<CaseHistory.Decision> visibleDecisions(List<CaseHistory.Decision> decisions, CurrentUser user) {
        return decisions.stream()
                .filter(d -> seesDisciplineData(user) || !CaseHistory.isDisciplineDecision(d.kind()))
                .map(d -> user.isAdmin() ? d : d.withoutHash()).toList();
    }

    private Detail withoutDisciplineData(Detail full, RectificationCase c, CurrentUser user) {
        if (user.isAdmin()) {
            return full;
        }
        return new Detail(full.id(), full.caseNumber(), full.status(), full.statusLabel(), full.category(),
                full.severity(), full.severityLabel(), full.source(), full.sourceLabel(), full.title(),
                full.description(), full.location(), full.reporter(), full.reporterName(), full.submittedBy(),
                full.leadUnit(), full.coUnits(), full.deadline(), full.deadlineProvisional(), full.overdue(),
                full.reworkCount(), full.processInstanceId(), full.rejection(), full.createdAt(), full.closedAt(),
                full.photos(), visibleHistory(full.history(), c, user), visibleDecisions(full.decisions(), user),
                full.reportCount(), full.duplicateReports());
    }

    @Transactional(readOnly = true)
    public Detail detail(RectificationCase c) {
        Grid grid = c.gridCode() == null ? null : catalog.grid(c.gridCode()).orElse(null);
        Location location = new Location(c.address(), c.latitude(), c.longitude(), c.gridCode(),
                grid == null ? null : grid.name(),
                grid == null ? null : named(grid.communityCode()), grid == null ? null : named(grid.streetCode()));
        Rejection rejection = c.rejectionReason() == null ? null : new Rejection(c.rejectionReason(),
                CaseSteps.RejectionReason.valueOf(c.rejectionReason()).chineseLabel(), c.rejectionComment(),
                c.duplicateOf());
        List<PhotoView> photoViews = photos.list(c.id()).stream()
                .map(p -> new PhotoView(p.id(), p.stage().name(), p.fileName(), p.contentType(), p.sizeBytes(),
                        p.sha256(), "/api/photos/" + p.id(), p.uploadedBy(), p.uploadedAt()))
                .toList();
        Duplicates duplicates = duplicates(c);
        return new Detail(c.id(), c.caseNumber(), c.status().name(), c.status().chineseLabel(),
                new Named(c.categoryCode(), catalog.category(c.categoryCode()).map(cat -> cat.name()).orElse(c.categoryCode())),
                c.severity().name(), c.severity().chineseLabel(), c.source().name(), c.source().chineseLabel(),
                c.title(), c.description(), location, c.reporter(), c.reporterName(), c.submittedBy(),
                named(c.leadUnitCode()), c.coUnitCodes().stream().map(this::named).toList(), c.deadline(),
                c.deadlineProvisional(), c.isOverdue(clock.now()), c.reworkCount(), c.processInstanceId(), rejection,
                c.createdAt(), c.closedAt(), photoViews, named(history.events(c.id())), history.decisions(c.id()),
                duplicates.reportCount(), duplicates.reports());
    }

    private List<CaseHistory.Event> named(List<CaseHistory.Event> events) {
        Map<String, String> names = users.displayNames(events.stream().map(CaseHistory.Event::actor).toList());
        return events.stream().map(e -> e.named(names)).toList();
    }

    private Named named(String unitCode) {
        return unitCode == null ? null : new Named(unitCode, catalog.unitName(unitCode));
    }
}
