package org.rectify.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 我的待办 over HTTP, as its script talks to it: who lands where, whose steps are in whose queue, and a submission
 * sent again after the network dropped, which must be applied once and answered the same.
 */
@RectifyIntegrationTest
class FieldQueueIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void everyoneWithStepsLandsOnTheirQueueAndReportersOnTheirReports() {
        assertThat(landing("cgj-handler")).endsWith("/console/todo");
        assertThat(landing("supervisor")).endsWith("/console/todo");
        assertThat(landing("dispatcher")).endsWith("/console/todo");
        assertThat(landing("discipline")).endsWith("/console/todo");
        assertThat(landing("patrol")).endsWith("/console/ledger");

        ConsoleSession patrol = ConsoleSession.signedIn(port, "patrol");
        String page = patrol.get("/console/ledger").body();
        assertThat(page).as("no Tasklist link for an account that has no steps").doesNotContain("/camunda/app/tasklist");
        assertThat(ConsoleSession.signedIn(port, "cgj-handler").get("/console/todo").body())
                .contains("/camunda/app/tasklist").contains("我的待办");
    }

    @Test
    void aNewCaseIsInTheLeadUnitsQueueWithItsLightAndOnlyThere() {
        JsonNode receipt = api.reportCase(api.report("FIRE_FACILITIES", "GENERAL", "PATROL", "stsq-01"));
        String number = receipt.get("caseNumber").asText();

        String queue = ConsoleSession.signedIn(port, "xfj-handler").get("/console/todo").body();
        String card = card(queue, number);
        assertThat(card).contains("签收").contains("退回").contains("消防设施").contains("星河路88号")
                .contains("data-lat=").contains("时间充足").contains("个工作小时");
        assertThat(ConsoleSession.signedIn(port, "cgj-handler").get("/console/todo").body()).doesNotContain(number);
        assertThat(ConsoleSession.signedIn(port, "supervisor").get("/console/todo").body()).doesNotContain(number);
    }

    @Test
    void anActionSentTwiceWithOneKeyIsAppliedOnceAndAnsweredTheSame() throws Exception {
        JsonNode receipt = api.reportCase(api.report("FIRE_FACILITIES", "GENERAL", "PATROL", "stsq-01"));
        long id = receipt.get("id").asLong();
        String number = receipt.get("caseNumber").asText();
        ConsoleSession handler = ConsoleSession.signedIn(port, "xfj-handler");
        String key = UUID.randomUUID().toString();

        // Two attempts at once, as a phone that retried while the first answer was still on its way.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<HttpResponse<String>> accept = () -> handler.submit("/console/todo", "/console/todo/" + id + "/accept",
                    Map.<String, String>of(), Map.of("Idempotency-Key", key));
            List<Future<HttpResponse<String>>> attempts = pool.invokeAll(List.of(accept, accept));
            for (Future<HttpResponse<String>> attempt : attempts) {
                HttpResponse<String> answer = attempt.get();
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(JSON.readTree(answer.body()).get("message").asText()).contains("已签收").contains(number);
            }
            assertThat(attempts.stream().map(f -> {
                try {
                    return f.get().headers().firstValue("Idempotent-Replayed").orElse("");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })).containsExactlyInAnyOrder("true", "false");
        } finally {
            pool.shutdown();
        }
        JsonNode detail = api.caseDetail(id);
        assertThat(detail.get("status").asText()).isEqualTo("IN_RECTIFICATION");
        assertThat(detail.get("history").findValuesAsText("action").stream().filter("ACCEPTED"::equals)).hasSize(1);

        // The same key with other content is refused; a new submission without the key meets the step already taken.
        HttpResponse<String> reused = handler.submit("/console/todo", "/console/todo/" + id + "/return",
                Map.of("reason", "不属于本单位"), Map.of("Idempotency-Key", key));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        HttpResponse<String> again = handler.submit("/console/todo", "/console/todo/" + id + "/accept", Map.<String, String>of(), Map.<String, String>of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("detail").asText()).contains(number).contains("限期整改");
    }

    @Test
    void aFixFromThePhoneCarriesItsPositionAndTheSupervisorSeesBeforeAndAfterSideBySide() throws Exception {
        ObjectNode report = api.report("FIRE_FACILITIES", "GENERAL", "PATROL", "stsq-01");
        report.putArray("photos").add(Api.photo("before.jpg", TestImages.jpeg(new Color(190, 60, 40))));
        JsonNode receipt = api.reportCase(report);
        long id = receipt.get("id").asLong();
        JsonNode location = api.caseDetail(id).get("location");
        ConsoleSession handler = ConsoleSession.signedIn(port, "xfj-handler");
        assertThat(handler.submit("/console/todo", "/console/todo/" + id + "/accept", Map.<String, String>of(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = handler.submitMultipart("/console/todo", "/console/todo/" + id + "/rectification",
                Map.of("note", "已更换灭火器"), "photos", List.of(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("照片");

        HttpResponse<String> fixed = handler.submitMultipart("/console/todo", "/console/todo/" + id + "/rectification",
                Map.of("note", "已更换过期灭火器，疏散通道已清理", "latitude", location.get("latitude").asText(),
                        "longitude", location.get("longitude").asText(), "accuracy", "9"),
                "photos", List.of(TestImages.jpeg(new Color(40, 160, 90))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
        assertThat(JSON.readTree(fixed.body()).get("message").asText()).contains("等待督查组核查");
        JsonNode detail = api.caseDetail(id);
        assertThat(detail.get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
        assertThat(detail.get("history").toString()).contains("提交时手机定位").contains("距问题位置约 0 米");

        String supervisorQueue = ConsoleSession.signedIn(port, "supervisor").get("/console/todo").body();
        String card = card(supervisorQueue, receipt.get("caseNumber").asText());
        assertThat(card).contains("整改前").contains("整改后").contains("提交核查结论");
        assertThat(card.split("<img ").length - 1).isEqualTo(2);
        assertThat(ConsoleSession.signedIn(port, "xfj-handler").get("/console/todo").body())
                .doesNotContain(receipt.get("caseNumber").asText());
    }

    @Test
    void tasklistsListAsksTheConsoleForTheLightsOfTheTasksItShows() throws Exception {
        JsonNode receipt = api.reportCase(api.report("FIRE_FACILITIES", "GENERAL", "PATROL", "stsq-01"));
        String page = ConsoleSession.signedIn(port, "xfj-handler").get("/console/todo").body();
        String card = card(page, receipt.get("caseNumber").asText());
        String taskId = card.replaceAll("(?s).*id=\"step-([^\"]+)\".*", "$1");
        JsonNode lights = JSON.readTree(ConsoleSession.signedIn(port, "xfj-handler")
                .get("/console/todo/lights?tasks=" + taskId + ",unknown").body());
        assertThat(lights.get(taskId).get("light").asText()).isEqualTo("green");
        assertThat(lights.has("unknown")).isFalse();
        assertThat(JSON.readTree(ConsoleSession.signedIn(port, "cgj-handler")
                .get("/console/todo/lights?tasks=" + taskId).body()).has(taskId)).as("not cgj's task").isFalse();
    }

    private String landing(String user) {
        ConsoleSession session = ConsoleSession.signedIn(port, user);
        return session.get("/console").headers().firstValue("Location").orElseThrow();
    }

    /** The card of one case on 我的待办. */
    private static String card(String page, String caseNumber) {
        for (String article : page.split("<article ")) {
            if (article.contains(">" + caseNumber + "<")) {
                return article.substring(0, article.indexOf("</article>"));
            }
        }
        throw new AssertionError("no card for " + caseNumber + " on the page");
    }
}
