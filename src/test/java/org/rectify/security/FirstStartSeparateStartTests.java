package org.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectify.RectifyApplication;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A start without the demo profile, on a database of its own (so it runs in its own JVM, see pom.xml): the first
 * administrator is the configured one, Camunda Admin's first-user setup never answers, and the application reports
 * itself not ready while the start-up tasks run.
 */
class FirstStartSeparateStartTests {

    private static final String ADMIN = "chief";
    private static final String ADMIN_PASSWORD = "a long sentence nobody guesses";
    /** What /actuator/health/readiness and /actuator/health answered while the start-up runners were still running. */
    private static final List<Integer> DURING_START = new CopyOnWriteArrayList<>();

    private static ConfigurableApplicationContext app;
    private static int port;
    private static final HttpClient http = HttpClient.newHttpClient();

    /** Runs before the application's own start-up tasks and asks the (already listening) server if it is ready. */
    @Configuration(proxyBeanMethods = false)
    static class ReadinessProbe {
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ApplicationRunner askWhileStarting(WebServerApplicationContext context) {
            return args -> {
                int listening = context.getWebServer().getPort();
                DURING_START.add(status(listening, "GET", "/actuator/health/readiness", null));
                DURING_START.add(status(listening, "GET", "/actuator/health", null));
            };
        }
    }

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(RectifyApplication.class, ReadinessProbe.class)
                .profiles("test")
                .run("--server.port=0", "--spring.jmx.enabled=false",
                        "--rectify.admin.user=" + ADMIN, "--rectify.admin.password=" + ADMIN_PASSWORD);
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theApplicationIsNotReadyUntilTheStartUpTasksAreDone() throws Exception {
        assertThat(DURING_START).containsExactly(503, 503);
        assertThat(status(port, "GET", "/actuator/health/readiness", null)).isEqualTo(200);
        assertThat(status(port, "GET", "/actuator/health", null)).isEqualTo(200);
    }

    @Test
    void theConfiguredAdministratorExistsAndSignsIn() throws Exception {
        assertThat(status(port, "GET", "/api/admin/integrity", basic(ADMIN, ADMIN_PASSWORD))).isEqualTo(200);
        assertThat(status(port, "GET", "/api/admin/integrity", basic("admin", "demo"))).isEqualTo(401);
    }

    @Test
    void camundaAdminsFirstUserSetupNeverAnswers() throws Exception {
        HttpResponse<String> setup = send(port, "POST", "/camunda/api/admin/setup/default/user/create",
                "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder password 123\"}}", null);
        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(setup.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(setup.body()).contains("RECTIFY_ADMIN_USER");
        assertThat(status(port, "GET", "/camunda/app/admin/default/setup/", null)).isEqualTo(403);
        assertThat(status(port, "GET", "/api/admin/integrity", basic("intruder", "intruder password 123"))).isEqualTo(401);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int status(int port, String method, String path, String authorization) throws Exception {
        return send(port, method, path, null, authorization).statusCode();
    }

    private static HttpResponse<String> send(int port, String method, String path, String json, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
