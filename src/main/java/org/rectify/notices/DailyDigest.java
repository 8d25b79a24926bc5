package org.rectify.notices;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectify.calendar.WorkingCalendar;
import org.rectify.cases.CaseSearch;
import org.rectify.cases.Deadlines;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.rectify.clock.BusinessClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The morning digest (processes/notice-digest.bpmn, 08:30 every day by the engine's timer, which one node runs):
 * on a working day of the calendar, each unit with a channel gets what is due today, what is overdue and what is new
 * since the last working day's digest.
 */
@Configuration(proxyBeanMethods = false)
class DailyDigest {

    static final String WORKING_DAY = "workingDay";
    private static final int MAX_LISTED = 200;

    private final WorkingCalendar calendar;
    private final BusinessClock clock;
    private final CaseSearch search;
    private final Catalog catalog;
    private final Outbox outbox;
    private final JdbcClient jdbc;

    DailyDigest(WorkingCalendar calendar, BusinessClock clock, CaseSearch search, Catalog catalog, Outbox outbox,
            JdbcClient jdbc) {
        this.calendar = calendar;
        this.clock = clock;
        this.search = search;
        this.catalog = catalog;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    @Bean
    JavaDelegate checkWorkingDay() {
        return execution -> execution.setVariable(WORKING_DAY, calendar.isWorkingDay(clock.now().toLocalDate()));
    }

    @Bean
    JavaDelegate sendDailyDigest() {
        return execution -> sendFor(clock.now());
    }

    /** Posts one digest per unit that has a channel; returns how many. */
    int sendFor(OffsetDateTime now) {
        LocalDate today = now.toLocalDate();
        LocalDate previous = today.minusDays(1);
        while (!calendar.isWorkingDay(previous) && previous.isAfter(today.minusDays(30))) {
            previous = previous.minusDays(1);
        }
        OffsetDateTime since = now.minusDays(today.toEpochDay() - previous.toEpochDay());
        List<String> units = jdbc.sql("select distinct owner from notice_channel where enabled order by owner")
                .query(String.class).list().stream().filter(owner -> catalog.unit(owner).isPresent()).toList();
        for (String unit : units) {
            List<RectificationCase> open = search.search(new CaseSearch.Filter(null, unit, null, null, false, null, null,
                    null), 0, MAX_LISTED, now).items().stream().filter(c -> c.status().isClockRunning()).toList();
            List<RectificationCase> overdue = search.search(new CaseSearch.Filter(null, unit, null, null, true, null, null,
                    null), 0, MAX_LISTED, now).items();
            Map<String, Object> model = new HashMap<>();
            model.put("unitName", catalog.unitName(unit));
            model.put("date", DateTimeFormatter.ofPattern("yyyy年M月d日").format(today));
            model.put("due", lines(open.stream().filter(c -> c.deadline() != null
                    && c.deadline().atZoneSameInstant(clock.zone()).toLocalDate().equals(today)).toList()));
            model.put("overdue", lines(overdue));
            model.put("fresh", lines(open.stream().filter(c -> c.deadlineSetAt() != null && c.deadlineRound() <= 1
                    && c.deadlineSetAt().isAfter(since)).toList()));
            outbox.post(NoticeKind.DAILY_DIGEST, null, unit, Outbox.UNIT, model);
        }
        return units.size();
    }

    private static List<Map<String, Object>> lines(List<RectificationCase> cases) {
        return cases.stream().map(c -> Map.<String, Object>of("caseNumber", c.caseNumber(), "title", c.title(),
                "deadlineText", c.deadline() == null ? "未定" : Deadlines.format(c.deadline()))).toList();
    }
}
