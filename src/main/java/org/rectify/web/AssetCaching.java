package org.rectify.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser caching for static assets, so that Tasklist and the console open in well under a second after the
 * first visit on a phone's connection. The Camunda webapps load their scripts with {@code ?bust=<version>}, so a
 * day is safe for them (Rectify's own overrides of config.js and the custom script change with a deployment at
 * most); the console's assets carry no version and are kept an hour. Pages (HTML) and the APIs are never cached.
 * {@code rectify.web.asset-caching=false} switches it off (the benchmark's "before").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rectify.web.asset-caching", havingValue = "true", matchIfMissing = true)
class AssetCaching {

    private static final Pattern ASSET = Pattern.compile(".*\\.(js|css|json|woff2?|ttf|eot|svg|png|ico|gif|jpe?g)$");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> assetCachingFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String header = cacheControl(request.getMethod(), request.getRequestURI());
                if (header != null) {
                    response.setHeader("Cache-Control", header);
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/camunda/app/*", "/camunda/lib/*", "/camunda/assets/*", "/camunda/api/tasklist/plugin/*",
                "/camunda/api/cockpit/plugin/*", "/camunda/api/admin/plugin/*", "/console/assets/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static String cacheControl(String method, String path) {
        if (!"GET".equals(method) || !ASSET.matcher(path).matches()) {
            return null;
        }
        if (path.startsWith("/console/assets/")) {
            return "public, max-age=3600";
        }
        return "public, max-age=86400";
    }
}
