package org.rectify.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.rectify.security.WebappSessions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.GenericFilterBean;

/**
 * The console's own filter chain. Who is signed in comes from the Camunda webapp session on every request
 * (nothing of Spring Security's is kept in the session), so Tasklist and the console share one sign-in and
 * one sign-out. Forms carry Spring Security's CSRF token, kept in the session; Camunda's own CSRF cookie is
 * left alone.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String LOGIN = "/console/login";

    /**
     * Scripts only from the console's own files (no inline script, no eval, no javascript: links); styles from its
     * own files too, plus inline style attributes, which the templates and the stored bulletins still use (they can
     * restyle a page but run nothing).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    @Bean
    @Order(0)
    SecurityFilterChain consoleSecurity(HttpSecurity http, WebappSessions sessions) throws Exception {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        forbidden.setErrorPage("/console/forbidden");
        return http
                .securityMatcher("/console", "/console/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN, "/console/assets/**").permitAll()
                        .requestMatchers("/console/queues/dispatcher/**").hasAnyRole("DISPATCHER", "ADMIN")
                        .requestMatchers("/console/queues/supervisor/**").hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers("/console/discipline/**").hasAnyRole("DISCIPLINE", "ADMIN")
                        .anyRequest().authenticated())
                .addFilterAfter(new CamundaSessionAuthentication(sessions), SecurityContextHolderFilter.class)
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                // The session belongs to the Camunda webapps (rotated at sign-in, see WebappSessions). Spring Security's
                // session management would treat every request as a fresh sign-in: rotate the session id (signing
                // out a Tasklist open in another tab) and replace the CSRF token under an open form.
                .sessionManagement(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> response.sendRedirect(loginUrl(request)))
                        .accessDeniedHandler((request, response, e) -> {
                            if (SecurityContextHolder.getContext().getAuthentication() == null) {
                                // A form posted after the session ended carries a stale CSRF token: sign in again.
                                response.sendRedirect(loginUrl(request));
                            } else {
                                forbidden.handle(request, response, e);
                            }
                        }))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .build();
    }

    /** Where an unsigned visitor goes: the console's login, remembering a page they asked for. */
    static String loginUrl(HttpServletRequest request) {
        String target = request.getRequestURI();
        if (HttpMethod.GET.matches(request.getMethod()) && request.getQueryString() != null) {
            target += "?" + request.getQueryString();
        }
        if (!HttpMethod.GET.matches(request.getMethod()) || target.equals("/console") || target.equals("/console/")) {
            return LOGIN;
        }
        return LOGIN + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    /** Only pages of the console itself may be returned to after signing in (no open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/console") || next.startsWith("//") || next.contains("\\")
                || next.startsWith(LOGIN)) {
            return "/console";
        }
        return next;
    }

    /**
     * Reads the Camunda webapp session into Spring Security's context for this request only. Runs on every
     * dispatch (a forward to the 403 page too), because nothing is kept between them.
     */
    static final class CamundaSessionAuthentication extends GenericFilterBean {

        private final WebappSessions sessions;

        CamundaSessionAuthentication(WebappSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            sessions.authenticationOf((HttpServletRequest) request)
                    .ifPresent(authentication -> SecurityContextHolder.getContext().setAuthentication(authentication));
            chain.doFilter(request, response);
        }
    }

}
