package org.rectify.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rectify.security.CurrentUser;
import org.rectify.shared.DomainException;

/**
 * The signed-in person as the console sees them: what to call them, which pages they get, and which cases
 * they may see. Handlers see their units' cases (lead or co-unit) and what they reported themselves; the
 * campaign office, the supervisors, the discipline office and admins see every case.
 */
public record Viewer(CurrentUser user, String roleLabel) {

    static Viewer of(CurrentUser user, Map<String, String> unitNames) {
        List<String> roles = new ArrayList<>();
        if (user.isAdmin()) {
            roles.add("系统管理员");
        }
        if (user.isDispatcher()) {
            roles.add("创建办");
        }
        if (user.isSupervisor()) {
            roles.add("督查组");
        }
        if (user.isDiscipline()) {
            roles.add("纪工委");
        }
        for (String unit : user.unitCodes().stream().sorted().toList()) {
            roles.add(unitNames.getOrDefault(unit, unit) + "经办人");
        }
        if (roles.isEmpty()) {
            roles.add("巡查上报");
        }
        return new Viewer(user, String.join("、", roles));
    }

    public String id() {
        return user.id();
    }

    public String name() {
        return user.displayName();
    }

    public boolean seesAll() {
        return user.seesAllCases();
    }

    public boolean isAdmin() {
        return user.isAdmin();
    }

    public boolean isDispatcher() {
        return user.isDispatcher() || user.isAdmin();
    }

    public boolean isSupervisor() {
        return user.isSupervisor() || user.isAdmin();
    }

    /** The discipline office's inbox is theirs (and the administrators'): accountability files are not open to other offices. */
    public boolean isDiscipline() {
        return user.isDiscipline() || user.isAdmin();
    }

    public boolean isHandler() {
        return !user.unitCodes().isEmpty();
    }

    /** A patrol, grid member or citizen account: reports problems and follows its own reports. */
    public boolean isReporterOnly() {
        return !seesAll() && !isHandler();
    }

    Set<String> units() {
        return user.unitCodes();
    }

    /**
     * The SQL condition limiting cases (table alias {@code c}) to what this person may see, with its
     * parameters added to {@code params}; {@code "true"} for the offices.
     */
    String scope(Map<String, Object> params) {
        if (seesAll()) {
            return "true";
        }
        params.put("scopeUnits", units().isEmpty() ? List.of("-") : List.copyOf(units()));
        params.put("scopeUnitArray", units().toArray(String[]::new));
        params.put("scopeMe", id());
        return "(c.lead_unit_code in (:scopeUnits) or c.co_unit_codes && cast(:scopeUnitArray as varchar[])"
                + " or c.submitted_by = :scopeMe)";
    }

    /**
     * {@link #scope} as disjoint parts whose union it is, for counting: the cases of the viewer's own units (which
     * PostgreSQL counts from an index alone) and the few others they see as a co-unit or as the reporter. One OR
     * over all three would make it visit every row of the table.
     */
    List<String> scopeParts(Map<String, Object> params) {
        String whole = scope(params);
        if (seesAll()) {
            return List.of(whole);
        }
        return List.of("c.lead_unit_code in (:scopeUnits)",
                "(c.lead_unit_code is null or c.lead_unit_code not in (:scopeUnits))"
                        + " and (c.co_unit_codes && cast(:scopeUnitArray as varchar[]) or c.submitted_by = :scopeMe)");
    }

    static DomainException forbidden(String what) {
        return DomainException.forbidden("console-forbidden", "您的账号无权查看" + what);
    }
}
