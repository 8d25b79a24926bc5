package org.rectify.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's own REST API (/engine-rest) answers only to a signed-in user (HTTP Basic against the same
 * accounts), and the engine then applies that user's authorizations. Without this filter it would answer
 * anyone, as the system.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }
}
