package org.rectify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.rectify.cases.CaseTallies;
import org.rectify.clock.BusinessClock;
import org.rectify.security.CurrentUser;
import org.rectify.security.Roles;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The dashboard reads case counters (V24's case_tally) instead of counting a million cases, and the ledger estimates
 * totals above a threshold: the figures must still be the ones a recount of the case table gives, for every viewer,
 * also while cases change at once.
 */
@RectifyIntegrationTest
class CaseCountersIntegrationTests {

    /** What the counters must hold: each case's rows, recounted from the table. */
    private static final String RECOUNT = """
            select t.measure, t.lead_unit_code, t.grid_code, t.status, t.day, count(*) as n
            from rectification_case c cross join lateral case_tally_rows(c.lead_unit_code, c.grid_code, c.status, c.created_at, c.closed_at, c.deadline) t group by 1, 2, 3, 4, 5""";
    private static final String TALLIED = """
            select measure, lead_unit_code, grid_code, status, day, sum(n)::bigint as n
            from case_tally group by 1, 2, 3, 4, 5 having sum(n) <> 0""";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Dashboard dashboard;
    @Autowired
    Directory directory;
    @Autowired
    CaseTallies tallies;
    @Autowired
    BusinessClock clock;

    @Test
    void theDashboardShowsWhatARecountOfTheCasesGivesForTheOfficesAndForAHandler() {
        Api api = new Api(rest);
        long accepted = api.reportCase(api.patrolReport("STREET_VENDING", "GENERAL")).get("id").asLong();
        String unit = api.caseDetail(accepted).at("/leadUnit/code").asText();
        api.post(unit + "-handler", "/api/cases/" + accepted + "/accept", null);
        api.reportCase(api.patrolReport("STREET_VENDING", "GENERAL"));
        OffsetDateTime now = clock.now();

        Viewer admin = new Viewer(new CurrentUser("admin", "管理员", List.of(Roles.ADMIN_GROUP), Set.of()), "管理员");
        Viewer handler = new Viewer(new CurrentUser(unit + "-handler", "经办人", List.of(), Set.of(unit)), "经办人");
        for (Viewer viewer : List.of(admin, handler)) {
            Map<String, Object> params = new HashMap<>();
            String scope = viewer.scope(params);
            params.put("now", now);
            params.put("todayStart", Ledger.startOf(now.atZoneSameInstant(Texts.ZONE).toLocalDate()));
            // other test classes of the shared context report on moved clocks: cases "reported" on later days
            params.put("tomorrowStart", Ledger.startOf(now.atZoneSameInstant(Texts.ZONE).toLocalDate().plusDays(1)));
            params.put("weekStart", Ledger.startOf(now.atZoneSameInstant(Texts.ZONE).toLocalDate()
                    .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))));
            Map<String, Object> recount = jdbc.sql("select"
                    + " count(*) filter (where c.status not in ('REJECTED', 'CLOSED', 'VOIDED')) as open,"
                    + " count(*) filter (where c.status not in ('REJECTED', 'CLOSED', 'VOIDED', 'SUSPENDED') and c.deadline < :now) as overdue,"
                    + " count(*) filter (where c.status = 'CLOSED' and c.closed_at >= :weekStart) as closed_week,"
                    + " count(*) filter (where c.created_at >= :todayStart and c.created_at < :tomorrowStart) as reported_today"
                    + " from rectification_case c where " + scope).params(params).query().singleRow();
            Dashboard.View view = dashboard.build(viewer, directory.snapshot(), now);

            assertThat(view.totals().open()).as(viewer.id() + " open").isEqualTo(recount.get("open"));
            assertThat(view.totals().overdue()).as(viewer.id() + " overdue").isEqualTo(recount.get("overdue"));
            assertThat(view.totals().closedThisWeek()).as(viewer.id() + " closed").isEqualTo(recount.get("closed_week"));
            assertThat(view.totals().reportedToday()).as(viewer.id() + " reported today").isEqualTo(recount.get("reported_today"));
            assertThat(view.totals().reportedToday()).isGreaterThanOrEqualTo(2);
            assertThat(view.trend().get(view.trend().size() - 1).reported()).isEqualTo(recount.get("reported_today"));
        }
        assertThat(dashboard.build(admin, directory.snapshot(), now).byUnit())
                .filteredOn(line -> line.code().equals(unit)).singleElement()
                .satisfies(line -> assertThat(line.open()).isEqualTo(jdbc.sql("""
                        select count(*) from rectification_case
                        where lead_unit_code = :unit and status not in ('REJECTED', 'CLOSED', 'VOIDED')""")
                        .param("unit", unit).query(Long.class).single()));
    }

    @Test
    void twoCasesChangingAtOnceNeitherWaitForEachOtherNorGetLostAndCompactingChangesNoFigure() throws Exception {
        Api api = new Api(rest);
        long first = api.reportCase(api.patrolReport("STREET_VENDING", "GENERAL")).get("id").asLong();
        long second = api.reportCase(api.patrolReport("STREET_VENDING", "GENERAL")).get("id").asLong();
        String otherGrid = jdbc.sql("select code from grid where code <> (select grid_code from rectification_case where id = :id)"
                + " order by code limit 1").param("id", first).query(String.class).single();

        try (Connection one = dataSource.getConnection(); Connection two = dataSource.getConnection()) {
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            try (Statement s = one.createStatement()) {
                s.executeUpdate("update rectification_case set grid_code = '" + otherGrid + "', status = 'VOIDED',"
                        + " closed_at = now() where id = " + first);
            }
            // The second change, to the same counters' keys, while the first is still open: with one shared counter
            // row per key it would wait for the first; here it must not wait at all.
            CompletableFuture<Void> meanwhile = CompletableFuture.runAsync(() -> {
                try (Statement s = two.createStatement()) {
                    s.execute("set local lock_timeout = '2s'");
                    s.executeUpdate("update rectification_case set grid_code = '" + otherGrid + "', status = 'CLOSED',"
                            + " closed_at = now() where id = " + second);
                    two.commit();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            meanwhile.get(30, TimeUnit.SECONDS);
            // Compacting while the first change is still uncommitted: its row is not seen, so it is kept.
            tallies.compact();
            one.commit();
        }
        assertThat(jdbc.sql(TALLIED).query().listOfRows()).containsExactlyInAnyOrderElementsOf(
                jdbc.sql(RECOUNT).query().listOfRows());

        tallies.compact();
        assertThat(jdbc.sql("select count(*) from case_tally where delta").query(Long.class).single()).isZero();
        assertThat(jdbc.sql(TALLIED).query().listOfRows()).containsExactlyInAnyOrderElementsOf(
                jdbc.sql(RECOUNT).query().listOfRows());
    }

    @Test
    void theLedgerCountsExactlyUpToItsThresholdAndSaysWhenATotalIsAnEstimate() {
        Api api = new Api(rest);
        api.reportCase(api.patrolReport("STREET_VENDING", "GENERAL"));
        api.reportCase(api.patrolReport("STREET_VENDING", "GENERAL"));
        // The estimate is the planner's, from the table's statistics: as fresh as autovacuum would keep them.
        jdbc.sql("analyze rectification_case").update();
        long cases = jdbc.sql("select count(*) from rectification_case").query(Long.class).single();
        Viewer admin = new Viewer(new CurrentUser("admin", "管理员", List.of(Roles.ADMIN_GROUP), Set.of()), "管理员");
        LedgerFilter all = LedgerFilter.parse(Map.of());
        OffsetDateTime now = clock.now();

        Ledger.Page exact = new Ledger(dataSource, transactions, (int) cases).page(all, admin, directory.snapshot(), now);
        assertThat(exact.estimated()).isFalse();
        assertThat(exact.total()).isEqualTo(cases);

        Ledger.Page estimated = new Ledger(dataSource, transactions, 1).page(all, admin, directory.snapshot(), now);
        assertThat(estimated.estimated()).isTrue();
        assertThat(estimated.total()).isGreaterThan(1);
        assertThat(estimated.rows()).isNotEmpty();
    }

    @Test
    void anEstimateHasTwoSignificantDigits() {
        assertThat(Ledger.roughly(62_203)).isEqualTo(62_000);
        assertThat(Ledger.roughly(1_000_005)).isEqualTo(1_000_000);
        assertThat(Ledger.roughly(5_051)).isEqualTo(5_100);
        assertThat(Ledger.roughly(87)).isEqualTo(87);
    }
}
