package org.rectify.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Handlers in the field, in a real browser (Debian's headless Chromium through Selenium): on a 390×844 phone a
 * handler finds the new case at the top of 我的待办, accepts it and fixes it with a photo and the phone's position,
 * and the supervisor verifies it on the phone; in Tasklist a handler completes 签收 and 整改 without claiming first
 * and is told each time that the step went through, with no dead ends on the page. Screenshots (field-*.png) go to
 * {@code target/screenshots/}. Skipped, with a message, where Chromium is missing.
 */
@RectifyIntegrationTest
@Tag("browser")
class FieldBrowserIntegrationTests {

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
        assumeTrue(Files.isExecutable(ConsoleBrowserIntegrationTests.CHROMIUM)
                && Files.isExecutable(ConsoleBrowserIntegrationTests.CHROMEDRIVER),
                "跳过浏览器测试：没有 /usr/bin/chromium 或 /usr/bin/chromedriver（Debian: apt-get install -y chromium "
                        + "chromium-driver fonts-wqy-zenhei）");
    }

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ConsoleBrowserIntegrationTests.CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "Asia/Shanghai", "LANGUAGE", "zh_CN:zh", "LANG", "zh_CN.UTF-8")).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ConsoleBrowserIntegrationTests.CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=390,844", "--force-device-scale-factor=1", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        api = new Api(rest);
        base = "http://localhost:" + port;
        Files.createDirectories(ConsoleBrowserIntegrationTests.SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aHandlerWorksTheNewCaseOnThePhoneAndTheSupervisorVerifiesItThere() throws Exception {
        try {
            phoneStory();
        } catch (Exception | AssertionError e) {
            screenshot("phone-failure");
            Files.writeString(ConsoleBrowserIntegrationTests.SCREENSHOTS.resolve("field-phone-failure.html"), browser.getPageSource());
            throw e;
        }
    }

    private void phoneStory() throws Exception {
        ObjectNode report = api.report("FIRE_FACILITIES", "GENERAL", "PATROL", "stsq-01");
        report.put("description", "商场二楼消防通道堆放纸箱，灭火器过期");
        report.putArray("photos").add(Api.photo("before.jpg", TestImages.jpeg(new Color(200, 70, 40))));
        JsonNode receipt = api.reportCase(report);
        long id = receipt.get("id").asLong();
        String number = receipt.get("caseNumber").asText();
        JsonNode location = api.caseDetail(id).get("location");
        double latitude = location.get("latitude").asDouble() + 0.0002;
        double longitude = location.get("longitude").asDouble();

        browser.manage().window().setSize(new Dimension(390, 844));
        open("/console");
        screenshot("phone-login");
        signIn("xfj-handler");
        wait.until(ExpectedConditions.urlContains("/console/todo"));
        allowGeolocation(latitude, longitude);
        open("/console/todo");
        // The new case heads the unit's green (time enough) steps: newest first. Only more urgent steps, red or
        // yellow, of older cases (other tests share the database and its moved clocks) may come before it.
        List<WebElement> steps = browser.findElements(By.cssSelector("article.step"));
        List<String> numbers = steps.stream().map(step -> step.findElements(By.cssSelector("h2 a")).stream()
                .map(WebElement::getText).findFirst().orElse("")).toList(); // a step of no case has no number
        int at = numbers.indexOf(number);
        assertThat(at).as("the new case is in the queue").isNotNegative();
        assertThat(steps.get(at).getAttribute("class")).contains("green");
        for (WebElement before : steps.subList(0, at)) {
            assertThat(before.getAttribute("class")).as("a step ahead of the new case").containsAnyOf("red", "yellow");
        }
        wait.until(d -> card(number).findElement(By.cssSelector(".distance")).getText().contains("距您"));
        assertThat(card(number).getText()).contains("时间充足").contains("消防设施").contains("个工作小时");
        assertThat(card(number).findElement(By.cssSelector(".distance")).getText()).contains("距您 22 米");
        screenshot("phone-todo-handler");

        click(card(number).findElement(By.xpath(".//button[normalize-space()='签收']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已签收"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains(number);
        // The queue reloads with the next step of the case: 提交整改, on the same card.
        wait.until(d -> !card(number).findElements(By.cssSelector("form.fix")).isEmpty());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已签收"));
        screenshot("phone-accepted");

        WebElement fix = card(number).findElement(By.cssSelector("form.fix"));
        fix.findElement(By.name("note")).sendKeys("纸箱已清走，消防通道畅通；过期灭火器已更换");
        Path photo = Files.createTempFile("after-", ".jpg");
        Files.write(photo, TestImages.jpeg(new Color(50, 160, 90)));
        fix.findElement(By.cssSelector("input.photos")).sendKeys(photo.toAbsolutePath().toString());
        wait.until(d -> card(number).findElements(By.cssSelector("form.fix .thumbs img")).size() == 1);
        wait.until(d -> card(number).findElement(By.cssSelector("form.fix .pos")).getText().contains("北纬"));
        screenshot("phone-fix-form");
        click(card(number).findElement(By.xpath(".//button[normalize-space()='提交整改']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "等待督查组核查"));
        screenshot("phone-fixed");
        JsonNode fixed = api.caseDetail(id);
        assertThat(fixed.get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
        assertThat(fixed.get("history").toString()).contains("提交时手机定位").contains("距问题位置约 22 米");
        assertThat(fixed.get("photos").findValuesAsText("stage")).containsExactly("BEFORE", "AFTER");
        signOut();

        signIn("supervisor");
        wait.until(ExpectedConditions.urlContains("/console/todo"));
        WebElement toVerify = card(number);
        assertThat(toVerify.findElements(By.cssSelector(".compare img"))).hasSize(2);
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return Array.from(arguments[0].querySelectorAll('.compare img')).every(i => i.complete && i.naturalWidth > 0)",
                card(number)));
        screenshot("phone-verify-supervisor");
        card(number).findElement(By.name("comment")).sendKeys("现场复查，通道畅通");
        click(card(number).findElement(By.xpath(".//button[normalize-space()='提交核查结论']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已销号"));
        wait.until(d -> d.findElements(By.xpath("//article[.//h2/a[normalize-space()='" + number + "']]")).isEmpty());
        screenshot("phone-verified");
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("CLOSED");
        assertThat(browser.findElements(By.xpath("//article[.//h2/a[normalize-space()='" + number + "']]"))).isEmpty();
    }

    @Test
    void aHandlerCompletesAcceptAndFixInTasklistWithoutClaimingAndIsToldEachTime() throws Exception {
        try {
            tasklistStory();
        } catch (Exception | AssertionError e) {
            screenshot("tasklist-failure");
            Files.writeString(ConsoleBrowserIntegrationTests.SCREENSHOTS.resolve("field-tasklist-failure.html"), browser.getPageSource());
            Files.write(ConsoleBrowserIntegrationTests.SCREENSHOTS.resolve("field-tasklist-console.txt"),
                    browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList());
            throw e;
        }
    }

    private void tasklistStory() throws Exception {
        JsonNode receipt = api.reportCase(api.report("FIRE_FACILITIES", "GENERAL", "PATROL", "stsq-01"));
        long id = receipt.get("id").asLong();
        String instance = api.caseDetail(id).get("processInstanceId").asText();
        browser.manage().window().setSize(new Dimension(1366, 900));
        open("/console/login");
        signIn("xfj-handler");

        openTask(instance, "UserTask_Accept");
        screenshot("tasklist-accept-opened");
        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("input[name='rf-accept-outcome'][value='ACCEPT']"))));
        complete();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".rf-toast"), "已提交"));
        assertThat(browser.findElement(By.cssSelector(".rf-toast")).getText()).contains("签收");
        screenshot("tasklist-accepted");
        awaitStatus(id, "IN_RECTIFICATION");
        assertNoDeadEnds();

        openTask(instance, "UserTask_Fix");
        List<WebElement> fixed = browser.findElements(By.cssSelector("input[name='rf-fix-outcome'][value='FIXED']"));
        if (!fixed.isEmpty()) {
            click(fixed.get(0));
        }
        browser.findElement(By.cssSelector("textarea[cam-variable-name='rectificationNote']")).sendKeys("消防通道已清理");
        Path after = Files.createTempFile("after-", ".jpg");
        Files.write(after, TestImages.jpeg(new Color(60, 160, 90)));
        browser.findElement(By.id("rf-after-1")).sendKeys(after.toAbsolutePath().toString());
        complete();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".rf-toast"), "限期整改"));
        screenshot("tasklist-fixed");
        awaitStatus(id, "AWAITING_VERIFICATION");

        // The list: each task carries its case's traffic light; nobody's task shows the meaningless priority.
        JsonNode other = api.reportCase(api.report("FIRE_FACILITIES", "GENERAL", "PATROL", "stsq-01"));
        open("/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.tasks-list li.task")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.tasks-list .rf-light")));
        assertThat(browser.findElement(By.cssSelector("ol.tasks-list")).getText()).contains(other.get("caseNumber").asText());
        screenshot("tasklist-list");
        assertNoDeadEnds();
    }

    private void assertNoDeadEnds() {
        String visible = browser.findElement(By.tagName("body")).getText();
        assertThat(visible).doesNotContain("新建任务").doesNotContain("发起流程").doesNotContain("Camunda 8");
        assertThat(browser.findElements(By.cssSelector(".tasks-list .priority")).stream().noneMatch(WebElement::isDisplayed))
                .as("no priority shown").isTrue();
    }

    /** Opens the case's task in Tasklist and waits until its form can be used — without touching 认领. */
    private void openTask(String processInstance, String taskKey) {
        Task task = poll(() -> taskService.createTaskQuery().processInstanceId(processInstance)
                .taskDefinitionKey(taskKey).active().singleResult(), "task " + taskKey);
        open("/camunda/app/tasklist/default/#/?task=" + task.getId());
        try {
            new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[role=form]")));
        } catch (org.openqa.selenium.TimeoutException e) {
            // On a machine this busy, Tasklist's first (uncached) start can exceed RequireJS's load timeout; a
            // person would reload, and so does the test, once, with the scripts now in the browser's cache.
            System.err.println("Tasklist did not start within 60 s; reloading once: " + browser.manage().logs()
                    .get(LogType.BROWSER).getAll());
            browser.navigate().refresh();
            new WebDriverWait(browser, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[role=form]")));
        }
        wait.until(d -> taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() != null);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[role=form] [data-rf='history'] li")));
    }

    private void complete() {
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))));
    }

    private WebElement card(String number) {
        return browser.findElement(By.xpath("//article[.//h2/a[normalize-space()='" + number + "']]"));
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
        open("/console/todo");
        click(browser.findElement(By.xpath("//button[normalize-space()='退出']")));
        wait.until(ExpectedConditions.urlContains("/console/login"));
    }

    private void allowGeolocation(double latitude, double longitude) {
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base, "permissions", List.of("geolocation")));
        browser.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", latitude, "longitude", longitude, "accuracy", 10));
    }

    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void awaitStatus(long id, String status) {
        poll(() -> status.equals(api.caseDetail(id).get("status").asText()) ? Boolean.TRUE : null,
                "status " + status + " of case " + id);
    }

    private <T> T poll(Supplier<T> probe, String what) {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("waited 30 s in vain for " + what);
    }

    /** The whole page: the window is stretched to the page's height for the picture. */
    private void screenshot(String name) {
        try {
            Dimension window = browser.manage().window().getSize();
            Number height = (Number) browser.executeScript(
                    "return Math.max(document.body ? document.body.scrollHeight : 0, document.documentElement.scrollHeight)");
            int full = Math.min(Math.max(window.getHeight(), height.intValue() + 140), 6000);
            browser.manage().window().setSize(new Dimension(window.getWidth(), full));
            File file = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), ConsoleBrowserIntegrationTests.SCREENSHOTS.resolve("field-%02d-%s.png".formatted(++shot, name)),
                    StandardCopyOption.REPLACE_EXISTING);
            browser.manage().window().setSize(window);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
