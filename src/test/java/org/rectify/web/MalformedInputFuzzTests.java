package org.rectify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed requests to every operation of the OpenAPI document (NUL characters, encoded slashes, {@code ;} and
 * {@code ..} in paths, wrong types, {@code "photos":[null]}, multipart without a boundary, a non-ASCII
 * Idempotency-Key, huge strings): none is answered with a 500, every refusal is problem+json in Chinese, and
 * nothing is stored. Requests go over a raw socket, so the bytes reach the server exactly as written.
 */
@RectifyIntegrationTest
class MalformedInputFuzzTests {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
    private static final String HUGE = "长".repeat(70_000);
    /** Path values none of which names anything that exists, so no malformed request can act on real data. */
    private static final List<String> BAD_PATH_VALUES = List.of("%00", "a%00b", "%2F", "a%2Fb", ";", "a;b=c", "..", "%2E%2E",
            "-1", "abc", "99999999999999999999", "%E4%B8%AD%E6%96%87", "%", "%ZZ", "x".repeat(3000), "1.5", "null");
    private static final List<String> BAD_QUERY_VALUES = List.of("%00", "a%00b", "abc", "-1", "2026-13-45", "%ZZ",
            "x".repeat(3000), "%E4%B8%AD", "99999999999999999999", "");
    private static final List<String> TABLES = List.of("rectification_case", "duplicate_report", "idempotency_key", "campaign",
            "document", "photo", "case_event");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    private record Answer(int status, String contentType, String body) {
    }

    private record Operation(String method, String path, JsonNode spec) {
    }

