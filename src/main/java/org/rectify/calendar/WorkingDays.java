package org.rectify.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.modulith.NamedInterface;

/**
 * The working calendar as it stands when taken, each year read from the database once: for computations that ask
 * about many days (a month's scores, a dossier's overdue record). Not for keeping: take a new one per computation,
 * so that an imported calendar is seen.
 */
@NamedInterface("api")
public final class WorkingDays {

    private final DayKinds days;
    private final ZoneId zone;

    WorkingDays(DayKinds days, ZoneId zone) {
        this.days = days;
        this.zone = zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        return days.isWorkingDay(day);
    }

    /** Working days after {@code from}'s day up to and including {@code to}'s day (in the calendar's zone); 0 if none. */
    public int countAfter(OffsetDateTime from, OffsetDateTime to) {
        return countAfter(from.atZoneSameInstant(zone).toLocalDate(), to.atZoneSameInstant(zone).toLocalDate());
    }

    /** Working days after {@code from} up to and including {@code to}; 0 if none. */
    public int countAfter(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (days.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
