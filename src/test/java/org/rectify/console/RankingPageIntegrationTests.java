package org.rectify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectify.evaluation.Evaluations;
import org.rectify.evaluation.Period;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ranking page shows the stored evaluation of a month that is over: the rules' score, the indicators and each
 * deduction with its case and rule. August 2025 is used by no other test: one 占道经营 case reported on Tuesday 5
 * August, accepted by 城管局 and never fixed (deadline Friday 8 August 18:00), is overdue 15 working days by the end
 * of the month (11–29 August).
 */
@RectifyIntegrationTest
class RankingPageIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    Evaluations evaluations;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aClosedMonthShowsItsStoredVersionWithEachDeductionLinkedToItsCase() throws Exception {
        Api api = new Api(rest);
        clock("2025-08-05T10:00:00+08:00");
        long id = api.reportCase(api.patrolReport("STREET_VENDING", "GENERAL")).get("id").asLong();
        assertThat(api.post("cgj-handler", "/api/cases/" + id + "/accept", null).getStatusCode().value()).isEqualTo(200);
        String number = api.caseDetail(id).get("caseNumber").asText();
        clock("2025-09-01T02:00:00+08:00");
        evaluations.recompute(Period.month(YearMonth.of(2025, 8)), "MANUAL", "dispatcher");
        ClockUtil.reset();

        String office = ConsoleSession.signedIn(port, "dispatcher").get("/console/ranking?month=2025-08").body();
        assertThat(office).contains("2025年8月，第 1 版").contains("高新区城市管理局")
                .contains("<a href=\"/console/cases/" + id + "\">" + number + "</a>")
                .contains("案件超期5个工作日以上的，每件扣3分").contains(number + " 超期15个工作日");

        String handler = ConsoleSession.signedIn(port, "cgj-handler").get("/console/ranking?month=2025-08").body();
        assertThat(handler).contains("高新区城市管理局：本月得分").contains("案件超期5个工作日以上的，每件扣3分");

        byte[] xlsx = ConsoleSession.signedIn(port, "dispatcher").download("/console/ranking.xlsx?month=2025-08").body();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var details = book.getSheet("扣分加分明细");
            List<String> lines = new ArrayList<>();
            for (int r = 1; r <= details.getLastRowNum(); r++) {
                lines.add(details.getRow(r).getCell(1).getStringCellValue() + " " + details.getRow(r).getCell(4).getStringCellValue());
            }
            assertThat(lines).contains(number + " 案件超期5个工作日以上的，每件扣3分");
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("第1版");
        }
    }

    private static void clock(String at) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(at).toInstant()));
    }
}
