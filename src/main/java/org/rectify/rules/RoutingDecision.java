package org.rectify.rules;

import java.util.List;

/** The lead unit (牵头单位) and the co-units (配合单位) that fix a problem, with the rules' reason in Chinese. */
public record RoutingDecision(String leadUnit, List<String> coUnits, String reason) {

    public RoutingDecision {
        coUnits = coUnits == null ? List.of() : coUnits.stream().distinct().filter(u -> !u.equals(leadUnit)).toList();
    }
}
