package org.rectify.notices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP server standing in for a robot's webhook or an SMS gateway: keeps every message it accepted, answers
 * 500 while told to, and — as DingTalk — refuses a request whose signature does not check (errcode 310000).
 */
final class Receiver implements AutoCloseable {

    record Message(String query, Map<String, String> params, JsonNode body, long receivedAtMillis) {
        String text() {
            JsonNode markdown = body.path("markdown");
            if (!markdown.isMissingNode()) {
                return markdown.has("text") ? markdown.path("text").asText() : markdown.path("content").asText();
            }
            return body.path("templateParam").path("content").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Message> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final String signingSecret;
    private final long delayMillis;
    private volatile boolean down;

    private Receiver(String signingSecret, long delayMillis) throws IOException {
        this.signingSecret = signingSecret;
        this.delayMillis = delayMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, String> params = params(query);
            String answer;
            int status = 200;
            if (delayMillis > 0) {
                sleep(delayMillis);
            }
            if (down) {
                status = 500;
                answer = "{\"error\":\"down\"}";
                refused.incrementAndGet();
            } else if (signingSecret != null && !signatureChecks(params)) {
                answer = "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
                refused.incrementAndGet();
            } else {
                accepted.add(new Message(query, params, JSON.readTree(body), System.currentTimeMillis()));
                answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"code\":\"OK\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    static Receiver plain() throws IOException {
        return new Receiver(null, 0);
    }

    static Receiver slow(long delayMillis) throws IOException {
        return new Receiver(null, delayMillis);
    }

    /** Checks DingTalk's 加签 as DingTalk does: HMAC-SHA256 over timestamp + "\n" + secret, Base64, URL-encoded. */
    static Receiver dingTalk(String signingSecret) throws IOException {
        return new Receiver(signingSecret, 0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send";
    }

    void down(boolean down) {
        this.down = down;
    }

    List<Message> messages() {
        return new ArrayList<>(accepted);
    }

    int refused() {
        return refused.get();
    }

    /** Every notice text the receiver accepted, split out of batched messages. */
    List<String> texts() {
        return accepted.stream().map(Message::text).toList();
    }

    private boolean signatureChecks(Map<String, String> params) {
        try {
            String timestamp = params.get("timestamp");
            String sign = params.get("sign");
            if (timestamp == null || sign == null || Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > 3_600_000) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + signingSecret).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(sign);
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(eq < 0 ? pair : pair.substring(0, eq),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
