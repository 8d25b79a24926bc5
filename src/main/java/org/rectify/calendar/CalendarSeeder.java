package org.rectify.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Stores the years shipped as {@code classpath:calendar/<year>.json} (holiday-cn format) that the database
 * lacks, so a fresh database computes published deadlines, and warns about the current or next year if it
 * has no data. A year the administrator imported is never overwritten. Shipping a new year is dropping
 * its file beside the others.
 */
@Component
// Before other runners, such as demo seeding, compute deadlines on the calendar.
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalendarSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarSeeder.class);
    private static final String SHIPPED_YEARS = "classpath:calendar/*.json";

    private final CalendarAdministration administration;
    private final WorkingCalendar calendar;
    private final ResourcePatternResolver resources;

    CalendarSeeder(CalendarAdministration administration, WorkingCalendar calendar, ResourcePatternResolver resources) {
        this.administration = administration;
        this.calendar = calendar;
        this.resources = resources;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Resource resource : resources.getResources(SHIPPED_YEARS)) {
            String fileName = Objects.requireNonNull(resource.getFilename());
            int year = Integer.parseInt(fileName.substring(0, fileName.length() - ".json".length()));
            String json = resource.getContentAsString(StandardCharsets.UTF_8);
            ImportedYear shipped = HolidayCnFormat.parse(json, year);
            administration.seedIfMissing(new ImportedYear(year, shipped.entries(),
                    "随程序发布的 calendar/" + fileName + "，" + shipped.source()), json);
        }
        int thisYear = LocalDate.now(calendar.zone()).getYear();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            if (!administration.isPublished(year)) {
                log.warn("The working calendar has no published data for {}: deadlines reaching into it are "
                        + "provisional. Import the State Council notice for {} once it is out "
                        + "(PUT /api/calendar/{}/notice or /holiday-cn).", year, year, year);
            }
        }
    }
}
