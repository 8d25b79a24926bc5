package org.rectify.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a person signed in to Tasklist read through the API without a second sign-in, so that task forms
 * can show a case's photos and history. Only reads: writes through a browser session would need CSRF
 * protection, so they keep requiring HTTP Basic.
 */
class CamundaWebappSessionFilter extends OncePerRequestFilter {

    private final CamundaIdentity identity;

    CamundaWebappSessionFilter(CamundaIdentity identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (HttpMethod.GET.matches(request.getMethod())
                && SecurityContextHolder.getContext().getAuthentication() == null
                && request.getHeader("Authorization") == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
                Authentication webappUser = authentications == null ? null
                        : authentications.getAuthenticationForProcessEngine("default");
                if (webappUser != null) {
                    identity.load(webappUser.getIdentityId()).ifPresent(user ->
                            SecurityContextHolder.getContext().setAuthentication(new RectifyAuthentication(user)));
                }
            }
        }
        chain.doFilter(request, response);
    }
}
