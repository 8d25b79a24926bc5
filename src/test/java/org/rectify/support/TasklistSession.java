package org.rectify.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A Camunda Tasklist session as the browser keeps it: signs in through Camunda's own login (with the CSRF header its
 * pages send, read from the XSRF-TOKEN cookie) and calls the webapp's engine API the way Tasklist's forms do.
 */
public final class TasklistSession {

    public static final String ENGINE_API = "/camunda/api/engine/engine/default";

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    private TasklistSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static TasklistSession signedIn(int port, String user) {
        TasklistSession session = new TasklistSession(port);
        session.get("/camunda/app/tasklist/default/");
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(URI.create(session.base
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.xsrf())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + Api.PASSWORD)).build());
        if (login.statusCode() != 200) {
            throw new AssertionError("Tasklist sign-in of " + user + " failed: " + login.statusCode() + " " + login.body());
        }
        // Sign-in starts a new session without a CSRF token: the next page load hands one out, as in the browser.
        session.get("/camunda/app/tasklist/default/");
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** A JSON POST to the webapp's engine API (path below {@link #ENGINE_API}). */
    public HttpResponse<String> post(String enginePath, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + ENGINE_API + enginePath))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-XSRF-TOKEN", xsrf()).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String xsrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(c -> c.getValue()).reduce((first, last) -> last).orElse("");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
