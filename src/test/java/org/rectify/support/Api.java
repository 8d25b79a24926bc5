package org.rectify.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the HTTP API as a demo account, the way a client program would. */
public final class Api {

    public static final String PASSWORD = "demo";
    private static final java.util.concurrent.atomic.AtomicInteger PLACES = new java.util.concurrent.atomic.AtomicInteger();

    private final TestRestTemplate rest;
    private final ObjectMapper json = new ObjectMapper();

    public Api(TestRestTemplate rest) {
        this.rest = rest;
    }

    public ResponseEntity<JsonNode> get(String user, String path) {
        return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return post(user, path, body, new HttpHeaders());
    }

    public ResponseEntity<JsonNode> post(String user, String path, Object body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        if ("patrol".equals(user) && "/api/reports".equals(path) && body instanceof ObjectNode report) {
            user = reportAs(report);
        }
        String text = body instanceof String s ? s : write(body);
        return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(text, headers),
                JsonNode.class);
    }

    public ResponseEntity<JsonNode> put(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.PUT,
                new HttpEntity<>(body instanceof String s ? s : write(body), headers), JsonNode.class);
    }

    public ResponseEntity<JsonNode> postRaw(String user, String path, String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    /** A patrol report of the given category in grid xhsq-01 (创新街道 星河社区), filed at once. */
    public ObjectNode patrolReport(String categoryCode, String severity) {
        return report(categoryCode, severity, "PATROL", "xhsq-01");
    }

    public ObjectNode report(String categoryCode, String severity, String source, String gridCode) {
        ObjectNode report = json.createObjectNode();
        report.put("categoryCode", categoryCode);
        report.put("source", source);
        report.put("severity", severity);
        report.put("title", "测试问题 " + UUID.randomUUID().toString().substring(0, 8));
        report.put("description", "人行道被占用，行人无法通行");
        ObjectNode location = report.putObject("location");
        location.put("address", "星河路88号");
        // Each test report stands at its own place, about 110 m from the previous one, so that reports of one
        // category are never taken for duplicates of each other (rules/duplicates.drl looks 50 m around).
        int place = PLACES.incrementAndGet();
        location.put("latitude", new java.math.BigDecimal("31.000000").add(java.math.BigDecimal.valueOf(place % 10_000, 3)));
        location.put("longitude", new java.math.BigDecimal("104.500000").add(java.math.BigDecimal.valueOf(place / 10_000, 2)));
        if (gridCode != null) {
            location.put("gridCode", gridCode);
        }
        ObjectNode reporter = report.putObject("reporter");
        reporter.put("id", "patrol");
        reporter.put("name", "巡查员");
        return report;
    }

    /**
     * Who may file a report of its source (application.yml, rectify.intake.sources-by-role): the tests write their
     * reports "as patrol", and a report of another source is filed by the demo account of that source, in that
     * account's own name (a hotline operator for a caller).
     */
    public static String reportAs(ObjectNode report) {
        String account = switch (report.path("source").asText()) {
            case "HOTLINE" -> "hotline";
            case "VOLUNTEER" -> "volunteer";
            case "CITIZEN" -> "citizen";
            case "SUPERVISION", "PROVINCIAL_INSPECTION", "NATIONAL_INSPECTION" -> "dispatcher";
            default -> "patrol";
        };
        ObjectNode reporter = report.with("reporter");
        if ("hotline".equals(account)) {
            if (!reporter.hasNonNull("phone")) {
                reporter.put("phone", "13800000000");
            }
            if (!reporter.hasNonNull("name") || reporter.get("name").asText().isBlank()) {
                reporter.put("name", "来电市民");
            }
        } else if ("patrol".equals(reporter.path("id").asText())) {
            reporter.put("id", account);
        }
        return account;
    }

    public static ObjectNode photo(String fileName, byte[] bytes) {
        ObjectNode photo = new ObjectMapper().createObjectNode();
        photo.put("fileName", fileName);
        photo.put("contentBase64", Base64.getEncoder().encodeToString(bytes));
        return photo;
    }

    /** Reports and returns the receipt; fails the test if the report was refused. */
    public JsonNode reportCase(ObjectNode report) {
        ResponseEntity<JsonNode> response = post("patrol", "/api/reports", report); // the source's own account
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("report refused: " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody();
    }

    public JsonNode caseDetail(long id) {
        return get("admin", "/api/cases/" + id).getBody();
    }

    public JsonNode object(Map<String, ?> values) {
        return json.valueToTree(values);
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A file part of a multipart upload, with the name the browser would send. */
    public static org.springframework.core.io.Resource file(String fileName, byte[] bytes) {
        return new org.springframework.core.io.ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
    }
}
