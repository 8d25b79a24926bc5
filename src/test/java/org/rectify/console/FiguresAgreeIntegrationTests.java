package org.rectify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectify.evaluation.Evaluation;
import org.rectify.evaluation.Evaluations;
import org.rectify.evaluation.Period;
import org.rectify.security.CurrentUser;
import org.rectify.security.Roles;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ranking's live preview, the dashboard and the weekly bulletin agree with each other and with an independent SQL
 * recount, on a March 2026 built through the API: cases due on 5 March (overdue by the 10th) and a case reported on
 * the 9th that is due on the 12th, which must count nowhere as overdue (or as due) on the 10th.
 */
@RectifyIntegrationTest
class FiguresAgreeIntegrationTests {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-10T12:00:00+08:00");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Evaluations evaluations;
    @Autowired
    Dashboard dashboard;
    @Autowired
    Bulletins bulletins;
    @Autowired
    Directory directory;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void rankingDashboardAndBulletinEqualAnIndependentRecount() {
        Api api = new Api(rest);
        clock("2026-03-02T10:00:00+08:00");
        long overdue1 = acceptedCase(api);
        long overdue2 = acceptedCase(api);
        clock("2026-03-09T10:00:00+08:00");
        long notYetDue = acceptedCase(api);
        clock(NOW.toString());

        Period march = Period.month(YearMonth.of(2026, 3));
        Evaluation preview = evaluations.preview(march);
        Directory.Snapshot d = directory.snapshot();
        Viewer admin = new Viewer(new CurrentUser("admin", "管理员", List.of(Roles.ADMIN_GROUP), Set.of()), "管理员");
        Dashboard.View live = dashboard.build(admin, d, NOW);
        Bulletins.Content bulletin = bulletins.compute(Bulletins.weekOf(NOW), d, NOW);

        // the independent recount, straight from the case table
        Map<String, Long> overdueNow = byUnit("""
                select lead_unit_code, count(*) from rectification_case
                where status not in ('REJECTED', 'CLOSED', 'VOIDED', 'SUSPENDED') and deadline < :now and lead_unit_code is not null
                group by lead_unit_code""");
        Map<String, Long> overdueInMonth = byUnit("""
                select lead_unit_code, count(*) from rectification_case
                where lead_unit_code is not null and deadline is not null and status not in ('REJECTED', 'VOIDED')
                  and deadline < :now and (closed_at is null or closed_at > deadline)
                  and (closed_at is null or closed_at >= :start)
                group by lead_unit_code""");
        Map<String, Long> dueInMonth = byUnit("""
                select lead_unit_code, count(*) from rectification_case
                where lead_unit_code is not null and deadline >= :start and deadline < :now
                  and status not in ('REJECTED', 'VOIDED') and (closed_at is null or closed_at >= :start)
                group by lead_unit_code""");

        String cgj = api.caseDetail(overdue1).at("/leadUnit/code").asText();
        assertThat(api.caseDetail(notYetDue).at("/leadUnit/code").asText()).isEqualTo(cgj);
        assertThat(api.caseDetail(overdue2).get("overdue").asBoolean()).isTrue();
        assertThat(api.caseDetail(notYetDue).get("overdue").asBoolean()).isFalse();

        for (Evaluation.Row row : preview.rows()) {
            assertThat(row.indicators().overdueCases()).as("超期数 of %s", row.unitCode())
                    .isEqualTo(overdueInMonth.getOrDefault(row.unitCode(), 0L).intValue());
            assertThat(row.indicators().dueCases()).as("应结案数 of %s", row.unitCode())
                    .isEqualTo(dueInMonth.getOrDefault(row.unitCode(), 0L).intValue());
            boolean deductedForTheNotYetDue = row.lines().stream()
                    .anyMatch(l -> l.caseId() != null && l.caseId() == notYetDue && l.points().signum() < 0);
            assertThat(deductedForTheNotYetDue).as("a case not yet due costs nothing").isFalse();
        }
        assertThat(live.totals().overdue()).isEqualTo(overdueNow.values().stream().mapToLong(Long::longValue).sum());
        for (Dashboard.Line line : live.byUnit()) {
            assertThat(line.overdue()).as("dashboard overdue of %s", line.code())
                    .isEqualTo(overdueNow.getOrDefault(line.code(), 0L));
        }
        assertThat(bulletin.overdueNow()).isEqualTo(live.totals().overdue());
        Map<String, String> names = d.unitNames();
        for (Bulletins.UnitLine line : bulletin.units()) {
            String code = names.entrySet().stream().filter(e -> e.getValue().equals(line.name())).findFirst()
                    .orElseThrow().getKey();
            assertThat(line.overdueNow()).as("bulletin overdue of %s", code).isEqualTo(overdueNow.getOrDefault(code, 0L));
        }
        assertThat(bulletin.best()).as("praised and criticised at once").doesNotContainAnyElementsOf(bulletin.worst());
    }

    private Map<String, Long> byUnit(String sql) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(sql).param("now", NOW).param("start", OffsetDateTime.parse("2026-03-01T00:00:00+08:00"))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private static long acceptedCase(Api api) {
        long id = api.reportCase(api.patrolReport("STREET_VENDING", "GENERAL")).get("id").asLong();
        String unit = api.caseDetail(id).at("/leadUnit/code").asText();
        api.post(unit + "-handler", "/api/cases/" + id + "/accept", null);
        return id;
    }

    private static void clock(String at) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(at).toInstant()));
    }
}
