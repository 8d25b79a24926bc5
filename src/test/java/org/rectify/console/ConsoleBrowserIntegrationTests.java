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
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

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

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern OWN_FILES =
            Pattern.compile("\\d{2}-.*\\.png|failure\\.html|failure-network\\.txt|ledger-export\\.xlsx");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;

    ChromeDriver browser;
    WebDriverWait wait;
    Api api;
    String base;
    int shot;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "跳过浏览器测试：没有 /usr/bin/chromium 或 /usr/bin/chromedriver（Debian: apt-get install -y chromium "
                        + "chromium-driver fonts-wqy-zenhei）");
    }

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "Asia/Shanghai", "LANGUAGE", "zh_CN:zh", "LANG", "zh_CN.UTF-8")).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.INFO);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        api = new Api(rest);
        base = "http://localhost:" + port;
        Files.createDirectories(SCREENSHOTS);
        // only this class's own files: the other browser tests keep theirs here too (field-*, tasks/)
        try (var old = Files.list(SCREENSHOTS)) {
            for (Path file : old.filter(Files::isRegularFile).toList()) {
                if (OWN_FILES.matcher(file.getFileName().toString()).matches()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aProblemFromThePatrolsPhoneToTheClosedLedgerLine() throws Exception {
        try {
            story();
        } catch (Exception | AssertionError e) {
            screenshot("failure");
            Files.writeString(SCREENSHOTS.resolve("failure.html"), browser.getPageSource());
            // What the browser was answered, for the failure report: every response with an error status.
            List<String> failed = new ArrayList<>();
            for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
                String message = entry.getMessage();
                if (message.contains("\"Network.responseReceived\"") && message.matches("(?s).*\"status\":[45]\\d\\d.*")) {
                    failed.add(message.replaceAll("(?s).*\"url\":\"([^\"]*)\".*\"status\":(\\d+).*", "$2 $1"));
                }
            }
            Files.write(SCREENSHOTS.resolve("failure-network.txt"), failed);
            throw e;
        }
    }

    private void story() throws Exception {
        // 1. The patrol signs in on the phone and reports with a photo and the phone's position.
        browser.manage().window().setSize(new Dimension(412, 915));
        open("/console/report");
        screenshot("login");
        signIn("patrol");
        wait.until(ExpectedConditions.urlContains("/console/report"));
        allowGeolocation(30.5723, 104.0665);
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
        screenshot("report-form-phone");
        browser.findElement(By.id("submit-report")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-number")));
        String caseNumber = browser.findElement(By.id("case-number")).getText();
        screenshot("report-received-phone");
        JsonNode reported = caseByNumber(caseNumber);
        long id = reported.get("id").asLong();
        assertThat(reported.get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
        assertThat(reported.at("/leadUnit/code").asText()).isEqualTo("cgj");
        assertThat(reported.get("photos").findValuesAsText("stage")).containsExactly("BEFORE");
        assertThat(reported.at("/location/latitude").decimalValue()).isEqualByComparingTo("30.5723");
        signOut();

        // 2. The handler signs in once (console form) and works the case in Tasklist's embedded forms.
        browser.manage().window().setSize(new Dimension(1366, 900));
        open("/console/dashboard");
        signIn("cgj-handler");
        wait.until(ExpectedConditions.urlContains("/console/dashboard"));
        screenshot("dashboard-handler");
        open("/console/ranking");
        screenshot("ranking-handler");
        String processInstance = reported.get("processInstanceId").asText();
        openTask(processInstance, "UserTask_Accept");
        screenshot("tasklist-accept");
        click(browser.findElement(By.cssSelector("input[name='rf-accept-outcome'][value='ACCEPT']")));
        complete();
        awaitStatus(id, "IN_RECTIFICATION");

        openTask(processInstance, "UserTask_Fix");
        List<WebElement> fixed = browser.findElements(By.cssSelector("input[name='rf-fix-outcome'][value='FIXED']"));
        if (!fixed.isEmpty()) {
            click(fixed.get(0));
        }
        browser.findElement(By.cssSelector("textarea[cam-variable-name='rectificationNote']"))
                .sendKeys("已劝离占道水果摊，清扫路面，人行道恢复通行");
        Path after = Files.createTempFile("after-", ".jpg");
        Files.write(after, TestImages.jpeg(new Color(60, 160, 90)));
        browser.findElement(By.id("rf-after-1")).sendKeys(after.toAbsolutePath().toString());
        screenshot("tasklist-fix");
        complete();
        awaitStatus(id, "AWAITING_VERIFICATION");
        open("/console/cases/" + id);
        screenshot("case-handler-after-fix");
        signOut();

        // 3. The supervisor verifies from the console's queue.
        open("/console/queues/supervisor");
        signIn("supervisor");
        wait.until(ExpectedConditions.urlContains("/console/queues/supervisor"));
        screenshot("queue-supervisor");
        browser.findElement(By.xpath("//tr[td/a[normalize-space()='" + caseNumber + "']]//a[normalize-space()='办理']")).click();
        wait.until(ExpectedConditions.urlContains("/console/cases/" + id));
        screenshot("case-to-verify");
        browser.findElement(By.cssSelector("input[name='outcome'][value='PASS']")).click();
        browser.findElement(By.id("verifyComment")).sendKeys("现场复查，人行道已恢复通行");
        browser.findElement(By.xpath("//button[normalize-space()='提交核查结论']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "已销号"));
        screenshot("case-closed");
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("CLOSED");
        signOut();

        // 4. The campaign office finds it closed in the ledger, exports it, and looks at every page.
        open("/console/dashboard");
        signIn("dispatcher");
        wait.until(ExpectedConditions.urlContains("/console/dashboard"));
        screenshot("dashboard");
        open("/console/ledger");
        browser.findElement(By.id("q")).sendKeys(caseNumber);
        browser.findElement(By.xpath("//button[normalize-space()='查询']")).click();
        wait.until(ExpectedConditions.urlContains("q="));
        WebElement line = browser.findElement(By.xpath("//table[@id='ledger']//tr[td/a[normalize-space()='" + caseNumber + "']]"));
        assertThat(line.getText()).contains("已销号").contains("高新区城市管理局");
        screenshot("ledger-filtered");
        String exportUrl = browser.findElement(By.id("export")).getDomAttribute("href");
        List<List<String>> rows = xlsx(exportUrl);
        assertThat(rows.get(0)).startsWith("案件编号", "标题", "问题类别");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(0)).isEqualTo(caseNumber);
        assertThat(rows.get(1)).contains("已销号");

        open("/console/ledger");
        screenshot("ledger");
        open("/console/queues/dispatcher");
        screenshot("queue-dispatcher");
        open("/console/ranking");
        screenshot("ranking");
        open("/console/bulletins");
        screenshot("bulletins");
        browser.findElement(By.xpath("//table/tbody/tr[2]/td[1]/a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bulletin-doc")));
        List<WebElement> generate = browser.findElements(By.xpath("//button[normalize-space()='生成并存档']"));
        if (!generate.isEmpty()) {
            generate.get(0).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".badge.done"), "已存档"));
        }
        screenshot("bulletin-last-week");
        open("/console/bulletins");
        browser.findElement(By.xpath("//table/tbody/tr[1]/td[1]/a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bulletin-doc")));
        screenshot("bulletin-this-week-preview");
        open("/console/cases/" + id);
        screenshot("case-dispatcher-view");
        signOut();

        open("/console/discipline");
        signIn("discipline");
        wait.until(ExpectedConditions.urlContains("/console/discipline"));
        screenshot("discipline-inbox");
        signOut();

        open("/console/discipline");
        signIn("supervisor");
        wait.until(ExpectedConditions.urlContains("/console/discipline"));
        assertThat(browser.getPageSource()).contains("无权");
        screenshot("discipline-refused-supervisor");
    }

    private void open(String path) {
        browser.get(base + path);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private void signIn(String user) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/console/login'] button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/console/login"));
    }

    private void signOut() {
        open("/console");
        browser.findElement(By.xpath("//button[normalize-space()='退出']")).click();
        wait.until(ExpectedConditions.urlContains("/console/login"));
    }

    /** Lets the page read a fixed position, as a phone whose owner allowed location would. */
    private void allowGeolocation(double latitude, double longitude) {
        try {
            browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base, "permissions", List.of("geolocation")));
            browser.executeCdpCommand("Emulation.setGeolocationOverride",
                    Map.of("latitude", latitude, "longitude", longitude, "accuracy", 12));
        } catch (RuntimeException e) {
            // Without the override the form still works; the position is then simply not filled in.
        }
    }

    /** Opens the case's open task of the given step in Tasklist, which claims it on opening (no 认领 to click). */
    private void openTask(String processInstance, String taskKey) {
        Task task = poll(() -> taskService.createTaskQuery().processInstanceId(processInstance)
                .taskDefinitionKey(taskKey).active().singleResult(), "task " + taskKey);
        open("/camunda/app/tasklist/default/#/?task=" + task.getId());
        wait.until(d -> taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() != null);
        // Tasklist redraws the task after the claim: an element found a moment ago may be gone
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("[ng-click='claim()']")).stream().noneMatch(WebElement::isDisplayed));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[role=form] [data-rf='history'] li")));
    }

    /** Tasklist scrolls inside its own regions: bring the element to the middle first. */
    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void complete() {
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))));
    }

    private void awaitStatus(long id, String status) {
        poll(() -> status.equals(api.caseDetail(id).get("status").asText()) ? Boolean.TRUE : null,
                "status " + status + " of case " + id);
    }

    private <T> T poll(Supplier<T> probe, String what) {
        try {
            return Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(probe::get, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            screenshot("timeout");
            throw e;
        }
    }

    private JsonNode caseByNumber(String caseNumber) {
        JsonNode page = api.get("admin", "/api/cases?q=" + caseNumber).getBody();
        return api.caseDetail(page.get("items").get(0).get("id").asLong());
    }

    /** Downloads with the browser's session, as the browser's download would. */
    private List<List<String>> xlsx(String href) throws Exception {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + href))
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

    /** The whole page, not just the window: the window is stretched to the page's height for the picture. */
    private void screenshot(String name) {
        try {
            Dimension window = browser.manage().window().getSize();
            Number height = (Number) browser.executeScript(
                    "return Math.max(document.body ? document.body.scrollHeight : 0, document.documentElement.scrollHeight)");
            int full = Math.min(Math.max(window.getHeight(), height.intValue() + 140), 6000);
            browser.manage().window().setSize(new Dimension(window.getWidth(), full));
            File file = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), SCREENSHOTS.resolve("%02d-%s.png".formatted(++shot, name)),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            browser.manage().window().setSize(window);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
