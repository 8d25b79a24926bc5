package org.rectify.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

    @Test
    void aReporterWhoseReportWasLinkedSeesTheCountButNotTheOtherReports() {
        long first = report(ConsoleSession.signedIn(port, "patrol"), "25.700000");
        ConsoleSession other = ConsoleSession.signedIn(port, "citizen");
        submit(other, "25.700100", "CITIZEN");

        String page = other.get("/console/cases/" + first).body();
        assertThat(page).contains("另有 1 份重复上报并入本案件").doesNotContain("重复上报 #")
                .contains("上报人（姓名和电话不公开）").doesNotContain("巡查员");
        assertThat(ConsoleSession.signedIn(port, "dispatcher").get("/console/cases/" + first).body())
                .contains("重复上报 #").contains("巡查员").doesNotContain("姓名和电话不公开");
    }

    @Test
    void theCampaignOfficeUnlinksAWrongMatchFromTheCasePageAndTheReportBecomesACaseOfItsOwn() {
        ConsoleSession patrol = ConsoleSession.signedIn(port, "patrol");
        long first = report(patrol, "25.800000");
        submit(patrol, "25.800100");
        Api api = new Api(rest);
        long reportId = api.caseDetail(first).get("duplicateReports").get(0).get("id").asLong();

        String handlerPage = ConsoleSession.signedIn(port, "jjdd-handler").get("/console/cases/" + first).body();
        assertThat(handlerPage).doesNotContain("unlink-form");
        ConsoleSession dispatcher = ConsoleSession.signedIn(port, "dispatcher");
        String page = "/console/cases/" + first;
        assertThat(dispatcher.get(page).body()).contains("解除错误的重复关联").contains("#" + reportId);

        HttpResponse<String> withoutReason = dispatcher.submit(page, page + "/unlink-duplicate",
                Map.of("report", Long.toString(reportId), "reason", " "));
        assertThat(withoutReason.statusCode()).isEqualTo(302);
        assertThat(dispatcher.get(page).body()).contains("请填写解除关联的原因");
        assertThat(api.caseDetail(first).get("reportCount").asInt()).isEqualTo(2);

        HttpResponse<String> unlinked = dispatcher.submit(page, page + "/unlink-duplicate",
                Map.of("report", Long.toString(reportId), "reason", "不是同一处，相隔一个路口"));
        assertThat(unlinked.statusCode()).isEqualTo(302);
        String after = dispatcher.get(page).body();
        assertThat(after).contains("已解除关联，该报告另立为案件 ZG-").doesNotContain("unlink-form");
        assertThat(api.caseDetail(first).get("reportCount").asInt()).isEqualTo(1);
        String newCase = after.replaceAll("(?s).*已解除关联，该报告另立为案件 (ZG-\\d{4}-\\d{6}).*", "$1");
        JsonNode found = api.get("admin", "/api/cases?q=" + newCase).getBody().get("items").get(0);
        assertThat(found.get("caseNumber").asText()).isEqualTo(newCase);
        assertThat(api.caseDetail(found.get("id").asLong()).get("processInstanceId").asText()).isNotBlank();
    }

    private long report(ConsoleSession session, String latitude) {
        String location = submit(session, latitude).headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static HttpResponse<String> submit(ConsoleSession session, String latitude) {
        return submit(session, latitude, "PATROL");
    }

    /** As the account's own report of the given source (the sources each role may use are configuration). */
    private static HttpResponse<String> submit(ConsoleSession session, String latitude, String source) {
        HttpResponse<String> response = session.submitMultipart("/console/report", "/console/report",
                Map.of("categoryCode", "ILLEGAL_PARKING", "description", "机动车占用盲道", "address", "云谷路 6 号",
                        "gridCode", "qysq-01", "source", source, "severity", "GENERAL", "latitude", latitude,
                        "longitude", "110.500000", "requestKey", "form-" + System.nanoTime()),
                "photos", List.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response;
    }
}
