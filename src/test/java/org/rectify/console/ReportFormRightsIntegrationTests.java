package org.rectify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's report form offers and accepts only the sources the account's roles may use, like the API. */
@RectifyIntegrationTest
class ReportFormRightsIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aPatrolIsOfferedPatrolAndGridOnlyAndAnInspectionSourceIsRefused() {
        ConsoleSession patrol = ConsoleSession.signedIn(port, "patrol");
        String form = patrol.get("/console/report").body();
        assertThat(form).contains("value=\"PATROL\"").contains("value=\"GRID\"")
                .doesNotContain("value=\"PROVINCIAL_INSPECTION\"").doesNotContain("value=\"HOTLINE\"");

        HttpResponse<String> refused = patrol.submitMultipart("/console/report", "/console/report", Map.of(
                "categoryCode", "STREET_VENDING", "description", "占道经营", "address", "星河路 20 号",
                "gridCode", "xhsq-01", "source", "PROVINCIAL_INSPECTION", "severity", "GENERAL",
                "requestKey", "rights-" + System.nanoTime()), "photos", List.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("您的账号不能以“省级检查”为来源上报");
    }

    @Test
    void theCampaignOfficeIsOfferedTheInspectionSources() {
        String form = ConsoleSession.signedIn(port, "dispatcher").get("/console/report").body();
        assertThat(form).contains("value=\"PROVINCIAL_INSPECTION\"").contains("value=\"SUPERVISION\"")
                .doesNotContain("value=\"PATROL\"");
    }
}
