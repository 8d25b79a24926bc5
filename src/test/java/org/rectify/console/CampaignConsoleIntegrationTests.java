package org.rectify.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.net.http.HttpResponse;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.rectify.support.EngineJobs;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The campaign pages of the console (org.rectify.campaigns.CampaignPages) as a signed-in dispatcher sees them. */
@RectifyIntegrationTest
class CampaignConsoleIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;

    @Test
    void aDispatcherCreatesACampaignAndSeesItsBoard() throws InterruptedException {
        ConsoleSession dispatcher = ConsoleSession.signedIn(port, "dispatcher");
        HttpResponse<String> list = dispatcher.get("/console/campaigns");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("专项整治", "新建专项整治", "href=\"/console/campaigns\"");

        HttpResponse<String> created = dispatcher.submit("/console/campaigns", "/console/campaigns", Map.of(
                "name", "控制台创建的专项整治", "sourceLevel", "CITY", "startsOn", "2026-11-01", "clearanceDate", "2027-03-31"));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/console/campaigns/\\d+");

        HttpResponse<String> board = dispatcher.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("控制台创建的专项整治", "清零进度", "<svg", "导入问题清单", "demo-inspection-list.xlsx");

        HttpResponse<String> bad = dispatcher.submit("/console/campaigns", "/console/campaigns", Map.of(
                "name", "日期错误", "sourceLevel", "CITY", "clearanceDate", "明年"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("不是有效的日期");
        assertThat(jdbc.sql("select count(*) from campaign where name = '日期错误'").query(Long.class).single()).isZero();

        // A list imported over the API shows on the board and on its import page, row by row.
        String id = location.replaceFirst(".*/", "");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", org.rectify.support.Api.file("演示问题清单.csv", dispatcher.download("/console/campaigns/files/demo-inspection-list.csv").body()));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        JsonNode started = rest.withBasicAuth("dispatcher", "demo").exchange("/api/campaigns/" + id + "/imports",
                HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class).getBody();
        String importPage = "/console/campaigns/" + id + "/imports/" + started.get("id").asText();
        HttpResponse<String> progress = dispatcher.get(importPage);
        assertThat(progress.statusCode()).isEqualTo(200);
        assertThat(progress.body()).contains("导入问题清单", "第38行（序号 37）：问题类别“共享单车乱停放”不存在");
        // the page refreshes itself while the import runs
        // ... and its batches are engine jobs, run here as a node's job executor would (the tests' executor is off)
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> EngineJobs.runAll(engine, "import-" + started.get("id").asText()) >= 0
                        && !dispatcher.get(importPage).body().contains("http-equiv=\"refresh\""));
        assertThat(dispatcher.get(importPage).body()).contains("已完成", "50 / 50 行", "已导入 49", "ZG-");
        assertThat(dispatcher.get("/console/campaigns/" + id).body()).contains("演示问题清单.csv", "按牵头单位", "按街道",
                "<polyline");

        HttpResponse<byte[]> template = dispatcher.download("/console/campaigns/files/inspection-list-template.xlsx");
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.body()[0]).isEqualTo((byte) 'P');
    }

    @Test
    void aPatrolMemberIsRefused() {
        ConsoleSession patrol = ConsoleSession.signedIn(port, "patrol");
        HttpResponse<String> page = patrol.get("/console/campaigns");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("专项整治看板仅对");
    }
}
