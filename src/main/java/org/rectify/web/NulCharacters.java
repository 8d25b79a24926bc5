package org.rectify.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PostgreSQL stores no NUL character (\u0000) in text: a NUL in a JSON string or a query parameter is refused where it
 * comes in, with the same Chinese answer, instead of failing in the database.
 */
@Configuration(proxyBeanMethods = false)
class NulCharacters {

    /** The refusal of a JSON string with a NUL in it. */
    static final class Refused extends JsonMappingException {
        Refused(JsonParser parser) {
            super(parser, "NUL character in a string");
        }
    }

    @Bean
    Module nulRefusingStrings() {
        SimpleModule module = new SimpleModule("nul-refusing-strings");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = super.deserialize(parser, context);
                if (value != null && value.indexOf('\u0000') >= 0) {
                    throw new Refused(parser);
                }
                return value;
            }
        });
        return module;
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    OncePerRequestFilter nulRefusingParameters(ObjectMapper json) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (hasNul(request.getQueryString()) || hasNul(request.getHeader("Idempotency-Key"))) {
                    Problems.write(response, json, HttpStatus.BAD_REQUEST, "invalid-character", ApiExceptionHandler.NUL_DETAIL,
                            "/", false);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static boolean hasNul(String raw) {
        if (raw == null) {
            return false;
        }
        if (raw.indexOf('\u0000') >= 0) {
            return true;
        }
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8).indexOf('\u0000') >= 0;
        } catch (IllegalArgumentException malformed) {
            // a broken escape is refused further on, as any malformed parameter
            return false;
        }
    }
}
