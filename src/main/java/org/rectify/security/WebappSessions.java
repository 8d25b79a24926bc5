package org.rectify.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * One sign-in for Rectify's own pages and Camunda's webapps: the Camunda webapp session (the one Tasklist,
 * Cockpit and Admin keep in the servlet session) is the only record of who is signed in. Pages that are not
 * Camunda's read it here, and a sign-in made here creates exactly the entry Camunda's own login would, so a
 * person who signs in on either side is signed in on both, and signing out of either ends both.
 */
@Component
public class WebappSessions {

    private final CamundaIdentity identity;
    private final ProcessEngine engine;

    WebappSessions(CamundaIdentity identity, ProcessEngine engine) {
        this.identity = identity;
        this.engine = engine;
    }

    /** The person signed in to the Camunda webapps in this request's session, if any, as Spring Security sees them. */
    public Optional<org.springframework.security.core.Authentication> authenticationOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication webappUser = authentications.getAuthenticationForProcessEngine(engine.getName());
        if (webappUser == null) {
            return Optional.empty();
        }
        return identity.load(webappUser.getIdentityId()).map(RectifyAuthentication::new);
    }

    /**
     * Checks the password against Camunda's identity service and, if it matches, signs the person in to the
     * Camunda webapps as their login form would: a new session (against session fixation) holding Camunda's
     * authentication with the person's groups and the webapps they may open.
     */
    public boolean signIn(HttpServletRequest request, String userId, String password) {
        if (userId == null || userId.isBlank() || !identity.passwordMatches(userId.strip(), password)) {
            return false;
        }
        request.setAttribute(SignInGuard.VERIFIED, Boolean.TRUE);
        UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, userId.strip());
        if (authentication == null) {
            return false;
        }
        AuthenticationUtil.revalidateSession(request, authentication);
        return true;
    }

    /**
     * Who a request speaks for, without checking a password or loading the account: the HTTP Basic user if the
     * request carries one, else the person signed in to the webapps in its session. For the audit trail, which
     * reads it after the request was answered (a 401 tells it the claim was not proved).
     */
    public Optional<String> claimedUserId(HttpServletRequest request) {
        Optional<BasicCredentials> basic = BasicCredentials.of(request);
        if (basic.isPresent()) {
            return Optional.of(basic.get().user());
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication webappUser = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engine.getName());
        return webappUser == null ? Optional.empty() : Optional.of(webappUser.getIdentityId());
    }

    /** Ends the session, and with it the sign-in to every Camunda webapp too. */
    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
