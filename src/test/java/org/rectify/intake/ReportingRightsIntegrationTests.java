package org.rectify.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.support.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who may report as what (rectify.intake.sources-by-role): the source is not the reporter's to choose, and a report
 * is made in one's own name — except the hotline's, made for a caller.
 */
@RectifyIntegrationTest
class ReportingRightsIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void aPatrolCannotFileAnInspectionFindingButTheCampaignOfficeCan() {
        assertProblem(send("patrol", report("PROVINCIAL_INSPECTION", "patrol")), 403, "不能以“省级检查”为来源上报");
        assertProblem(send("cgj-handler", report("PATROL", "cgj-handler")), 403, "没有上报权限");

        ResponseEntity<JsonNode> office = send("dispatcher", report("PROVINCIAL_INSPECTION", "dispatcher"));
        assertThat(office.getStatusCode().value()).as("%s", office.getBody()).isEqualTo(201);
    }

    @Test
    void staffReportOnlyInTheirOwnName() {
        assertProblem(send("patrol", report("PATROL", "someone-else")), 403, "只能以本人名义上报");
        assertProblem(send("citizen", report("CITIZEN", "volunteer")), 403, "只能以本人名义上报");

        long id = send("citizen", report("CITIZEN", "citizen")).getBody().get("id").asLong();
        assertThat(api.caseDetail(id).get("reporter").asText()).isEqualTo("citizen");
        assertThat(api.caseDetail(id).get("submittedBy").asText()).isEqualTo("citizen");
    }

    @Test
    void aHotlineOperatorReportsForACallerWhoseNameAndPhoneAreRequired() {
        ObjectNode noCaller = report("HOTLINE", "hotline");
        ((ObjectNode) noCaller.get("reporter")).remove("name");
        assertProblem(send("hotline", noCaller), 400, "来电人姓名");
        assertProblem(send("patrol", report("HOTLINE", "patrol")), 403, "12345热线");

        ObjectNode call = report("HOTLINE", "hotline");
        ((ObjectNode) call.get("reporter")).put("name", "张女士").put("phone", "13912345678");
        ResponseEntity<JsonNode> filed = send("hotline", call);
        assertThat(filed.getStatusCode().value()).as("%s", filed.getBody()).isEqualTo(201);
        JsonNode detail = api.caseDetail(filed.getBody().get("id").asLong());
        assertThat(detail.get("reporterName").asText()).isEqualTo("张女士");
        assertThat(detail.get("reporter").asText()).as("the caller has no account").isNotEqualTo("hotline")
                .contains("13912345678");
        assertThat(detail.get("submittedBy").asText()).isEqualTo("hotline");
    }

    private ObjectNode report(String source, String reporterId) {
        ObjectNode report = api.report("STREET_VENDING", "GENERAL", source, "xhsq-01");
        ((ObjectNode) report.get("reporter")).put("id", reporterId);
        return report;
    }

    private ResponseEntity<JsonNode> send(String user, ObjectNode report) {
        return api.postRaw(user, "/api/reports", report.toString(), MediaType.APPLICATION_JSON);
    }
}
