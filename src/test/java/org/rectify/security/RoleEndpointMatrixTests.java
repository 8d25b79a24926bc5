package org.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StreamUtils;

/**
 * Who may call what: every operation of the OpenAPI document, as every demo role and as nobody, against the table
 * {@code security/role-endpoint-matrix.csv} (401 = must sign in, 403 = refused, ok = anything else); and Camunda's
 * REST API and the webapps' engine API for the same accounts ({@code security/engine-paths.csv}). Inputs are ids
 * that do not exist and empty bodies, so that nothing that matters changes.
 */
@RectifyIntegrationTest
class RoleEndpointMatrixTests {

    private static final List<String> ROLES =
            List.of("anonymous", "admin", "dispatcher", "supervisor", "discipline", "patrol", "cgj-handler");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    @Autowired
    TestRestTemplate rest;

    @Test
    void everyOperationOfTheApiAnswersEachRoleAsTheTableSays() {
        JsonNode docs = rest.getForObject("/v3/api-docs", JsonNode.class);
        Map<String, Map<String, String>> expected = table("security/role-endpoint-matrix.csv");
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                String key = method + " " + path.getKey();
                seen.add(key);
                Map<String, String> observed = new LinkedHashMap<>();
                for (String role : ROLES) {
                    observed.put(role, classOf(call(role, method, path.getKey(), op.getValue()).getStatusCode().value()));
                }
                Map<String, String> row = expected.get(key);
                if (row == null) {
                    missing.add(method + "," + path.getKey() + "," + String.join(",", observed.values()));
                    continue;
                }
                for (String role : ROLES) {
                    if (!observed.get(role).equals(row.get(role))) {
                        wrong.add(key + " as " + role + ": table says " + row.get(role) + ", got " + observed.get(role));
                    }
                }
            }
        }
        List<String> stale = expected.keySet().stream().filter(key -> !seen.contains(key)).sorted().toList();
        assertThat(missing).as("operations missing from src/test/resources/security/role-endpoint-matrix.csv; "
                + "rows to paste (check each before you do):%n%s", String.join("\n", missing.stream().sorted().toList()))
                .isEmpty();
        assertThat(wrong).as("answers that differ from the table").isEmpty();
        assertThat(stale).as("rows of the table for operations that no longer exist").isEmpty();
    }

    @Test
    void camundasRestAndWebappEnginePathsAnswerUnitAccountsAsTheTableSays() {
        Map<String, Map<String, String>> expected = table("security/engine-paths.csv");
        List<String> wrong = new ArrayList<>();
        Map<String, String> sessions = new LinkedHashMap<>();
        List<String> observedRows = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> row : expected.entrySet()) {
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String path = row.getKey().substring(method.length() + 1);
            List<String> observed = new ArrayList<>();
            int before = wrong.size();
            for (String role : ROLES) {
                String want = row.getValue().get(role);
                if (want == null || want.isBlank()) {
                    observed.add("");
                    continue;
                }
                HttpHeaders headers = new HttpHeaders();
                ResponseEntity<String> response;
                if (path.startsWith("/camunda/")) {
                    if (!role.equals("anonymous")) {
                        headers.add(HttpHeaders.COOKIE, sessions.computeIfAbsent(role, this::webappSession));
                    }
                    response = rest.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(headers), String.class);
                } else {
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    HttpEntity<String> entity = new HttpEntity<>(method.equals("GET") ? null : "{}", headers);
                    response = (role.equals("anonymous") ? rest : rest.withBasicAuth(role, Api.PASSWORD))
                            .exchange(path, HttpMethod.valueOf(method), entity, String.class);
                }
                String got = classOf(response.getStatusCode().value());
                observed.add(got);
                if (!got.equals(want)) {
                    wrong.add(row.getKey() + " as " + role + ": table says " + want + ", got " + got
                            + " (" + response.getStatusCode().value() + ")");
                }
            }
            if (wrong.size() > before) {
                observedRows.add(method + "," + path + "," + String.join(",", observed));
            }
        }
        assertThat(wrong).as("answers that differ from src/test/resources/security/engine-paths.csv; "
                + "rows as observed:%n%s", String.join("\n", observedRows)).isEmpty();
    }

    private ResponseEntity<String> call(String role, String method, String template, JsonNode operation) {
        String path = template;
        Matcher matcher = PATH_PARAM.matcher(template);
        while (matcher.find()) {
            String type = "string";
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("name").asText().equals(matcher.group(1))) {
                    type = parameter.path("schema").path("type").asText("string");
                }
            }
            path = path.replace(matcher.group(), type.equals("integer") || type.equals("number") ? "987654321" : "zz-none");
        }
        HttpHeaders headers = new HttpHeaders();
        Object body = null;
        JsonNode content = operation.path("requestBody").path("content");
        if (!content.isMissingNode() && content.fieldNames().hasNext()) {
            String type = content.fieldNames().next();
            headers.setContentType(MediaType.parseMediaType(type.equals("*/*") ? "application/json" : type));
            if (type.contains("json") || type.equals("*/*")) {
                body = "{}";
            } else if (type.startsWith("multipart/")) {
                MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
                parts.add("note", "empty");
                body = parts;
            } else {
                body = new byte[0];
            }
        } else if (!method.equals("GET")) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        TestRestTemplate client = role.equals("anonymous") ? rest : rest.withBasicAuth(role, Api.PASSWORD);
        return client.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);
    }

    /** Signs in to the Camunda webapps as Tasklist does (with Camunda's CSRF token) and returns the session cookie. */
    private String webappSession(String role) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        String session = cookie(page, "JSESSIONID");
        String token = cookie(page, "XSRF-TOKEN");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, session + "; " + token);
        headers.add("X-XSRF-TOKEN", token.substring(token.indexOf('=') + 1));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", role);
        form.add("password", Api.PASSWORD);
        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode().value()).as("webapp login of %s: %s", role, login.getBody()).isEqualTo(200);
        String renewed = cookie(login, "JSESSIONID");
        return renewed != null ? renewed : session;
    }

    private static String cookie(ResponseEntity<String> response, String name) {
        List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        return cookies == null ? null : cookies.stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.contains(";") ? c.substring(0, c.indexOf(';')) : c).findFirst().orElse(null);
    }

    private static String classOf(int status) {
        return status == 401 || status == 403 ? String.valueOf(status) : "ok";
    }

    /** method,path,anonymous,admin,… → "METHOD path" → role → class. Lines starting with # are comments. */
    private static Map<String, Map<String, String>> table(String resource) {
        String text;
        try {
            text = StreamUtils.copyToString(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        String[] header = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split(",", -1);
            if (header == null) {
                header = cells;
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 2; i < header.length && i < cells.length; i++) {
                row.put(header[i], cells[i].strip());
            }
            rows.put(cells[0].strip() + " " + cells[1].strip(), row);
        }
        return rows;
    }
}
