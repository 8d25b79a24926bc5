package org.rectify.rules;

import java.util.Set;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/**
 * What the routing rules know about a problem. {@code streetUnit} and {@code communityUnit} are the
 * territorial units (属地) found from the grid cell, null when the report named no grid;
 * {@code excludedUnits} are units that already returned the case.
 */
public record RoutingFacts(
        String categoryCode,
        String categoryName,
        String categoryDefaultUnit,
        Severity severity,
        ReportSource source,
        String streetUnit,
        String communityUnit,
        Set<String> excludedUnits) {

    public RoutingFacts {
        excludedUnits = excludedUnits == null ? Set.of() : Set.copyOf(excludedUnits);
    }

    public boolean isExcluded(String unitCode) {
        return unitCode != null && excludedUnits.contains(unitCode);
    }
}
