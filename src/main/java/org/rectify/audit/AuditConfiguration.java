package org.rectify.audit;

import org.rectify.security.WebappSessions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Outside every other filter (the security chains, Camunda's own), so it sees each refusal they give. */
    @Bean
    FilterRegistrationBean<WriteAuditFilter> writeAudit(AuditLog log, WebappSessions sessions) {
        FilterRegistrationBean<WriteAuditFilter> registration =
                new FilterRegistrationBean<>(new WriteAuditFilter(log, sessions));
        registration.setName("write-audit");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
