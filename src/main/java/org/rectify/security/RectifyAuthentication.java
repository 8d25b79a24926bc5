package org.rectify.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A Spring Security authentication that carries the domain's {@link CurrentUser}. */
final class RectifyAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;

    RectifyAuthentication(CurrentUser user) {
        super(CamundaIdentity.authoritiesOf(user));
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.id();
    }
}
