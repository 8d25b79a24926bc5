package org.rectify.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.rectify.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The API authenticates with HTTP Basic against Camunda's users (or reads through a Tasklist session); the
 * Camunda webapps keep their own sign-in, session and CSRF protection, so their paths pass through.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No Micrometer observations of Spring Security's own work. By default every request through a security chain
     * opens an observation around the chain, an event per filter and one per authorization and authentication, each
     * looking its timer up in the meter registry (Timer.builder(...).register(...)): about 1–1.5 % of an API call's
     * CPU samples, measured, for the spring_security_* metrics that nothing here reads. The request metric that monitoring uses
     * (http_server_requests_seconds, README "Monitoring") is Spring MVC's and stays.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaPasswordAuthenticationProvider passwords,
            CamundaIdentity identity, ObjectMapper json) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(List.of(passwords)))
                // The administrative API is refused to everyone else by its path, before the body is read: method
                // security alone answers a malformed request 400 before it checks the role. The campaign office
                // edits the notice texts.
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/admin/notice-templates", "/api/admin/notice-templates/**")
                                .hasAnyRole("ADMIN", "DISPATCHER")
                        // the campaign office keeps the units' people whom decisions may name (unit_person)
                        .requestMatchers("/api/admin/unit-people", "/api/admin/unit-people/**")
                                .hasAnyRole("ADMIN", "DISPATCHER")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> Problems.write(response,
                        json, HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录：使用 HTTP Basic 提供用户名和密码",
                        request.getRequestURI(), asksForBasic(request))))
                .addFilterAfter(new CamundaWebappSessionFilter(identity), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> Problems.write(response, json,
                                HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录：使用 HTTP Basic 提供用户名和密码",
                                request.getRequestURI(), asksForBasic(request)))
                        .accessDeniedHandler((request, response, e) -> Problems.write(response, json,
                                HttpStatus.FORBIDDEN, "forbidden", "您的账号无权执行此操作",
                                request.getRequestURI(), false)))
                // Tasklist forms read through the Camunda session: never create, rotate or invalidate it here.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // Basic credentials are not sent automatically cross-site, and session-based access is read-only.
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * A browser page reading with its Tasklist session must not get the browser's own password prompt when the
     * session has expired; API clients (no cookies) are told to use Basic.
     */
    private static boolean asksForBasic(jakarta.servlet.http.HttpServletRequest request) {
        return request.getHeader("Authorization") != null || request.getCookies() == null;
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
