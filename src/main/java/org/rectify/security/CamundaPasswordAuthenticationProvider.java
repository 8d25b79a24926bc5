package org.rectify.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** HTTP Basic for the API against the same accounts that sign in to Tasklist. */
@Component
class CamundaPasswordAuthenticationProvider implements AuthenticationProvider {

    private final CamundaIdentity identity;

    CamundaPasswordAuthenticationProvider(CamundaIdentity identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        if (!identity.passwordMatches(userId, password)) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        return identity.load(userId).map(RectifyAuthentication::new)
                .orElseThrow(() -> new BadCredentialsException("用户名或密码错误"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