    @Test
    void noMalformedRequestToAnyOperationIsA500AndEveryRefusalIsProblemJsonInChineseAndNothingIsStored() throws Exception {
        JsonNode api = json.readTree(send("GET", "/v3/api-docs", Map.of(), null).body());
        List<Operation> operations = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue()));
            }
        }));
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(20);
        Map<String, Long> before = counts();

        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation op : operations) {
            for (Request request : requests(api, op)) {
                Answer answer = send(request.method(), request.target(), request.headers(), request.body());
                sent++;
                String problem = judge(answer);
                if (problem != null && failures.size() < 40) {
                    failures.add(request.method() + " " + abbreviate(request.target()) + " [" + request.what() + "] → "
                            + answer.status() + " " + answer.contentType() + " " + abbreviate(answer.body()) + ": " + problem);
                }
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(1000);
        assertThat(failures).as("of %d malformed requests", sent).isEmpty();
        assertThat(counts()).as("nothing stored").isEqualTo(before);
    }

    /** Null when the answer is acceptable. */
    private String judge(Answer answer) {
        if (answer.status() >= 500) {
            return "server error";
        }
        if (answer.status() >= 400) {
            if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
                return "refusal not problem+json";
            }
            try {
                JsonNode body = json.readTree(answer.body());
                if (!body.path("detail").asText().matches("(?s).*\\p{IsHan}.*")) {
                    return "detail not in Chinese";
                }
            } catch (IOException e) {
                return "body not JSON";
            }
        }
        return null;
    }

    private record Request(String what, String method, String target, Map<String, String> headers, byte[] body) {
    }

    private List<Request> requests(JsonNode api, Operation op) throws IOException {
        List<Request> requests = new ArrayList<>();
        List<String> pathParams = new ArrayList<>();
        List<String> queryParams = new ArrayList<>();
        for (JsonNode p : op.spec().path("parameters")) {
            if ("path".equals(p.path("in").asText())) {
                pathParams.add(p.path("name").asText());
            } else if ("query".equals(p.path("in").asText())) {
                queryParams.add(p.path("name").asText());
            }
        }
        JsonNode content = op.spec().path("requestBody").path("content");
        boolean hasBody = content.size() > 0;
        boolean multipart = content.has("multipart/form-data");
        // an operation with nothing to get wrong (DELETE /api/demo/clock) would only do what it does
        if (!op.method().equals("GET") && pathParams.isEmpty() && queryParams.isEmpty() && !hasBody) {
            return requests;
        }
        Map<String, String> jsonType = Map.of("Content-Type", "application/json");
        byte[] sample = hasBody && !multipart ? bytes(sample(api, schema(content))) : null;
        // malformed path values, with an otherwise ordinary request
        for (String value : BAD_PATH_VALUES) {
            if (!pathParams.isEmpty()) {
                String target = op.path();
                for (String name : pathParams) {
                    target = target.replace("{" + name + "}", value);
                }
                requests.add(new Request("path " + abbreviate(value), op.method(), target, jsonType, sample));
            }
        }
        // the other path values: a name no record has (path parameters are ids and codes)
        String target = op.path();
        for (String name : pathParams) {
            target = target.replace("{" + name + "}", "-1");
        }
        String base = target;
        for (String value : List.of("/..", "/../..", ";x=y", "/%2e%2e/%2e%2e/actuator", "%00", "/.;/x")) {
            requests.add(new Request("suffix " + value, op.method(), base + value, jsonType, sample));
        }
        for (String name : queryParams) {
            for (String value : BAD_QUERY_VALUES) {
                requests.add(new Request("query " + name + "=" + abbreviate(value), op.method(), base + "?" + name + "=" + value,
                        jsonType, sample));
            }
        }
        if (!hasBody) {
            return requests;
        }
        if (multipart) {
            requests.add(new Request("multipart without boundary", op.method(), base,
                    Map.of("Content-Type", "multipart/form-data"), "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n"
                            .getBytes(StandardCharsets.UTF_8)));
            requests.add(new Request("multipart broken", op.method(), base,
                    Map.of("Content-Type", "multipart/form-data; boundary=zzz"), "--zzz\r\ngarbage".getBytes(StandardCharsets.UTF_8)));
            requests.add(new Request("multipart empty", op.method(), base,
                    Map.of("Content-Type", "multipart/form-data; boundary=zzz"), "--zzz--\r\n".getBytes(StandardCharsets.UTF_8)));
            requests.add(new Request("json to multipart", op.method(), base, jsonType, "{}".getBytes(StandardCharsets.UTF_8)));
            return requests;
        }
        for (String body : List.of("", "{", "null", "[]", "[null]", "\"text\"", "123", "{\"photos\":[null]}",
                "{\"photos\":[null,null]}", "{\"a\":\"\\u0000\"}", "\u0000", "{}}", "{\"location\":null}", "{\"reporter\":[]}")) {
            requests.add(new Request("body " + abbreviate(body), op.method(), base, jsonType, body.getBytes(StandardCharsets.UTF_8)));
        }
        requests.add(new Request("text/plain", op.method(), base, Map.of("Content-Type", "text/plain"), sample));
        requests.add(new Request("no content type", op.method(), base, Map.of(), sample));
        requests.add(new Request("non-ASCII Idempotency-Key", op.method(), base,
                Map.of("Content-Type", "application/json", "Idempotency-Key", "键-ü-\u00ff-" + System.nanoTime()), sample));
        requests.add(new Request("huge Idempotency-Key", op.method(), base,
                Map.of("Content-Type", "application/json", "Idempotency-Key", "k".repeat(5000)), sample));
        JsonNode root = json.readTree(new String(sample, StandardCharsets.UTF_8));
        for (String field : fields(root, "")) {
            for (String how : List.of("nul", "number", "object", "array", "huge", "null", "emptyString")) {
                JsonNode mutated = root.deepCopy();
                set(mutated, field, how);
                requests.add(new Request(how + " in " + field, op.method(), base, jsonType, bytes(mutated)));
            }
        }
        // a field the schema does not have, and every string a NUL at once
        JsonNode extra = root.deepCopy();
        if (extra instanceof ObjectNode object) {
            object.put("unknownField\u0000", "x");
            requests.add(new Request("unknown field", op.method(), base, jsonType, bytes(extra)));
        }
        JsonNode allNul = root.deepCopy();
        fields(allNul, "").forEach(field -> set(allNul, field, "nulIfString"));
        requests.add(new Request("NUL in every string", op.method(), base, jsonType, bytes(allNul)));
        return requests;
    }

    private static JsonNode schema(JsonNode content) {
        Iterator<JsonNode> types = content.elements();
        return types.hasNext() ? types.next().path("schema") : JsonNodeFactory.instance.objectNode();
    }

    /** A request body of the schema's shape, with values that name nothing real. */
    private JsonNode sample(JsonNode api, JsonNode schema) {
        return sample(api, schema, 0);
    }

    private JsonNode sample(JsonNode api, JsonNode schema, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return depth > 6 ? f.nullNode() : sample(api, api.path("components").path("schemas").path(name), depth + 1);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode object = f.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sample(api, p.getValue(), depth + 1)));
                return object;
            }
            case "array": {
                ArrayNode array = f.arrayNode();
                array.add(sample(api, schema.path("items"), depth + 1));
                return array;
            }
            case "integer":
                return f.numberNode(-1);
            case "number":
                return f.numberNode(-1.5);
            case "boolean":
                return f.booleanNode(false);
            default:
                return switch (schema.path("format").asText()) {
                    case "date" -> f.textNode("2026-01-01");
                    case "date-time" -> f.textNode("2026-01-01T08:00:00+08:00");
                    default -> f.textNode("模糊测试-不存在");
                };
        }
    }

    /** Dotted paths of every leaf field (arrays by their first element). */
    private static List<String> fields(JsonNode node, String prefix) {
        List<String> fields = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                if (e.getValue().isContainerNode()) {
                    fields.addAll(fields(e.getValue(), path));
                }
                fields.add(path);
            });
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            fields.addAll(fields(array.get(0), prefix + ".0"));
        }
        return fields;
    }

    private static void set(JsonNode root, String path, String how) {
        String[] parts = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent instanceof ArrayNode a ? a.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
            if (parent == null) {
                return;
            }
        }
        String last = parts[parts.length - 1];
        JsonNode current = parent instanceof ArrayNode a ? a.get(Integer.parseInt(last)) : parent.get(last);
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode value = switch (how) {
            case "nul" -> f.textNode("a\u0000b");
            case "nulIfString" -> current != null && current.isTextual() ? f.textNode(current.asText() + "\u0000") : current;
            case "number" -> f.numberNode(1e308);
            case "object" -> f.objectNode().put("x", 1);
            case "array" -> f.arrayNode().add("x");
            case "huge" -> f.textNode(HUGE);
            case "null" -> f.nullNode();
            default -> f.textNode("");
        };
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single()));
        return counts;
    }

    private static String abbreviate(String s) {
        String clean = s.replace("\u0000", "\\0").replace("\r", "\\r").replace("\n", "\\n");
        return clean.length() > 160 ? clean.substring(0, 160) + "…(" + clean.length() + ")" : clean;
    }

    /** One request on a connection of its own, bytes as given; the header values are sent as UTF-8 bytes. */
    private Answer send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: " + AUTH + "\r\nAccept: application/json, application/problem+json\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            request.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                request.write(body);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Answer parse(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Answer(599, null, "no answer: " + all);
        }
        String[] lines = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = null;
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).strip();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (chunked) {
            body = dechunk(body);
        }
        return new Answer(status, contentType, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
