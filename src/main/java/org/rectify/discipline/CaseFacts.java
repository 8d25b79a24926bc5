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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What the discipline office gathers about a case besides the case itself: how late, which orders, who handled it. */
@Component
class CaseFacts {

    /** Counting stops here: beyond two years late the exact number no longer changes any rule. */
    private static final int MAX_DAYS_COUNTED = 730;
    private static final Set<String> HANDLER_ACTIONS = Set.of("ACCEPTED", "RECTIFIED");

    private final WorkingCalendar calendar;
    private final CaseHistory history;
    private final BusinessClock clock;
    /** Lazily: the documents module's beans depend on this module's. */
    private final ObjectProvider<SupervisionOrders> orders;

    CaseFacts(WorkingCalendar calendar, CaseHistory history, BusinessClock clock,
            ObjectProvider<SupervisionOrders> orders) {
        this.calendar = calendar;
        this.history = history;
        this.clock = clock;
        this.orders = orders;
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

    /** The supervision orders (督办单) issued on the case, oldest first; none where no module issues them. */
    List<SupervisionOrders.SupervisionOrder> supervisionOrders(long caseId) {
        SupervisionOrders issued = orders.getIfAvailable();
        return issued == null ? List.of() : issued.issuedOn(caseId);
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
}
