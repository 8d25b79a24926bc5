package org.rectify.console;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.rectify.clock.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every Monday morning (08:00 Beijing time) the bulletin of the week that just ended is generated and stored.
 * Every node runs this timer; the bulletin's week key and an advisory lock let only one of them write it.
 * Set {@code rectify.console.bulletin-timer=false} to switch it off on a node.
 */
@Component
class BulletinTimer {

    private static final Logger log = LoggerFactory.getLogger(BulletinTimer.class);

    private final Bulletins bulletins;
    private final Directory directory;
    private final BusinessClock clock;
    private final boolean enabled;

    BulletinTimer(Bulletins bulletins, Directory directory, BusinessClock clock,
            @Value("${rectify.console.bulletin-timer:true}") boolean enabled) {
        this.bulletins = bulletins;
        this.directory = directory;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(cron = "${rectify.console.bulletin-cron:0 0 8 * * MON}", zone = "Asia/Shanghai")
    void mondayMorning() {
        if (!enabled) {
            return;
        }
        generateLastWeek();
    }

    /** The bulletin of the week before the current one; stores nothing if it is there already. */
    Bulletins.Stored generateLastWeek() {
        OffsetDateTime now = clock.now();
        LocalDate lastWeek = Bulletins.weekOf(now).minusWeeks(1);
        try {
            Bulletins.Stored stored = bulletins.generate(lastWeek, "系统定时", "TIMER", directory.snapshot(), now);
            log.info("Weekly bulletin of {} is stored (generated {} by {})", lastWeek, stored.generatedAt(),
                    stored.generatedBy());
            return stored;
        } catch (RuntimeException e) {
            log.error("Weekly bulletin of {} could not be generated", lastWeek, e);
            throw e;
        }
    }
}
