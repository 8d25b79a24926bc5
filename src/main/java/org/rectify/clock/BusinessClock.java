package org.rectify.clock;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Now" for the whole domain is the process engine's clock, so that case timestamps, deadlines and timers
 * agree, and tests that move the engine's clock move everything.
 */
@Component
public class BusinessClock {

    private final ZoneId zone;

    BusinessClock(@Value("${rectify.zone-id:Asia/Shanghai}") String zoneId) {
        this.zone = ZoneId.of(zoneId);
    }

    public OffsetDateTime now() {
        return ClockUtil.now().toInstant().atZone(zone).toOffsetDateTime();
    }

    public ZoneId zone() {
        return zone;
    }
}
