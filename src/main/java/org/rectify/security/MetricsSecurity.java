package org.rectify.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.rectify.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Prometheus' scrape ({@code /actuator/prometheus}) for administrators only, with HTTP Basic. */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain prometheusScrape(HttpSecurity http, CamundaPasswordAuthenticationProvider passwords, ObjectMapper json)
            throws Exception {
        return http
                .securityMatcher("/actuator/prometheus")
                .authenticationManager(new ProviderManager(List.of(passwords)))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> Problems.write(response, json,
                        HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录：使用 HTTP Basic 提供管理员的用户名和密码",
                        request.getRequestURI(), true)))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> Problems.write(response,
                        json, HttpStatus.FORBIDDEN, "forbidden", "只有系统管理员可以读取运行指标", request.getRequestURI(), false)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }
}
