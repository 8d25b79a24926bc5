package org.rectify.security;

import java.util.List;
import java.util.Set;

/** The signed-in person as the domain sees them: id, name, Camunda groups, and the units they handle for. */
public record CurrentUser(String id, String displayName, List<String> groupIds, Set<String> unitCodes) {

    public boolean isAdmin() {
        return groupIds.contains(Roles.ADMIN_GROUP);
    }

    public boolean isDispatcher() {
        return groupIds.contains(Roles.DISPATCHER);
    }

    public boolean isSupervisor() {
        return groupIds.contains(Roles.SUPERVISOR);
    }

    public boolean isDiscipline() {
        return groupIds.contains(Roles.DISCIPLINE);
    }

    /** Sees every case: the campaign office, supervisors, the discipline office and admins. */
    public boolean seesAllCases() {
        return isAdmin() || isDispatcher() || isSupervisor() || isDiscipline();
    }

    public boolean handlesFor(String unitCode) {
        return unitCode != null && unitCodes.contains(unitCode);
    }
}
