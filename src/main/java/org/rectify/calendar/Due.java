package org.rectify.calendar;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/**
 * A computed deadline.
 *
 * @param at               the deadline, with the offset of the configured zone
 * @param provisional      whether the computation reached into a year whose holidays are not published yet,
 *                         so that the deadline may move once the administrator imports that year
 * @param provisionalYears those years, ascending; empty when {@code provisional} is false
 */
@NamedInterface("api")
public record Due(OffsetDateTime at, boolean provisional, List<Integer> provisionalYears) {

    public Due {
        Objects.requireNonNull(at, "at");
        provisionalYears = List.copyOf(provisionalYears);
    }
}
