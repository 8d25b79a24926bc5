package org.rectify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The campaign pages of the console (org.rectify.campaigns.CampaignPages) as a signed-in dispatcher sees them. */
@RectifyIntegrationTest
class CampaignConsoleIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDispatcherCreatesACampaignAndSeesItsBoard() {
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
