package org.rectify.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.rectify.web.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's own REST API (/engine-rest) answers only to a signed-in user (HTTP Basic against the same
 * accounts), and only to administrators and integration accounts (group {@code integration}). Nobody else needs it:
 * Tasklist talks to the webapp's own engine API, people use /api and the console. Left open to every account, it would
 * let a unit handler read and write whatever the engine's per-task authorizations allow, beside every form.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestSecurity {

    /** Filter order: /engine-rest's sign-in, then who may use it, then anything that needs the signed-in user. */
    public static final int ENGINE_REST_SIGN_IN = 10;
    public static final int ENGINE_REST_ACCESS = 11;
    public static final int AFTER_ENGINE_REST_SIGN_IN = 20;

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.setOrder(ENGINE_REST_SIGN_IN);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> engineRestAccess(IdentityService identityService, ObjectMapper json) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication signedIn = identityService.getCurrentAuthentication();
                if (signedIn != null && (signedIn.getGroupIds() == null
                        || (!signedIn.getGroupIds().contains(Roles.ADMIN_GROUP)
                        && !signedIn.getGroupIds().contains(Roles.INTEGRATION)))) {
                    Problems.write(response, json, HttpStatus.FORBIDDEN, "engine-rest-forbidden",
                            "Camunda 引擎 REST 接口（/engine-rest）仅供系统管理员和集成账号使用；办理任务请使用任务列表"
                                    + "（/camunda/app/tasklist）、控制台（/console）或业务接口（/api）",
                            request.getRequestURI(), false);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setName("engine-rest-access");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(ENGINE_REST_ACCESS);
        return registration;
    }
}
