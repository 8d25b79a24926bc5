package org.rectify.discipline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rectify.calendar.WorkingCalendar;
import org.rectify.cases.CaseHistory;
import org.rectify.cases.RectificationCase;
import org.rectify.clock.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the discipline office gathers about a case besides the case itself: how late, which orders, who handled it. */
@Component
class CaseFacts {

    record SupervisionOrder(String number, OffsetDateTime issuedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(CaseFacts.class);
    /** Counting stops here: beyond two years late the exact number no longer changes any rule. */
    private static final int MAX_DAYS_COUNTED = 730;
    private static final Set<String> HANDLER_ACTIONS = Set.of("ACCEPTED", "RECTIFIED");

    private final WorkingCalendar calendar;
    private final CaseHistory history;
    private final JdbcClient jdbc;
    private final BusinessClock clock;

    CaseFacts(WorkingCalendar calendar, CaseHistory history, JdbcClient jdbc, BusinessClock clock) {
        this.calendar = calendar;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Working days after the deadline's day up to the day the case closed or today, 0 if the deadline has not
     * passed. A deadline is the end of office hours, so the first day late is the next working day.
     */
    int overdueWorkingDays(RectificationCase c, OffsetDateTime now) {
        OffsetDateTime end = c.closedAt() != null ? c.closedAt() : now;
        if (c.deadline() == null || !end.isAfter(c.deadline())) {
            return 0;
        }
        LocalDate due = c.deadline().atZoneSameInstant(clock.zone()).toLocalDate();
        LocalDate last = end.atZoneSameInstant(clock.zone()).toLocalDate();
        LocalDate counted = last.isAfter(due.plusDays(MAX_DAYS_COUNTED)) ? due.plusDays(MAX_DAYS_COUNTED) : last;
        return calendar.snapshot().countAfter(due, counted);
    }

    /**
     * The supervision orders (督办单) issued on the case, from the documents feature's table. Read only when that
     * table has the expected columns, so that this never aborts the caller's transaction.
     */
    List<SupervisionOrder> supervisionOrders(long caseId) {
        Integer columns = jdbc.sql("""
                select count(*) from information_schema.columns
                where table_schema = current_schema() and table_name = 'document'
                  and column_name in ('case_id', 'type', 'number', 'issued_at')""")
                .query(Integer.class).single();
        if (columns != 4) {
            log.debug("No document table with case_id, type, number, issued_at: no supervision orders to show");
            return List.of();
        }
        return jdbc.sql("""
                select number::text, issued_at from document
                where case_id = :caseId and type = 'SUPERVISION_ORDER' order by issued_at""")
                .param("caseId", caseId)
                .query((rs, n) -> new SupervisionOrder(rs.getString(1), time(rs.getObject(2, OffsetDateTime.class))))
                .list();
    }

    /** The account that last accepted or rectified the case for its current lead unit, if anyone did. */
    Optional<String> handler(long caseId) {
        String handler = null;
        for (CaseHistory.Event event : history.events(caseId)) {
            if ("ASSIGNED".equals(event.action())) {
                handler = null;
            } else if (HANDLER_ACTIONS.contains(event.action())) {
                handler = event.actor();
            }
        }
        return Optional.ofNullable(handler);
    }

    private OffsetDateTime time(OffsetDateTime value) {
        return value == null ? null : value.atZoneSameInstant(clock.zone()).toOffsetDateTime();
    }
}
