package org.rectify.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.notices.NoticeSender;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * An Open311 GeoReport v2 client, with requests shaped as the specification shows them: it lists services, files a
 * request (which goes through intake like any report), reads it back without personal data, follows its updates; and
 * the reporter's follow-up of the closed case reopens it through a supervisor's re-verification.
 */
@RectifyIntegrationTest
class Open311IntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    NoticeSender sender;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        clock("2026-09-14T09:00:00+08:00");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void servicesComeFromTheCategoryCatalogInJsonAndXml() {
        JsonNode services = rest.getForEntity("/open311/v2/services.json", JsonNode.class).getBody();
        JsonNode vending = find(services, "service_code", "STREET_VENDING");
        assertThat(vending.get("service_name").asText()).isEqualTo("占道经营");
        assertThat(vending.get("metadata").asBoolean()).isTrue();
        assertThat(vending.get("type").asText()).isEqualTo("realtime");

        ResponseEntity<String> xml = rest.getForEntity("/open311/v2/services.xml", String.class);
        assertThat(xml.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
        assertThat(xml.getBody()).startsWith("<?xml").contains("<services><service><service_code>")
                .contains("<service_name>占道经营</service_name>");

        JsonNode definition = rest.getForEntity("/open311/v2/services/STREET_VENDING.json", JsonNode.class).getBody();
        assertThat(definition.get("service_code").asText()).isEqualTo("STREET_VENDING");
        assertThat(definition.at("/attributes/0/code").asText()).isEqualTo("severity");
        assertThat(definition.at("/attributes/0/values/2/key").asText()).isEqualTo("URGENT");

        ResponseEntity<JsonNode> unknown = rest.getForEntity("/open311/v2/services/NOPE.json", JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().get(0).get("code").asInt()).isEqualTo(404);
        assertThat(unknown.getBody().get(0).get("description").asText()).contains("服务代码“NOPE”不存在");
    }

    @Test
    void aRequestGoesThroughIntakeAndReadsBackWithoutPersonalData() {
        String key = key("市民随手拍App", "CITIZEN", 100);
        ResponseEntity<JsonNode> posted = postRequest(form(key, "STREET_VENDING", "30.5700", "104.0660"));
        assertThat(posted.getStatusCode().value()).as("%s", posted.getBody()).isEqualTo(200);
        String id = posted.getBody().get(0).get("service_request_id").asText();
        assertThat(id).startsWith("ZG-");
        assertThat(posted.getBody().get(0).get("account_id").asText()).isEqualTo("acct-8848");

        JsonNode request = rest.getForEntity("/open311/v2/requests/" + id + ".json", JsonNode.class).getBody().get(0);
        assertThat(request.get("service_request_id").asText()).isEqualTo(id);
        assertThat(request.get("status").asText()).isEqualTo("open");
        assertThat(request.get("status_notes").asText()).isEqualTo("待核实");
        assertThat(request.get("service_code").asText()).isEqualTo("STREET_VENDING");
        assertThat(request.get("service_name").asText()).isEqualTo("占道经营");
        assertThat(request.get("address").asText()).isEqualTo("星河路88号");
        assertThat(request.get("lat").decimalValue()).isEqualByComparingTo("30.5700");
        assertThat(request.get("long").decimalValue()).isEqualByComparingTo("104.0660");
        assertThat(request.get("media_url").asText()).isEqualTo("https://img.example.com/123.jpg");
        assertThat(request.get("requested_datetime").asText()).isEqualTo("2026-09-14T09:00:00+08:00");
        assertThat(request.toString()).doesNotContain("13912345678", "zhang@example.com", "张", "acct-8848", "device-1");

        long caseId = caseId(id);
        JsonNode detail = api.caseDetail(caseId);
        assertThat(detail.get("source").asText()).isEqualTo("CITIZEN");
        assertThat(detail.get("status").asText()).as("a public report is checked first").isEqualTo("PENDING_CHECK");

        JsonNode listed = rest.getForEntity("/open311/v2/requests.json?service_code=STREET_VENDING&status=open"
                + "&start_date=2026-09-14T00:00:00+08:00&end_date=2026-09-15T00:00:00+08:00", JsonNode.class).getBody();
        assertThat(listed.findValuesAsText("service_request_id")).contains(id);
        JsonNode closedOnly = rest.getForEntity("/open311/v2/requests.json?status=closed"
                + "&start_date=2026-09-14T00:00:00+08:00&end_date=2026-09-15T00:00:00+08:00", JsonNode.class).getBody();
        assertThat(closedOnly.findValuesAsText("service_request_id")).doesNotContain(id);

        // the same problem again, a few metres away: linked to the open case, no second case
        ResponseEntity<JsonNode> again = postRequest(form(key, "STREET_VENDING", "30.57001", "104.06601"));
        assertThat(again.getBody().get(0).get("service_request_id").asText()).isEqualTo(id);
        assertThat(again.getBody().get(0).get("service_notice").asText()).contains("已并入");
    }

