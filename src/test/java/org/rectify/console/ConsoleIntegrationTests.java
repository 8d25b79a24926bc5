package org.rectify.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.clock.BusinessClock;
import org.rectify.support.TasklistSession;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The console over HTTP, as a browser without JavaScript uses it: sign-in, roles, forms, exports, bulletins. */
@RectifyIntegrationTest
class ConsoleIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    Bulletins bulletins;
    @Autowired
    BulletinTimer timer;
    @Autowired
    Directory directory;
    @Autowired
    BusinessClock clock;
    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void aVisitorWhoIsNotSignedInIsSentToTheLoginAndBackToThePageAfterwards() {
        ConsoleSession visitor = new ConsoleSession(port);
        HttpResponse<String> page = visitor.get("/console/ledger?status=OPEN");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow())
                .endsWith("/console/login?next=%2Fconsole%2Fledger%3Fstatus%3DOPEN");

        HttpResponse<String> form = visitor.get("/console/login?next=%2Fconsole%2Fledger%3Fstatus%3DOPEN");
        String token = ConsoleSession.csrf(form.body());
        HttpResponse<String> signedIn = visitor.postForm("/console/login", Map.of("username", "dispatcher",
                "password", "demo", "next", "/console/ledger?status=OPEN", "_csrf", token));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/console/ledger?status=OPEN");
        assertThat(visitor.get("/console/ledger?status=OPEN").statusCode()).isEqualTo(200);
    }

    @Test
    void aNextPageOutsideTheConsoleIsNotFollowed() {
        assertThat(ConsoleSecurityConfiguration.safeNext("https://evil.example/")).isEqualTo("/console");
        assertThat(ConsoleSecurityConfiguration.safeNext("//evil.example/console")).isEqualTo("/console");
        assertThat(ConsoleSecurityConfiguration.safeNext("/console/cases/7")).isEqualTo("/console/cases/7");
    }

    @Test
    void aWrongPasswordIsRefusedInChinese() {
        // An account no other test signs in with: a wrong password makes Camunda hold the account for a few seconds.
        HttpResponse<String> answer = new ConsoleSession(port).login("xfj-handler", "wrong");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("用户名或密码不正确");
    }

    @Test
    void signingInToTheConsoleSignsInToTasklistAndSigningInToTasklistSignsInToTheConsole() {
        ConsoleSession console = ConsoleSession.signedIn(port, "supervisor");
        HttpResponse<String> camunda = console.get("/camunda/api/admin/auth/user/default");
        assertThat(camunda.statusCode()).isEqualTo(200);
        assertThat(camunda.body()).contains("\"userId\":\"supervisor\"").contains("tasklist");

        TasklistSession tasklist = TasklistSession.signedIn(port, "cgj-handler");
        HttpResponse<String> dashboard = tasklist.get("/console/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("高新区城市管理局经办人");

        String sessionBefore = console.sessionId();
        console.get("/console/dashboard");
        assertThat(console.sessionId()).as("console pages keep the webapp session (Tasklist in another tab)")
                .isEqualTo(sessionBefore);
        HttpResponse<String> logout = console.submit("/console/dashboard", "/console/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(console.get("/camunda/api/admin/auth/user/default").statusCode()).isNotEqualTo(200);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        long id = report("STREET_VENDING", "无令牌测试");
        ConsoleSession handler = ConsoleSession.signedIn(port, "cgj-handler");
        HttpResponse<String> forged = handler.postForm("/console/cases/" + id + "/accept", Map.of("outcome", "ACCEPT"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
    }

    @Test
    void aHandlerSeesOnlyTheirUnitsCasesAndTheirPlaceInTheRanking() {
        long mine = report("STREET_VENDING", "城管的案件");
        long theirs = report("FOOD_SAFETY", "市场监管的案件");
        String mineNumber = api.caseDetail(mine).get("caseNumber").asText();
        String theirNumber = api.caseDetail(theirs).get("caseNumber").asText();
        ConsoleSession handler = ConsoleSession.signedIn(port, "cgj-handler");

        String ledger = handler.get("/console/ledger?size=100&q=ZG-").body();
        assertThat(ledger).contains(mineNumber).doesNotContain(theirNumber);
        assertThat(handler.get("/console/cases/" + theirs).statusCode()).isEqualTo(403);
        assertThat(handler.get("/console/cases/" + mine).statusCode()).isEqualTo(200);

        String ranking = handler.get("/console/ranking").body();
        assertThat(ranking).contains("高新区城市管理局：本月得分").doesNotContain("高新区市场监督管理局");
        assertThat(handler.get("/console/queues/supervisor").statusCode()).isEqualTo(403);

        String office = ConsoleSession.signedIn(port, "dispatcher").get("/console/ranking").body();
        assertThat(office).contains("高新区城市管理局").contains("高新区市场监督管理局");
    }

    @Test
    void aHandlersLedgerCountsTheCasesTheirUnitLeadsAndTheCasesItHelpsWithEachOnce() throws Exception {
        String marker = "单位计数" + System.nanoTime();
        String vending = api.caseDetail(report("STREET_VENDING", marker + " 占道")).get("caseNumber").asText();
        String stairwell = api.caseDetail(report("STAIRWELL_CLUTTER", marker + " 楼道")).get("caseNumber").asText();
        String query = "/console/ledger?size=100&q=" + java.net.URLEncoder.encode(marker, "UTF-8");

        // the street leads the stairwell and helps with the street vending; the two departments see one case each
        String street = ConsoleSession.signedIn(port, "cxjd-handler").get(query).body();
        assertThat(street).contains("共 <strong>2</strong> 条").contains(vending).contains(stairwell);
        String cityManagement = ConsoleSession.signedIn(port, "cgj-handler").get(query).body();
        assertThat(cityManagement).contains("共 <strong>1</strong> 条").contains(vending).doesNotContain(stairwell);
        String housing = ConsoleSession.signedIn(port, "zjj-handler").get(query).body();
        assertThat(housing).contains("共 <strong>1</strong> 条").contains(stairwell).doesNotContain(vending);
    }

    @Test
    void theDisciplineInboxIsTheDisciplineOfficesAndTheAdministrators() {
        assertThat(ConsoleSession.signedIn(port, "discipline").get("/console/discipline").statusCode()).isEqualTo(200);
        assertThat(ConsoleSession.signedIn(port, "admin").get("/console/discipline").statusCode()).isEqualTo(200);
        for (String other : List.of("supervisor", "dispatcher", "cgj-handler", "patrol")) {
            HttpResponse<String> page = ConsoleSession.signedIn(port, other).get("/console/discipline");
            assertThat(page.statusCode()).as(other).isEqualTo(403);
            assertThat(page.body()).as(other).contains("无权");
        }
    }

    @Test
    void theLedgerExportHoldsExactlyTheRowsTheFilterShows() throws Exception {
        String marker = "导出核对" + System.nanoTime();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(api.caseDetail(report("STREET_VENDING", marker + " 第" + i + "件")).get("caseNumber").asText());
        }
        report("FOOD_SAFETY", marker + " 另一类别");
        ConsoleSession office = ConsoleSession.signedIn(port, "dispatcher");
        String query = "?q=" + java.net.URLEncoder.encode(marker, "UTF-8") + "&category=STREET_VENDING";
        String page = office.get("/console/ledger" + query).body();
        assertThat(page).contains("共 <strong>3</strong> 条");

        HttpResponse<byte[]> export = office.download("/console/ledger.xlsx" + query);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains(".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("案件编号");
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("状态");
            List<String> exported = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                exported.add(row.getCell(0).getStringCellValue());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo("占道经营");
            }
            assertThat(exported).containsExactlyInAnyOrderElementsOf(numbers);
            assertThat(book.getSheetAt(1).getRow(1).getCell(1).getStringCellValue()).contains("dispatcher");
        }
    }

    @Test
    void theLedgerFiltersByCampaignAndDropsACampaignThatIsNoNumber() {
        String marker = "专项筛选" + System.nanoTime();
        long inCampaign = report("STREET_VENDING", marker + " 专项内");
        report("STREET_VENDING", marker + " 专项外");
        long campaign = jdbc.sql("""
                insert into campaign (name, source_level, starts_on, clearance_at, owner, created_by, created_at)
                values (:name, 'DISTRICT', current_date, now() + interval '30 days', 'dispatcher', 'dispatcher', now())
                returning id""").param("name", marker).query(Long.class).single();
        jdbc.sql("update rectification_case set campaign_id = :campaign where id = :id")
                .param("campaign", campaign).param("id", inCampaign).update();
        ConsoleSession office = ConsoleSession.signedIn(port, "dispatcher");
        String q = "?q=" + java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8);

        assertThat(office.get("/console/ledger" + q + "&campaign=" + campaign).body())
                .contains("共 <strong>1</strong> 条", marker + " 专项内").doesNotContain(marker + " 专项外");
        assertThat(office.get("/console/ledger" + q + "&campaign=abc").body())
                .contains("专项行动“abc”不存在，已忽略", "共 <strong>2</strong> 条");
    }

    @Test
    void userWrittenTextIsShownEscaped() {
        long id = report("STREET_VENDING", "<script>alert('x')</script>标题");
        String page = ConsoleSession.signedIn(port, "admin").get("/console/cases/" + id).body();
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
    }

    @Test
    void aPatrolReportsThroughTheFormAndTheCaseIsWorkedAndClosedFromTheConsole() {
        ConsoleSession patrol = ConsoleSession.signedIn(port, "patrol");
        String description = "表单上报 " + System.nanoTime() + "：人行道被水果摊占用";
        HttpResponse<String> reported = patrol.submitMultipart("/console/report", "/console/report",
                Map.of("categoryCode", "STREET_VENDING", "description", description, "address", "星河路 18 号",
                        "gridCode", "xhsq-01", "source", "PATROL", "severity", "GENERAL", "latitude", "30.571000",
                        "longitude", "104.062000", "requestKey", "form-" + System.nanoTime()),
                "photos", List.of(TestImages.jpeg(Color.ORANGE)));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(302);
        String receipt = reported.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(receipt.substring(receipt.lastIndexOf('/') + 1));
        assertThat(patrol.get("/console/report/" + id).body()).contains("上报成功").contains("高新区城市管理局");
        JsonNode filed = api.caseDetail(id);
        assertThat(filed.get("title").asText()).isEqualTo("占道经营：星河路 18 号");
        assertThat(filed.get("photos").findValuesAsText("stage")).containsExactly("BEFORE");
        assertThat(filed.at("/location/latitude").decimalValue()).isEqualByComparingTo("30.571");

        ConsoleSession handler = ConsoleSession.signedIn(port, "cgj-handler");
        String casePage = "/console/cases/" + id;
        HttpResponse<String> noReason = handler.submit(casePage, casePage + "/accept", Map.of("outcome", "RETURN", "reason", " "));
        assertThat(handler.get(noReason.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body())
                .contains("退回时必须填写退回理由");
        handler.submit(casePage, casePage + "/accept", Map.of("outcome", "ACCEPT"));
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("IN_RECTIFICATION");
        handler.submitMultipart(casePage, casePage + "/rectification", Map.of("note", "已清理占道摊点，恢复通行"),
                "photos", List.of(TestImages.jpeg(Color.GREEN)));
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("AWAITING_VERIFICATION");

        ConsoleSession supervisor = ConsoleSession.signedIn(port, "supervisor");
        assertThat(supervisor.get("/console/queues/supervisor").body()).contains(filed.get("caseNumber").asText());
        supervisor.submit(casePage, casePage + "/verification", Map.of("outcome", "PASS", "comment", "现场已恢复"));
        JsonNode closed = api.caseDetail(id);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("photos").findValuesAsText("stage")).containsExactly("BEFORE", "AFTER");
        String page = supervisor.get(casePage).body();
        assertThat(page).contains("已销号").contains("核查通过").contains("派遣规则").contains("时限规则");
    }

    @Test
    void aBulletinIsStoredOnceAWeekHoweverManyNodesTryAtOnce() throws Exception {
        LocalDate week = Bulletins.weekOf(clock.now()).minusWeeks(3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Bulletins.Stored>> nodes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String node = "节点" + i;
                nodes.add(() -> {
                    try {
                        return bulletins.generate(week, node, "TIMER", directory.snapshot(), clock.now());
                    } catch (IllegalStateException busy) {
                        return null;
                    }
                });
            }
            List<Bulletins.Stored> results = new ArrayList<>();
            for (Future<Bulletins.Stored> f : pool.invokeAll(nodes)) {
                results.add(f.get());
            }
            assertThat(jdbc.sql("select count(*) from console_bulletin where week_start = :w").param("w", week)
                    .query(Long.class).single()).isEqualTo(1);
            Bulletins.Stored stored = bulletins.find(week).orElseThrow();
            assertThat(results.stream().filter(r -> r != null)).allSatisfy(r -> assertThat(r.generatedBy()).isEqualTo(stored.generatedBy()));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theMondayTimerStoresLastWeeksBulletinAndTheSecondRunChangesNothing() throws Exception {
        Bulletins.Stored first = timer.generateLastWeek();
        Bulletins.Stored again = timer.generateLastWeek();
        assertThat(again.generatedAt()).isEqualTo(first.generatedAt());
        assertThat(first.weekStart()).isEqualTo(Bulletins.weekOf(clock.now()).minusWeeks(1));
        assertThat(first.trigger()).isEqualTo("TIMER");

        ConsoleSession office = ConsoleSession.signedIn(port, "supervisor");
        String page = office.get("/console/bulletins/" + first.weekStart()).body();
        assertThat(page).contains("已存档").contains("创文创卫问题整改工作通报").contains("一、本周总体情况");
        HttpResponse<byte[]> pdf = office.download("/console/bulletins/" + first.weekStart() + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        try (var document = Loader.loadPDF(pdf.body())) {
            // Text extraction maps some glyphs to CJK radicals (e.g. ⽂ for 文); NFKC folds them back.
            String text = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
            assertThat(text).contains("创文创卫问题整改工作通报").contains("本周总体情况").contains(Bulletins.weekTitle(first.weekStart()));
        }
        assertThat(ConsoleSession.signedIn(port, "patrol").get("/console/bulletins").statusCode()).isEqualTo(403);
    }

    private long report(String category, String title) {
        ObjectNode report = api.patrolReport(category, "GENERAL");
        report.put("title", title);
        return api.reportCase(report).get("id").asLong();
    }
}
