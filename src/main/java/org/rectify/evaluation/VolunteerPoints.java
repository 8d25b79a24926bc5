package org.rectify.evaluation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rectify.cases.CaseClosed;
import org.rectify.cases.CaseHistory;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;
import org.rectify.rules.RuleEngine;
import org.rectify.rules.RuleOutcome;
import org.rectify.rules.VolunteerAward;
import org.rectify.rules.VolunteerFacts;
import org.rectify.security.CurrentUsers;
import org.rectify.security.Roles;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Volunteers' points (积分制星级管理). A report earns its reporter points when it is verified as a real problem,
 * which here means: its case is closed (销号) after the supervisor's on-site check passed. Rejected reports
 * (including duplicates) and voided cases are never closed and earn nothing; a report linked to an existing case
 * makes no case of its own. The rules ({@code rules/volunteer-points.drl}) give the points and the star level; the
 * award is written in the closing transaction, at most once per case (unique case_id), with the fired rules and the
 * rule-set version, and the decision is also kept in the case's history.
 */
@Service
class VolunteerPoints {

    static final String DECISION_KIND = "VOLUNTEER_POINTS";

    record Entry(String caseNumber, int points, int totalAfter, int starsAfter, List<String> rules, String ruleSetVersion,
            OffsetDateTime awardedAt) {
    }

    record Account(String reporterId, String reporterName, int points, int stars, String starLabel, List<Entry> entries) {
    }

    record Ranked(int rank, String reporterId, String reporterName, int points, int stars, String starLabel) {
    }

    private final JdbcClient jdbc;
    private final RuleEngine rules;
    private final CaseHistory history;

    private final CurrentUsers volunteers;

    VolunteerPoints(JdbcClient jdbc, RuleEngine rules, CaseHistory history, CurrentUsers volunteers) {
        this.volunteers = volunteers;
        this.jdbc = jdbc;
        this.rules = rules;
        this.history = history;
    }

    @EventListener
    void onClosed(CaseClosed closed) {
        award(closed.caseId(), closed.at());
    }

    /** Awards the case's reporter once; does nothing for a case already awarded or a report the rules give 0. */
    void award(long caseId, OffsetDateTime at) {
        Map<String, Object> c = jdbc.sql("""
                select case_number, reporter, reporter_name, source, severity from rectification_case where id = :id""")
                .param("id", caseId).query().singleRow();
        String reporter = (String) c.get("reporter");
        // Points are for registered volunteers only: a reporter id that names no volunteer account earns nothing.
        if (reporter == null || !volunteers.find(reporter).map(u -> u.groupIds().contains(Roles.VOLUNTEER)).orElse(false)) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "volunteer:" + reporter).query().listOfRows();
        boolean done = jdbc.sql("select exists (select 1 from volunteer_points where case_id = :id)").param("id", caseId)
                .query(Boolean.class).single();
        if (done) {
            return;
        }
        int before = total(reporter);
        ReportSource source = ReportSource.valueOf((String) c.get("source"));
        Severity severity = Severity.valueOf((String) c.get("severity"));
        RuleOutcome<VolunteerAward> outcome = rules.volunteerPoints(new VolunteerFacts(source, severity, before));
        VolunteerAward award = outcome.decision();
        if (award.points() <= 0) {
            return;
        }
        int inserted = jdbc.sql("""
                insert into volunteer_points (reporter, reporter_name, case_id, case_number, points, total_after, stars_after,
                                              rules, rule_set_version, awarded_at)
                values (:reporter, :name, :case, :number, :points, :total, :stars, :rules, :version, :at)
                on conflict (case_id) do nothing""")
                .param("reporter", reporter).param("name", c.get("reporter_name")).param("case", caseId)
                .param("number", c.get("case_number")).param("points", award.points())
                .param("total", award.totalAfter()).param("stars", award.stars())
                .param("rules", outcome.firedRules().toArray(String[]::new)).param("version", outcome.ruleSetVersion())
                .param("at", at).update();
        if (inserted == 1) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("上报人", reporter);
            inputs.put("来源", source.chineseLabel());
            inputs.put("严重程度", severity.chineseLabel());
            inputs.put("此前积分", before);
            history.recordDecision(caseId, DECISION_KIND, at, outcome.ruleSetVersion(), outcome.firedRules(), inputs,
                    Map.of("points", award.points(), "totalAfter", award.totalAfter(), "stars", award.stars()),
                    "上报人" + reporter + "获得" + award.points() + "积分（" + award.reason() + "）");
        }
    }

    /** The reporter's points and every award; a reporter never awarded has 0 points and no entries. */
    Account account(String reporterId) {
        List<Entry> entries = new ArrayList<>();
        String[] name = {null};
        jdbc.sql("""
                select case_number, points, total_after, stars_after, rules, rule_set_version, awarded_at, reporter_name
                from volunteer_points where reporter = :r order by id""")
                .param("r", reporterId)
                .query(rs -> {
                    entries.add(new Entry(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                            List.of((String[]) rs.getArray(5).getArray()), rs.getString(6),
                            rs.getObject(7, OffsetDateTime.class)));
                    name[0] = rs.getString(8);
                });
        Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        int stars = last == null ? 0 : last.starsAfter();
        return new Account(reporterId, name[0], last == null ? 0 : last.totalAfter(), stars, starLabel(stars), entries);
    }

    /** The {@code limit} reporters with the most points (ties by reporter id, and ties share a rank). */
    List<Ranked> ranking(int limit) {
        List<Map<String, Object>> sorted = jdbc.sql("""
                select reporter, reporter_name, total_after, stars_after
                from (select distinct on (reporter) reporter, reporter_name, total_after, stars_after
                      from volunteer_points order by reporter, id desc) latest
                order by total_after desc, reporter collate "C"
                limit :limit""")
                .param("limit", limit)
                .query().listOfRows();
        List<Ranked> ranked = new ArrayList<>();
        int rank = 0;
        Integer previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            Map<String, Object> r = sorted.get(i);
            int points = (Integer) r.get("total_after");
            if (previous == null || previous != points) {
                rank = i + 1;
                previous = points;
            }
            int stars = (Integer) r.get("stars_after");
            ranked.add(new Ranked(rank, (String) r.get("reporter"), (String) r.get("reporter_name"), points, stars,
                    starLabel(stars)));
        }
        return ranked;
    }

    private int total(String reporter) {
        return jdbc.sql("select coalesce(sum(points), 0) from volunteer_points where reporter = :r").param("r", reporter)
                .query(Integer.class).single();
    }

    static String starLabel(int stars) {
        return stars <= 0 ? "未评星" : "一二三四五".charAt(Math.min(stars, 5) - 1) + "星志愿者";
    }
}
