package org.rectify.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class SecurityBeans {

    @Bean
    PasswordRules passwordRules() {
        return new PasswordRules();
    }

    /** Before Spring Security's chains and Camunda's filters, inside the audit filter (which records its refusals). */
    @Bean
    FilterRegistrationBean<SignInGuard> signInGuard(SignInThrottle throttle, Accounts accounts,
            ApplicationEventPublisher events, ObjectMapper json) {
        FilterRegistrationBean<SignInGuard> registration =
                new FilterRegistrationBean<>(new SignInGuard(throttle, accounts, events, json));
        registration.setName("sign-in-guard");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/console/*", "/camunda/*");
        return registration;
    }
}
