package org.rectify.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rectify.shared.AuditedAct;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

@RectifyIntegrationTest
class AuditTrailIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aFailedConsoleSignInIsInTheAuditLogWithTheClientAddressAndUserAgent() {
        String agent = "AuditTestBrowser/" + UUID.randomUUID();
        ResponseEntity<String> page = rest.getForEntity("/console/login", String.class);
        String session = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.getBody());
        assertThat(csrf.find()).isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("User-Agent", agent);
        headers.set("X-Forwarded-For", "203.0.113.77");
        headers.add(HttpHeaders.COOKIE, session);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "dispatcher");
        form.add("password", "not-the-password");
        form.add("_csrf", csrf.group(1));
        ResponseEntity<String> refused = rest.exchange("/console/login", HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(401);

        JsonNode items = audit("actor=dispatcher&category=SIGN_IN&size=50").get("items");
        JsonNode line = find(items, agent);
        assertThat(line).as("audit lines %s", items).isNotNull();
        assertThat(line.get("action").asText()).isEqualTo("sign-in.console");
        assertThat(line.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(line.get("clientAddress").asText()).isEqualTo("203.0.113.77");
    }

    @Test
    void aFailedApiSignInAndARefusedAdministrativeActAreBothKept() {
        String agent = "AuditTestClient/" + UUID.randomUUID();
        HttpHeaders headers = new HttpHeaders();
        headers.set("User-Agent", agent);
        headers.set("X-Forwarded-For", "203.0.113.78");
        rest.withBasicAuth("supervisor", "wrong-password").exchange("/api/cases/1", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> clock = rest.withBasicAuth("patrol", Api.PASSWORD).exchange("/api/demo/clock",
                HttpMethod.POST, new HttpEntity<>("{\"at\":\"2030-01-01\"}", headers), String.class);
        assertThat(clock.getStatusCode().value()).isEqualTo(403);

        JsonNode failed = find(audit("actor=supervisor&action=sign-in.*").get("items"), agent);
        assertThat(failed).isNotNull();
        assertThat(failed.get("action").asText()).isEqualTo("sign-in.api-basic");
        JsonNode refused = find(audit("actor=patrol&action=clock.move").get("items"), agent);
        assertThat(refused).isNotNull();
        assertThat(refused.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("status").asInt()).isEqualTo(403);
        assertThat(refused.get("method").asText()).isEqualTo("POST");
        assertThat(refused.get("path").asText()).isEqualTo("/api/demo/clock");
        assertThat(refused.path("detail").asText("")).doesNotContain("2030");
    }

    @Test
    void aRefusedActIsKeptEvenThoughItsTransactionRollsBackAndADoneOneOnlyIfItCommits() {
        String marker = UUID.randomUUID().toString();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            events.publishEvent(AuditedAct.refused("dispatcher", "case.accept", null, "拒绝 " + marker));
            events.publishEvent(AuditedAct.done("dispatcher", "case.accept", null, "完成 " + marker));
            throw new IllegalStateException("the step is refused");
        })).isInstanceOf(IllegalStateException.class);
        tx.executeWithoutResult(status ->
                events.publishEvent(AuditedAct.done("dispatcher", "case.accept", null, "提交 " + marker)));

        JsonNode items = audit("actor=dispatcher&action=case.accept&size=200").get("items");
        assertThat(find(items, "拒绝 " + marker)).isNotNull();
        assertThat(find(items, "完成 " + marker)).as("a done act whose transaction rolled back").isNull();
        assertThat(find(items, "提交 " + marker)).isNotNull();
    }

    @Test
    void aStepDoneThroughTheApiKeepsItsActAndItsWriteLineOneAfterTheOtherAndARefusedOneKeepsBoth() {
        Api api = new Api(rest);
        long caseId = api.reportCase(api.patrolReport("STREET_VENDING", "GENERAL")).get("id").asLong();
        // 城管局's case: 交警大队's handler may not even see it; the refused request is kept all the same
        assertThat(api.post("jjdd-handler", "/api/cases/" + caseId + "/accept", null).getStatusCode().value())
                .isEqualTo(403);
        assertThat(api.post("cgj-handler", "/api/cases/" + caseId + "/accept", null).getStatusCode().value())
                .isEqualTo(200);

        java.util.List<Map<String, Object>> lines = jdbc.sql("""
                select chain_seq, category, action, actor, outcome, http_status from audit_event
                where case_id = :id order by chain_seq""").param("id", caseId).query().listOfRows();
        java.util.List<String> told = lines.stream().map(l -> l.get("category") + " " + l.get("action") + " "
                + l.get("actor") + " " + l.get("outcome") + " " + l.get("http_status")).toList();
        assertThat(told).containsSubsequence(
                "WRITE http.write jjdd-handler REFUSED 403",
                "ACT case.accept cgj-handler DONE null",
                "WRITE http.write cgj-handler DONE 200");
        // the done act and its request's line are written in one audit transaction: nothing comes between them
        int done = told.indexOf("ACT case.accept cgj-handler DONE null");
        assertThat(((Number) lines.get(done + 1).get("chain_seq")).longValue())
                .isEqualTo(((Number) lines.get(done).get("chain_seq")).longValue() + 1);
        assertThat(integrityOf("audit_event").get("intact").asBoolean()).isTrue();
    }

    @Test
    void onlyAdministratorsReadTheAuditLogAndTheIntegrityCheck() {
        Api api = new Api(rest);
        assertThat(api.get("dispatcher", "/api/admin/audit").getStatusCode().value()).isEqualTo(403);
        assertThat(api.get("cgj-handler", "/api/admin/integrity").getStatusCode().value()).isEqualTo(403);
        assertThat(rest.getForEntity("/api/admin/integrity", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void historyPhotosDocumentsAndTheAuditLogCannotBeTruncatedOrEdited() {
        refusedWrite();
        for (String table : new String[] {"case_event", "photo", "document", "audit_event", "decision"}) {
            assertThatThrownBy(() -> jdbc.sql("truncate " + table + " cascade").update())
                    .as(table).hasMessageContaining("append-only");
        }
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'x' where id = (select min(id) from audit_event)")
                .update()).hasMessageContaining("append-only");
        Api api = new Api(rest);
        com.fasterxml.jackson.databind.node.ObjectNode report = api.patrolReport("NOISE", "GENERAL");
        report.putArray("photos").add(Api.photo("before.jpg", org.rectify.support.TestImages.jpeg(java.awt.Color.ORANGE)));
        long caseId = api.reportCase(report).get("id").asLong();
        assertThatThrownBy(() -> jdbc.sql("update photo set file_name = 'x' where case_id = :id").param("id", caseId)
                .update()).hasMessageContaining("append-only");
        assertThat(integrityOf("photo").get("broken").toString()).doesNotContain("\"chain\":" + caseId + ",");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).hasMessageContaining("append-only");
    }

    @Test
    void anEditMadeInTheDatabaseWithTriggersBypassedIsNamedByTheIntegrityCheck() {
        Api api = new Api(rest);
        long caseId = api.reportCase(api.patrolReport("NOISE", "GENERAL")).get("id").asLong();
        long eventId = jdbc.sql("select min(id) from case_event where case_id = :id").param("id", caseId)
                .query(Long.class).single();
        String original = jdbc.sql("select summary from case_event where id = :id").param("id", eventId)
                .query(String.class).single();
        assertThat(integrityOf("case_event").get("broken").toString()).doesNotContain("\"chain\":" + caseId + ",");
        try {
            asSuperuserBypassingTriggers("update case_event set summary = '已篡改' where id = " + eventId);
            JsonNode report = integrityOf("case_event");
            assertThat(report.get("intact").asBoolean()).isFalse();
            JsonNode link = null;
            for (JsonNode broken : report.get("broken")) {
                if (broken.get("chain").asLong() == caseId) {
                    link = broken;
                }
            }
            assertThat(link).as("broken links %s", report).isNotNull();
            assertThat(link.get("id").asLong()).isEqualTo(eventId);
            assertThat(link.get("problem").asText()).contains("id " + eventId).contains("被修改");
        } finally {
            asSuperuserBypassingTriggers("update case_event set summary = '" + original.replace("'", "''")
                    + "' where id = " + eventId);
        }
        assertThat(integrityOf("case_event").get("broken").toString()).doesNotContain("\"chain\":" + caseId + ",");
    }

    @Test
    void aDeletedAuditLineBreaksTheGlobalChainAtTheNextLine() {
        refusedWrite();
        long last = jdbc.sql("select max(id) from audit_event").query(Long.class).single();
        Map<String, Object> row = jdbc.sql("select * from audit_event where id = :id").param("id", last).query().singleRow();
        refusedWrite();
        asSuperuserBypassingTriggers("delete from audit_event where id = " + last);
        try {
            JsonNode report = integrityOf("audit_event");
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("broken").get(0).get("id").asLong()).isGreaterThan(last);
            assertThat(report.get("broken").get(0).get("problem").asText()).contains("删除");
        } finally {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.sql("set local session_replication_role = replica").update();
                jdbc.sql("""
                        insert into audit_event (id, chain_seq, occurred_at, category, action, actor, outcome, case_id,
                            http_method, path, http_status, client_address, user_agent, detail, prev_hash, row_hash)
                        values (:id, :chain_seq, :occurred_at, :category, :action, :actor, :outcome, :case_id,
                            :http_method, :path, :http_status, :client_address, :user_agent, :detail, :prev_hash,
                            :row_hash)""").params(row).update();
            });
        }
        assertThat(integrityOf("audit_event").get("intact").asBoolean()).isTrue();
    }

    private void refusedWrite() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        rest.withBasicAuth("patrol", Api.PASSWORD).exchange("/api/demo/clock", HttpMethod.POST,
                new HttpEntity<>("{}", headers), String.class);
    }

    private void asSuperuserBypassingTriggers(String sql) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).update();
        });
    }

    private JsonNode integrityOf(String table) {
        JsonNode report = new Api(rest).get("admin", "/api/admin/integrity").getBody();
        for (JsonNode t : report.get("tables")) {
            if (t.get("table").asText().equals(table)) {
                return t;
            }
        }
        throw new AssertionError("no report for " + table + ": " + report);
    }

    private JsonNode audit(String query) {
        ResponseEntity<JsonNode> response = new Api(rest).get("admin", "/api/admin/audit?" + query);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private static JsonNode find(JsonNode items, String text) {
        for (JsonNode item : items) {
            if (item.toString().contains(text)) {
                return item;
            }
        }
        return null;
    }
}
