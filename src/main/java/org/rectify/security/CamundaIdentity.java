package org.rectify.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Reads people and their groups from Camunda's identity service, the one user store of Rectify. */
@Component
class CamundaIdentity {

    private final IdentityService identityService;
    private final VerifiedPasswords verified = new VerifiedPasswords(java.time.Duration.ofMinutes(1), 10_000);

    CamundaIdentity(IdentityService identityService) {
        this.identityService = identityService;
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

    Optional<CurrentUser> load(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        List<String> groupIds = new ArrayList<>();
        Set<String> units = new HashSet<>();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            groupIds.add(group.getId());
            if (Roles.UNIT_GROUP_TYPE.equals(group.getType())) {
                units.add(group.getId());
            }
        }
        String name = ((user.getLastName() == null ? "" : user.getLastName())
                + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
        return Optional.of(new CurrentUser(userId, name.isEmpty() ? userId : name, List.copyOf(groupIds),
                Set.copyOf(units)));
    }

    /** Display names of accounts, one query; an id that is no account (such as "系统") is left out. */
    java.util.Map<String, String> displayNames(java.util.Collection<String> userIds) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        String[] ids = userIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toArray(String[]::new);
        if (ids.length == 0) {
            return names;
        }
        for (User user : identityService.createUserQuery().userIdIn(ids).list()) {
            String name = ((user.getLastName() == null ? "" : user.getLastName())
                    + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
            names.put(user.getId(), name.isEmpty() ? user.getId() : name);
        }
        return names;
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
