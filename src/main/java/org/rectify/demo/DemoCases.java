package org.rectify.demo;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectify.cases.Cases;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;
import org.rectify.intake.Intake;
import org.rectify.intake.ReportRequest;
import org.rectify.security.CurrentUser;
import org.rectify.workflow.CaseProcess;
import org.rectify.workflow.ProcessVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A few cases so the demo has something to show: fresh reports, a public report to check, and two cases
 * reported weeks ago and never fixed, whose ladder timers (already due) fire as soon as the job executor
 * runs — one stops at the supervision order, one reaches the discipline office.
 */
@Component
class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private static final CurrentUser PATROL = new CurrentUser("patrol", "巡查员", List.of("reporter"), Set.of());

    private final Intake intake;
    private final Cases cases;
    private final CaseProcess process;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DemoCases(Intake intake, Cases cases, CaseProcess process, JdbcClient jdbc, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.intake = intake;
        this.cases = cases;
        this.process = process;
        this.jdbc = jdbc;
    }

    void load() {
        if (jdbc.sql("select count(*) from rectification_case").query(Long.class).single() > 0) {
            return;
        }
        report("STREET_VENDING", Severity.GENERAL, ReportSource.PATROL, "星河路早市占道经营",
                "星河路与明珠街交叉口早市摊贩占用人行道约30米", "星河路与明珠街交叉口", "xhsq-01", null);
        report("STAIRWELL_CLUTTER", Severity.GENERAL, ReportSource.CITIZEN, "锦绣花园3栋楼道堆放杂物",
                "3栋2单元楼道堆放纸箱和旧家具，影响消防通道", "锦绣花园3栋2单元", "jxsq-01", null);
        report("ILLEGAL_PARKING", Severity.SERIOUS, ReportSource.GRID, "翠湖路消防通道违停",
                "翠湖小区东门消防通道长期停放私家车", "翠湖小区东门", "chsq-02", null);
        // Reported on working days well before today and accepted at once, then left alone.
        report("MARKET_HYGIENE", Severity.SERIOUS, ReportSource.SUPERVISION, "青云农贸市场环境卫生差",
                "市场内地面积水，垃圾未及时清运，病媒防制设施缺失", "青云农贸市场", "qysq-01",
                workingDaysAgo(8));
        report("BLACK_ODOROUS_WATER", Severity.SERIOUS, ReportSource.PROVINCIAL_INSPECTION, "松涛河支流黑臭",
                "省级暗访发现松涛河支流水体发黑发臭，沿岸有生活污水直排口", "松涛河支流松涛桥段", "stsq-02",
                workingDaysAgo(14));
        log.info("Demo profile: created demo cases");
    }

    private void report(String category, Severity severity, ReportSource source, String title, String description,
            String address, String grid, OffsetDateTime reportedAt) {
        try {
            if (reportedAt != null) {
                ClockUtil.setCurrentTime(Date.from(reportedAt.toInstant()));
            }
            ReportRequest request = new ReportRequest(category, source, severity, title, description,
                    new ReportRequest.Location(address, null, null, grid), List.of(),
                    new ReportRequest.Reporter("patrol", "巡查员", null));
            long id = intake.report(request, "demo-" + title, PATROL).receipt().id();
            if (reportedAt != null) {
                accept(id);
            }
        } finally {
            ClockUtil.reset();
        }
    }

    /** The lead unit's handler accepts (签收) the case, as on the API: its ladder is planned and its timers wait. */
    private void accept(long caseId) {
        var c = cases.require(caseId);
        CurrentUser handler = new CurrentUser(c.leadUnitCode() + "-handler", "经办人", List.of(c.leadUnitCode()),
                Set.of(c.leadUnitCode()));
        process.complete(c, ProcessVariables.TASK_ACCEPT, "签收", handler, Map.of(ProcessVariables.ACCEPT_OUTCOME, "ACCEPT"));
    }

    /**
     * BENCHMARK SEEDING (bench/timer-backlog.sh): {@code count} street-vending reports by the patrol, each accepted
     * at once through the same intake and step code as the API, {@code perTransaction} cases to a commit (the API's
     * two commits a case, each waiting for the disk, are what makes seeding 25 000 cases slow). Each report has a
     * place of its own, {@code first} onwards, 1.1 km apart, so none repeats another. Returns the case ids.
     */
    List<Long> seedBacklog(int first, int count, int perTransaction) {
        List<Long> ids = new java.util.ArrayList<>();
        for (int from = 0; from < count; from += perTransaction) {
            int to = Math.min(count, from + perTransaction);
            int batchStart = from;
            ids.addAll(transactions.execute(status -> {
                List<Long> batch = new java.util.ArrayList<>();
                for (int n = batchStart; n < to; n++) {
                    int place = first + n;
                    ReportRequest request = new ReportRequest("STREET_VENDING", ReportSource.PATROL, Severity.GENERAL,
                            "节后积压基准 " + place, "占道经营", new ReportRequest.Location("星河路88号",
                                    java.math.BigDecimal.valueOf(2000 + place % 6000, 2),
                                    java.math.BigDecimal.valueOf(10000 + place / 6000 % 100, 2), null),
                            List.of(), new ReportRequest.Reporter("patrol", "巡查员", null));
                    long id = intake.report(request, null, PATROL).receipt().id();
                    accept(id);
                    batch.add(id);
                }
                return batch;
            }));
        }
        return ids;
    }

    private static OffsetDateTime workingDaysAgo(int days) {
        // Approximate on purpose: the demo only needs the deadline well in the past.
        return OffsetDateTime.now().minusDays(days * 7L / 5 + 1).withHour(9).withMinute(30);
    }
}
