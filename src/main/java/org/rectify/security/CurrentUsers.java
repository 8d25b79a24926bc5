package org.rectify.security;

import java.util.Optional;
import org.rectify.shared.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is asking, for the features that decide what a person may see and do. */
@Component
public class CurrentUsers {

    private final CamundaIdentity identity;

    CurrentUsers(CamundaIdentity identity) {
        this.identity = identity;
    }

    /** A person as they are now in Camunda's identity service, for work resumed on their behalf (a background job). */
    public Optional<CurrentUser> find(String userId) {
        return identity.load(userId);
    }

    /** What to call people in what others read: names, never login ids. */
    public java.util.Map<String, String> displayNames(java.util.Collection<String> userIds) {
        return identity.displayNames(userIds);
    }

    public CurrentUser require() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return user;
        }
        throw DomainException.unauthenticated("unauthenticated", "请先登录");
    }
}
