package org.rectify.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Host;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Refusals made below Spring MVC (Tomcat, the security firewall) answer like the API: problem+json in Chinese. */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

    /** Spring Boot's Tomcat, with the error page of {@link ProblemErrorReportValve}. */
    @Bean
    TomcatServletWebServerFactory tomcatServletWebServerFactory(ObjectProvider<TomcatConnectorCustomizer> connectors,
            ObjectProvider<TomcatContextCustomizer> contexts, ObjectProvider<TomcatProtocolHandlerCustomizer<?>> protocols) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory() {
            @Override
            protected void prepareContext(Host host, ServletContextInitializer[] initializers) {
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
                super.prepareContext(host, initializers);
            }
        };
        factory.getTomcatConnectorCustomizers().addAll(connectors.orderedStream().toList());
        factory.getTomcatContextCustomizers().addAll(contexts.orderedStream().toList());
        factory.getTomcatProtocolHandlerCustomizers().addAll(protocols.orderedStream().toList());
        return factory;
    }

    /** The firewall's refusal of an encoded slash, NUL, {@code ;} or {@code ..} in a path. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, rejected) -> Problems.write(response, json, HttpStatus.BAD_REQUEST, "rejected-path",
                "请求地址含有不允许的字符或写法（如 %2F、%00、分号或 ..），请检查地址", "/", false);
    }
}
