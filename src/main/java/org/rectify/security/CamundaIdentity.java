package org.rectify.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Reads people and their groups from Camunda's identity store (its service and its tables), the one user store of Rectify. */
@Component
class CamundaIdentity {

    private final IdentityService identityService;
    private final JdbcClient jdbc;
    private final VerifiedPasswords verified = new VerifiedPasswords(java.time.Duration.ofMinutes(1), 10_000);

    CamundaIdentity(IdentityService identityService, JdbcClient jdbc) {
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    /**
     * HTTP Basic sends the password with every API call, and bcrypt is slow on purpose: a password proved right is
     * remembered for a minute on this node, keyed by a keyed hash (never the password itself). A changed password
     * therefore takes up to a minute to end API calls made with the old one.
     */
    boolean passwordMatches(String userId, String password) {
        if (userId == null || password == null) {
            return false;
        }
        String key = verified.keyOf(userId, password);
        if (verified.contains(key)) {
            return true;
        }
        boolean matches = identityService.checkPassword(userId, password);
        if (matches) {
            verified.remember(key);
        }
        return matches;
    }

    /**
     * The account and its groups as they are now, read at every request that signs in (each HTTP Basic call, each
     * read through a webapp session). One SQL query over Camunda's identity tables instead of a user query and a
     * group query through the identity service: those were two engine commands (each its own command context and
     * MyBatis mapping) per request, a measurable part of every API call's CPU. Nothing is remembered between
     * requests on purpose: a person removed from a unit or role loses it with their next request, on every node.
     * The tables are the engine's own identity store (ACT_ID_USER, ACT_ID_MEMBERSHIP, ACT_ID_GROUP), the same rows
     * the identity service reads; groups come in id order, as its group query returns them.
     */
    Optional<CurrentUser> load(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        record Row(String firstName, String lastName, String groupId, String groupType) {
        }
        List<Row> rows = jdbc.sql("""
                select u.first_, u.last_, g.id_, g.type_
                from act_id_user u
                left join (act_id_membership m join act_id_group g on g.id_ = m.group_id_) on m.user_id_ = u.id_
                where u.id_ = :id
                order by g.id_""")
                .param("id", userId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> groupIds = new ArrayList<>();
        Set<String> units = new HashSet<>();
        for (Row row : rows) {
            if (row.groupId() == null) {
                continue;
            }
            groupIds.add(row.groupId());
            if (Roles.UNIT_GROUP_TYPE.equals(row.groupType())) {
                units.add(row.groupId());
            }
        }
        String name = nameOf(rows.get(0).firstName(), rows.get(0).lastName());
        return Optional.of(new CurrentUser(userId, name.isEmpty() ? userId : name, List.copyOf(groupIds),
                Set.copyOf(units)));
    }

    /** Display names of accounts, one query; an id that is no account (such as "系统") is left out. */
    java.util.Map<String, String> displayNames(java.util.Collection<String> userIds) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        List<String> ids = userIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        if (ids.isEmpty()) {
            return names;
        }
        // read like load(): one plain query, not an engine command per call (every case view asks)
        jdbc.sql("select id_, first_, last_ from act_id_user where id_ in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    String name = nameOf(rs.getString(2), rs.getString(3));
                    names.put(rs.getString(1), name.isEmpty() ? rs.getString(1) : name);
                });
        return names;
    }

    /** Chinese order: family name first, no space. */
    private static String nameOf(String firstName, String lastName) {
        return ((lastName == null ? "" : lastName) + (firstName == null ? "" : firstName)).strip();
    }

    static List<GrantedAuthority> authoritiesOf(CurrentUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (user.isAdmin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        if (user.isDispatcher()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_DISPATCHER"));
        }
        if (user.isSupervisor()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_SUPERVISOR"));
        }
        if (user.isDiscipline()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_DISCIPLINE"));
        }
        if (!user.unitCodes().isEmpty()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_HANDLER"));
        }
        return authorities;
    }
}