    @Test
    void refusalsComeInGeoReportsErrorFormatInChinese() {
        MultiValueMap<String, String> noKey = form(null, "STREET_VENDING", "30.5", "104.0");
        assertError(postRequest(noKey), 401, "api_key");
        assertError(postRequest(form("o311_wrong", "STREET_VENDING", "30.5", "104.0")), 403, "api_key 无效");
        String key = key("12345热线", "HOTLINE", 2);
        assertError(postRequest(form(key, "NOPE", "30.5", "104.0")), 400, "service_code“NOPE”不存在");
        MultiValueMap<String, String> nowhere = form(key, "STREET_VENDING", null, null);
        nowhere.remove("address_string");
        assertError(postRequest(nowhere), 400, "请提供位置");
        assertError(postRequest(form(key, "STREET_VENDING", "30.5", "104.0")), 429, "每分钟最多 2 次");
        assertError(rest.getForEntity("/open311/v2/requests.json?status=maybe", JsonNode.class), 400, "status");
        assertError(rest.getForEntity("/open311/v2/requests/ZG-0000-000000.json", JsonNode.class), 404, "不存在");
        assertThat(api.post("admin", "/api/admin/open311-keys", Map.of("name", "x", "source", "PATROL"))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(api.post("dispatcher", "/api/admin/open311-keys", Map.of("name", "x", "source", "CITIZEN"))
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theReportersNotFixedReopensTheSameCaseAfterASupervisorsReverification() throws Exception {
        String key = key("12345热线对接", "HOTLINE", 100);
        MultiValueMap<String, String> form = form(key, "STREET_VENDING", "30.6100", "104.1100");
        String id = postRequest(form).getBody().get(0).get("service_request_id").asText();
        long caseId = caseId(id);
        close(caseId);
        assertThat(api.caseDetail(caseId).get("status").asText()).isEqualTo("CLOSED");
        JsonNode closed = rest.getForEntity("/open311/v2/requests/" + id + ".json", JsonNode.class).getBody().get(0);
        assertThat(closed.get("status").asText()).isEqualTo("closed");

        String token = jdbc.sql("select token from followup where case_id = :id").param("id", caseId)
                .query(String.class).single();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        String page = rest.getForEntity("/followup/" + token, String.class).getBody();
        assertThat(page).contains("您反映的问题解决了吗？", id).doesNotContain("13912345678");
        assertThat(rest.getForEntity("/followup/not-a-token", String.class).getBody()).contains("回访链接无效");

        String refused = answer(token, "NOT_FIXED", null);
        assertThat(refused).contains("请上传一张现场照片");
        String thanks = answer(token, "NOT_FIXED", TestImages.png(Color.RED));
        assertThat(thanks).contains("督查组将到现场复核");
        assertThat(answer(token, "FIXED", null)).contains("您已答复过本次回访");

        long followupId = jdbc.sql("select id from followup where case_id = :id").param("id", caseId).query(Long.class).single();
        assertThat(rest.withBasicAuth("supervisor", "demo").getForEntity("/api/followups/" + followupId + "/photo",
                byte[].class).getHeaders().getContentType().toString()).startsWith("image/png");
        ResponseEntity<JsonNode> noComment = api.post("supervisor", "/api/followups/" + followupId + "/review",
                Map.of("outcome", "FAIL"));
        assertThat(noComment.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> reviewed = api.post("supervisor", "/api/followups/" + followupId + "/review",
                Map.of("outcome", "FAIL", "comment", "现场仍有摊位"));
        assertThat(reviewed.getStatusCode().value()).as("%s", reviewed.getBody()).isEqualTo(200);

        JsonNode reopened = api.caseDetail(caseId);
        assertThat(reopened.get("id").asLong()).isEqualTo(caseId);
        assertThat(reopened.get("status").asText()).isEqualTo("IN_RECTIFICATION");
        assertThat(reopened.get("history").findValuesAsText("action")).contains("FOLLOWUP_NOT_FIXED", "REOPENED");
        String pi = reopened.get("processInstanceId").asText();
        assertThat(taskService.createTaskQuery().processInstanceId(pi).singleResult().getTaskDefinitionKey())
                .isEqualTo("UserTask_Fix");
        assertThat(rest.getForEntity("/open311/v2/requests/" + id + ".json", JsonNode.class).getBody().get(0)
                .get("status").asText()).isEqualTo("open");

        JsonNode updates = rest.getForEntity("/open311/v2/servicerequestupdates.json?start_date=2026-09-14T00:00:00+08:00",
                JsonNode.class).getBody();
        List<String> mine = new java.util.ArrayList<>();
        updates.forEach(u -> {
            if (u.get("service_request_id").asText().equals(id)) {
                mine.add(u.get("external_status_code").asText() + "/" + u.get("status").asText());
            }
        });
        assertThat(mine).containsSubsequence("FILED/open", "ACCEPTED/open", "RECTIFIED/open", "VERIFIED/open",
                "CLOSED/closed", "REOPENED/open");
    }

    @Test
    void silenceForTheRuleSetsDaysCountsAsSatisfied() {
        String key = key("市民App-静默", "CITIZEN", 100);
        String id = postRequest(form(key, "STREET_VENDING", "30.6500", "104.1500")).getBody().get(0)
                .get("service_request_id").asText();
        long caseId = caseId(id);
        close(caseId);
        JsonNode decision = null;
        for (JsonNode d : api.caseDetail(caseId).get("decisions")) {
            if (d.get("kind").asText().equals("FOLLOWUP")) {
                decision = d;
            }
        }
        assertThat(decision).as("the follow-up's rule decision is in the case's history").isNotNull();
        assertThat(decision.get("firedRules").toString()).contains("回访 - 其他公众报告，7天内未答复视为满意");

        String pi = jdbc.sql("select process_instance_id from followup where case_id = :id").param("id", caseId)
                .query(String.class).single();
        Job timer = managementService.createJobQuery().processInstanceId(pi).timers().singleResult();
        assertThat(timer.getDuedate()).isAfter(Date.from(OffsetDateTime.now().withYear(2026).withMonth(9)
                .withDayOfMonth(20).toInstant()));
        clock("2026-09-30T09:00:00+08:00");
        managementService.executeJob(timer.getId());
        assertThat(jdbc.sql("select answer from followup where case_id = :id").param("id", caseId)
                .query(String.class).single()).isEqualTo("SILENT");
        assertThat(api.caseDetail(caseId).get("status").asText()).isEqualTo("CLOSED");
    }

    private void close(long caseId) {
        act("dispatcher", caseId, "check", Map.of("decision", "FILE", "correctedGrid", "xhsq-01"));
        String unit = api.caseDetail(caseId).at("/leadUnit/code").asText();
        act(unit + "-handler", caseId, "accept", null);
        act(unit + "-handler", caseId, "rectification", Map.of("note", "已清理", "photos", List.of(Map.of(
                "fileName", "after.png", "contentBase64", Base64.getEncoder().encodeToString(TestImages.png(Color.GREEN))))));
        act("supervisor", caseId, "verification", Map.of("outcome", "PASS"));
    }

    private String answer(String token, String answer, byte[] photo) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("answer", answer);
        body.add("comment", "还在摆摊");
        if (photo != null) {
            body.add("photo", org.rectify.support.Api.file("still.png", photo));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.exchange("/followup/" + token, HttpMethod.POST, new HttpEntity<>(body, headers), String.class)
                .getBody();
    }

    private void act(String user, long id, String action, Object body) {
        ResponseEntity<JsonNode> response = api.post(user, "/api/cases/" + id + "/" + action, body);
        assertThat(response.getStatusCode().value()).as("%s %s: %s", user, action, response.getBody()).isEqualTo(200);
    }

    private long caseId(String caseNumber) {
        return jdbc.sql("select id from rectification_case where case_number = :n").param("n", caseNumber)
                .query(Long.class).single();
    }

    private String key(String name, String source, int rate) {
        ResponseEntity<JsonNode> created = api.post("admin", "/api/admin/open311-keys",
                Map.of("name", name, "source", source, "ratePerMinute", rate));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        assertThat(created.getBody().at("/key/keyPrefix").asText()).endsWith("…");
        return created.getBody().get("apiKey").asText();
    }

    /** The POST of the specification's example, with every field it names. */
    private static MultiValueMap<String, String> form(String key, String service, String lat, String lon) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (key != null) {
            form.add("api_key", key);
        }
        form.add("service_code", service);
        if (lat != null) {
            form.add("lat", lat);
            form.add("long", lon);
        }
        form.add("address_string", "星河路88号");
        form.add("email", "zhang@example.com");
        form.add("device_id", "device-1");
        form.add("account_id", "acct-8848");
        form.add("first_name", "三");
        form.add("last_name", "张");
        form.add("phone", "13912345678");
        form.add("description", "人行道上有流动摊贩占道经营，影响通行");
        form.add("media_url", "https://img.example.com/123.jpg");
        return form;
    }

    private ResponseEntity<JsonNode> postRequest(MultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return rest.exchange("/open311/v2/requests.json", HttpMethod.POST, new HttpEntity<>(form, headers), JsonNode.class);
    }

    private static void assertError(ResponseEntity<JsonNode> response, int status, String contains) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody().isArray()).isTrue();
        assertThat(response.getBody().get(0).get("code").asInt()).isEqualTo(status);
        assertThat(response.getBody().get(0).get("description").asText()).contains(contains);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError(value + " not in " + array);
    }

    private static void clock(String at) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(at).toInstant()));
    }

    static String tokenIn(String text) {
        Matcher m = Pattern.compile("/followup/([A-Za-z0-9_-]+)").matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
