package org.rectify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The report form tells a reporter whose report joined an open case (重复上报) which case that is. */
@RectifyIntegrationTest
class DuplicateReportFormIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;

    @Test
    void aSecondFormReportAtTheSamePlaceIsLinkedAndTheSuccessPageSaysToWhichCase() {
        ConsoleSession patrol = ConsoleSession.signedIn(port, "patrol");
        long first = report(patrol, "25.900000");
        HttpResponse<String> second = submit(patrol, "25.900200");

        String location = second.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/console/report/" + first + "?linked=true");
        String caseNumber = new Api(rest).caseDetail(first).get("caseNumber").asText();
        String done = patrol.get("/console/report/" + first + "?linked=true").body();
        assertThat(done).contains("已并入案件 " + caseNumber).contains("累计上报2次");
        String casePage = ConsoleSession.signedIn(port, "admin").get("/console/cases/" + first).body();
        assertThat(casePage).contains("累计上报").contains("另有 1 份重复上报并入本案件").contains("重复上报 #");
    }

    private long report(ConsoleSession session, String latitude) {
        String location = submit(session, latitude).headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static HttpResponse<String> submit(ConsoleSession session, String latitude) {
        HttpResponse<String> response = session.submitMultipart("/console/report", "/console/report",
                Map.of("categoryCode", "ILLEGAL_PARKING", "description", "机动车占用盲道", "address", "云谷路 6 号",
                        "gridCode", "qysq-01", "source", "PATROL", "severity", "GENERAL", "latitude", latitude,
                        "longitude", "110.500000", "requestKey", "form-" + System.nanoTime()),
                "photos", List.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response;
    }
}
