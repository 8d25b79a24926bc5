package org.rectify.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Showing and importing whole years of the calendar. */
@Service
class CalendarAdministration {

    private static final Logger log = LoggerFactory.getLogger(CalendarAdministration.class);

    private final CalendarRepository repository;
    private final WorkingCalendar calendar;

    CalendarAdministration(CalendarRepository repository, WorkingCalendar calendar) {
        this.repository = repository;
        this.calendar = calendar;
    }

    CalendarYearView view(int year) {
        return CalendarYearView.of(repository.year(year), calendar.zone());
    }

    CalendarYearView importHolidayCn(int year, String json, String importedBy) {
        return replace(HolidayCnFormat.parse(json, year), json, importedBy);
    }

    CalendarYearView importNotice(int year, String text, String importedBy) {
        return replace(NoticeParser.parse(text, year), text, importedBy);
    }

    /** @return whether the year was missing and is now stored */
    boolean seedIfMissing(ImportedYear data, String document) {
        if (repository.isPublished(data.year())) {
            return false;
        }
        boolean seeded = repository.insertIfMissing(data, Instant.now(), "system", document);
        if (seeded) {
            log.info("Working calendar {} seeded from {} ({} days)", data.year(), data.source(), data.entries().size());
        }
        return seeded;
    }

    boolean isPublished(int year) {
        return repository.isPublished(year);
    }

    private CalendarYearView replace(ImportedYear data, String document, String importedBy) {
        repository.replace(data, Instant.now(), importedBy, document);
        log.info("Working calendar {} replaced by {} from {} ({} days)",
                data.year(), importedBy, data.source(), data.entries().size());
        List<LocalDate> missing = data.missingStatutoryDays();
        if (!missing.isEmpty()) {
            log.warn("The working calendar {} imported by {} leaves statutory holidays as working days: {}. "
                    + "Check the import against the State Council notice.", data.year(), importedBy, missing);
        }
        return view(data.year());
    }
}
