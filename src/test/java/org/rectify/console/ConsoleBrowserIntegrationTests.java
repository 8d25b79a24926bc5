package org.rectify.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.logging.Level;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.support.Api;
import org.rectify.support.Chromium;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The whole story in a real browser (Debian's headless Chromium driven by Selenium through Debian's
 * chromedriver; nothing is downloaded): a patrol reports from the phone form with a photo and the phone's
 * position, the handler accepts and fixes in Camunda Tasklist with its embedded forms, the supervisor verifies
 * from the console, the ledger shows the case closed and its XLSX export contains it. Every page visited is
 * saved as a screenshot under {@code target/screenshots/}. Skipped, with a message, where Chromium is missing.
 */
@RectifyIntegrationTest
@Tag("browser")
class ConsoleBrowserIntegrationTests {

    static final Path SCREENSHOTS = Chromium.SCREENSHOTS;
    private static final Pattern OWN_FILES =
            Pattern.compile("\\d{2}-.*\\.png|failure-\\w+(\\.png|\\.html|-console\\.txt|-network\\.txt)|ledger-export\\.xlsx");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;

    @RegisterExtension
    final Chromium.PerTest browsers = Chromium.perTest(1366, 900, Duration.ofSeconds(30), SCREENSHOTS, "");
    Chromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;
    Api api;

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = browsers.get();
        browser = chromium.driver();
        wait = chromium.waiter();
        api = new Api(rest);
        // only this class's own files: the other browser tests keep theirs here too (field-*, tasks/)
        try (var old = Files.list(SCREENSHOTS)) {
            for (Path file : old.filter(Files::isRegularFile).toList()) {
                if (OWN_FILES.matcher(file.getFileName().toString()).matches()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void aProblemFromThePatrolsPhoneToTheClosedLedgerLine() throws Exception {
        story();
    }

    private void story() throws Exception {
        // 1. The patrol signs in on the phone and reports with a photo and the phone's position.
        browser.manage().window().setSize(new Dimension(412, 915));
        chromium.open("/console/report");
        chromium.screenshot("login");
        chromium.signIn("patrol");
        wait.until(ExpectedConditions.urlContains("/console/report"));
        chromium.allowGeolocation(30.5723, 104.0665);
        new Select(browser.findElement(By.id("categoryCode"))).selectByVisibleText("占道经营");
        String marker = "浏览器故事" + System.nanoTime() % 100000;
        browser.findElement(By.id("description")).sendKeys(marker + "：星河路 66 号门前水果摊占用人行道，行人绕行机动车道");
        Path photo = Files.createTempFile("before-", ".jpg");
        Files.write(photo, TestImages.jpeg(new Color(200, 110, 40)));
        browser.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
        wait.until(d -> d.findElements(By.cssSelector("#photo-preview img")).size() == 1);
        browser.findElement(By.id("address")).sendKeys("星河路 66 号");
        new Select(browser.findElement(By.id("gridCode"))).selectByValue("xhsq-01");
        WebElement locate = browser.findElement(By.id("locate"));
        if (locate.isDisplayed()) {
            locate.click();
            wait.until(d -> !"".equals(((JavascriptExecutor) d).executeScript("return document.getElementById('latitude').value")));
        }
        chromium.screenshot("report-form-phone");
        browser.findElement(By.id("submit-report")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-number")));
        String caseNumber = browser.findElement(By.id("case-number")).getText();
        chromium.screenshot("report-received-phone");
        JsonNode reported = caseByNumber(caseNumber);
        long id = reported.get("id").asLong();
        assertThat(reported.get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
        assertThat(reported.at("/leadUnit/code").asText()).isEqualTo("cgj");
        assertThat(reported.get("photos").findValuesAsText("stage")).containsExactly("BEFORE");
        assertThat(reported.at("/location/latitude").decimalValue()).isEqualByComparingTo("30.5723");
        chromium.signOut("/console");

        // 2. The handler signs in once (console form) and works the case in Tasklist's embedded forms.
        browser.manage().window().setSize(new Dimension(1366, 900));
        chromium.open("/console/dashboard");
        chromium.signIn("cgj-handler");
        wait.until(ExpectedConditions.urlContains("/console/dashboard"));
        chromium.screenshot("dashboard-handler");
        chromium.open("/console/ranking");
        chromium.screenshot("ranking-handler");
        String processInstance = reported.get("processInstanceId").asText();
        chromium.openCaseTask(taskService, processInstance, "UserTask_Accept");
        chromium.screenshot("tasklist-accept");
        chromium.click(browser.findElement(By.cssSelector("input[name='rf-accept-outcome'][value='ACCEPT']")));
        chromium.completeTask();
        awaitStatus(id, "IN_RECTIFICATION");

        chromium.openCaseTask(taskService, processInstance, "UserTask_Fix");
        List<WebElement> fixed = browser.findElements(By.cssSelector("input[name='rf-fix-outcome'][value='FIXED']"));
        if (!fixed.isEmpty()) {
            chromium.click(fixed.get(0));
        }
        browser.findElement(By.cssSelector("textarea[cam-variable-name='rectificationNote']"))
                .sendKeys("已劝离占道水果摊，清扫路面，人行道恢复通行");
        Path after = Files.createTempFile("after-", ".jpg");
        Files.write(after, TestImages.jpeg(new Color(60, 160, 90)));
        browser.findElement(By.id("rf-after-1")).sendKeys(after.toAbsolutePath().toString());
        chromium.screenshot("tasklist-fix");
        chromium.completeTask();
        awaitStatus(id, "AWAITING_VERIFICATION");
        chromium.open("/console/cases/" + id);
        chromium.screenshot("case-handler-after-fix");
        chromium.signOut("/console");

        // 3. The supervisor verifies from the console's queue.
        chromium.open("/console/queues/supervisor");
        chromium.signIn("supervisor");
        wait.until(ExpectedConditions.urlContains("/console/queues/supervisor"));
        chromium.screenshot("queue-supervisor");
        browser.findElement(By.xpath("//tr[td/a[normalize-space()='" + caseNumber + "']]//a[normalize-space()='办理']")).click();
        wait.until(ExpectedConditions.urlContains("/console/cases/" + id));
        chromium.screenshot("case-to-verify");
        browser.findElement(By.cssSelector("input[name='outcome'][value='PASS']")).click();
        browser.findElement(By.id("verifyComment")).sendKeys("现场复查，人行道已恢复通行");
        browser.findElement(By.xpath("//button[normalize-space()='提交核查结论']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "已销号"));
        chromium.screenshot("case-closed");
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("CLOSED");
        chromium.signOut("/console");

        // 4. The campaign office finds it closed in the ledger, exports it, and looks at every page.
        chromium.open("/console/dashboard");
        chromium.signIn("dispatcher");
        wait.until(ExpectedConditions.urlContains("/console/dashboard"));
        chromium.screenshot("dashboard");
        chromium.open("/console/ledger");
        browser.findElement(By.id("q")).sendKeys(caseNumber);
        browser.findElement(By.xpath("//button[normalize-space()='查询']")).click();
        wait.until(ExpectedConditions.urlContains("q="));
        WebElement line = browser.findElement(By.xpath("//table[@id='ledger']//tr[td/a[normalize-space()='" + caseNumber + "']]"));
        assertThat(line.getText()).contains("已销号").contains("高新区城市管理局");
        chromium.screenshot("ledger-filtered");
        String exportUrl = browser.findElement(By.id("export")).getDomAttribute("href");
        List<List<String>> rows = xlsx(exportUrl);
        assertThat(rows.get(0)).startsWith("案件编号", "标题", "问题类别");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(0)).isEqualTo(caseNumber);
        assertThat(rows.get(1)).contains("已销号");

        chromium.open("/console/ledger");
        chromium.screenshot("ledger");
        chromium.open("/console/queues/dispatcher");
        chromium.screenshot("queue-dispatcher");
        chromium.open("/console/ranking");
        chromium.screenshot("ranking");
        chromium.open("/console/bulletins");
        chromium.screenshot("bulletins");
        browser.findElement(By.xpath("//table/tbody/tr[2]/td[1]/a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bulletin-doc")));
        List<WebElement> generate = browser.findElements(By.xpath("//button[normalize-space()='生成并存档']"));
        if (!generate.isEmpty()) {
            generate.get(0).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".badge.done"), "已存档"));
        }
        chromium.screenshot("bulletin-last-week");
        chromium.open("/console/bulletins");
        browser.findElement(By.xpath("//table/tbody/tr[1]/td[1]/a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bulletin-doc")));
        chromium.screenshot("bulletin-this-week-preview");
        chromium.open("/console/cases/" + id);
        chromium.screenshot("case-dispatcher-view");
        chromium.signOut("/console");

        chromium.open("/console/discipline");
        chromium.signIn("discipline");
        wait.until(ExpectedConditions.urlContains("/console/discipline"));
        chromium.screenshot("discipline-inbox");
        chromium.signOut("/console");

        chromium.open("/console/discipline");
        chromium.signIn("supervisor");
        wait.until(ExpectedConditions.urlContains("/console/discipline"));
        assertThat(browser.getPageSource()).contains("无权");
        chromium.screenshot("discipline-refused-supervisor");
    }

    private void awaitStatus(long id, String status) {
        chromium.await(() -> status.equals(api.caseDetail(id).get("status").asText()) ? Boolean.TRUE : null,
                "status " + status + " of case " + id);
    }

    private JsonNode caseByNumber(String caseNumber) {
        JsonNode page = api.get("admin", "/api/cases?q=" + caseNumber).getBody();
        return api.caseDetail(page.get("items").get(0).get("id").asLong());
    }

    /** Downloads with the browser's session, as the browser's download would. */
    private List<List<String>> xlsx(String href) throws Exception {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(chromium.base() + href))
                .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Files.write(SCREENSHOTS.resolve("ledger-export.xlsx"), response.body());
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? Long.toString((long) cell.getNumericCellValue()) : cell.getStringCellValue()));
                rows.add(cells);
            }
        }
        return rows;
    }

}
