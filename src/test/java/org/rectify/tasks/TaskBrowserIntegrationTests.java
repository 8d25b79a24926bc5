package org.rectify.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The task list tried in a real browser as the campaign office, a department and a 包保 leader would: the office imports
 * the demo breakdown table and sees the bad row, the department acknowledges a task, reports and declares another
 * done with a photo, the office passes it into the 业绩清单, and the leader
 * reads their page. Screenshots in {@code target/screenshots/tasks/}. Skipped where Chromium is missing.
 */
@RectifyIntegrationTest
@Tag("browser")
class TaskBrowserIntegrationTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "tasks");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    ChromeDriver browser;
    WebDriverWait wait;
    String base;
    int shot;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "跳过浏览器测试：没有 /usr/bin/chromium 或 /usr/bin/chromedriver");
    }

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withEnvironment(Map.of("TZ", "Asia/Shanghai", "LANGUAGE", "zh_CN:zh", "LANG", "zh_CN.UTF-8"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // without the background services off, Tasklist's page never finished loading here (as in ConsoleBrowserIntegrationTests)
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        browser = new ChromeDriver(service, options);
        // generous: the build machine is shared
        wait = new WebDriverWait(browser, Duration.ofSeconds(180));
        base = "http://localhost:" + port;
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theOfficeADepartmentAndALeaderWorkTheTaskList() throws Exception {
        try {
            story();
        } catch (Exception | AssertionError e) {
            screenshot("failure");
            Files.writeString(SCREENSHOTS.resolve("failure.html"), browser.getPageSource());
            throw e;
        }
    }

    private void story() throws Exception {
        String breakdown = "浏览器演示-" + UUID.randomUUID().toString().substring(0, 8);
        Path demo = Files.createTempFile("demo-breakdown", ".xlsx");
        Files.write(demo, rest.withBasicAuth("dispatcher", "demo").getForEntity("/api/tasks/files/demo-breakdown.xlsx",
                byte[].class).getBody());
        Path photo = Files.createTempFile("lamp", ".jpg");
        Files.write(photo, TestImages.jpeg(Color.ORANGE));

        // the campaign office imports the demo table
        open("/console/login");
        signIn("dispatcher");
        open("/console/tasks/import");
        WebElement name = browser.findElement(By.id("breakdown"));
        name.clear();
        name.sendKeys(breakdown);
        browser.findElement(By.id("file")).sendKeys(demo.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-rows")));
        String result = browser.findElement(By.id("import-rows")).getText();
        assertThat(result).contains("高新区旅游局").contains("未导入");
        screenshot("office-import-result");
        open("/console/tasks");
        screenshot("office-task-list");
        signOut();

        long first = taskId(breakdown, "RW-12");
        long second = taskId(breakdown, "RW-13");

        // the department (城管局) signs in and acknowledges RW-13 from its task list
        open("/console/login");
        signIn("cgj-handler");
        open("/console/tasks/" + second);
        browser.findElement(By.cssSelector("#acknowledge-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-form")));
        poll(() -> "IN_PROGRESS".equals(status(second)));
        screenshot("department-task-acknowledged");

        // … and works RW-12 in the console: acknowledge, report with a photo, declare it done
        open("/console/tasks/" + first);
        browser.findElement(By.cssSelector("#acknowledge-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-form")));
        browser.findElement(By.id("text")).sendKeys("本周清理背街小巷12条，清运垃圾8车");
        browser.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
        browser.findElement(By.cssSelector("#report-form input[value=COMPLETION]")).click();
        browser.findElement(By.id("text")).sendKeys("背街小巷全部整治到位");
        browser.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
        screenshot("department-task-declared-done");
        open("/console/tasks");
        screenshot("department-task-list");
        signOut();

        // the office passes it into the 业绩清单
        open("/console/login");
        signIn("dispatcher");
        open("/console/tasks/" + first);
        browser.findElement(By.cssSelector("#review-form input[value=PASS]")).click();
        browser.findElement(By.cssSelector("#review-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
        screenshot("office-task-passed");
        open("/console/tasks/achievements");
        assertThat(browser.findElement(By.id("achievements")).getText()).contains("RW-12");
        screenshot("office-achievements");
        open("/console/tasks/items");
        screenshot("office-item-readiness");
        open("/console/dashboard");
        screenshot("office-dashboard");
        signOut();

        // the 包保 leader (王建国: 城管局 and 创新街道) reads their page
        open("/console/login");
        signIn("leader");
        open("/console/tasks/leader");
        assertThat(browser.findElement(By.id("leader-tasks")).getText()).contains("RW-12", "RW-13");
        screenshot("leader-page");
    }

    @Test
    void theTaskStepsAreWorkedInTasklistAndTheOfficeEntersATaskNamesLeadersAndFilesAProblemInTheConsole() throws Exception {
        try {
            tasklistStory();
        } catch (Exception | AssertionError e) {
            screenshot("failure-tasklist");
            Files.writeString(SCREENSHOTS.resolve("failure-tasklist.html"), browser.getPageSource());
            throw e;
        }
    }

    private void tasklistStory() throws Exception {
        String breakdown = "浏览器录入-" + UUID.randomUUID().toString().substring(0, 8);
        String taskNo = "LR-" + UUID.randomUUID().toString().substring(0, 4);
        Path photo = Files.createTempFile("market", ".jpg");
        Files.write(photo, TestImages.jpeg(Color.GREEN));

        // 1. the campaign office enters one task by hand; a bad target is refused with the entry kept
        open("/console/login");
        signIn("dispatcher");
        open("/console/tasks/new");
        type("breakdown", breakdown);
        type("taskNo", taskNo);
        type("content", "云谷农贸市场完成提质改造");
        type("standard", "农贸市场划行归市，公厕达到二类以上标准");
        type("target", "很多");
        type("itemCode", "3.2.1");
        type("itemName", "农贸市场");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("leadUnit"))).selectByValue("cgj");
        type("coUnits", "云谷街道办事处");
        browser.findElement(By.cssSelector("#task-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-error")));
        assertThat(browser.findElement(By.id("task-error")).getText()).contains("目标值“很多”应为数字");
        assertThat(browser.findElement(By.id("taskNo")).getAttribute("value")).isEqualTo(taskNo);
        screenshot("office-new-task-refused");
        type("target", "");
        browser.findElement(By.cssSelector("#task-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
        long id = taskId(breakdown, taskNo);
        screenshot("office-new-task-issued");

        // 2. … names its 包保 leader, and files a problem found while checking it
        type("leader-name", "王建国");
        browser.findElement(By.cssSelector("#task-leader-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "王建国"));
        browser.findElement(By.id("find-problem")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("categoryCode"))).selectByValue("MARKET_HYGIENE");
        type("address", "云谷农贸市场东门");
        type("description", "水产区地面积水，排水沟堵塞");
        browser.findElement(By.cssSelector("#problem-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "已立案"));
        assertThat(browser.findElement(By.id("linked-cases")).getText()).contains("任务" + taskNo + "检查发现：云谷农贸市场东门");
        screenshot("office-task-leader-and-problem");
        open("/console/tasks/leaders");
        type("name", "陈志刚");
        type("title", "区人大常委会副主任");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("target"))).selectByValue("AREA:ygjd");
        browser.findElement(By.cssSelector("#assign-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "片区：云谷街道办事处及所属社区"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(taskNo);
        screenshot("office-area-leader-page");
        signOut();

        // 3. the department works the steps in Camunda Tasklist with the Chinese forms
        open("/console/login");
        signIn("cgj-handler");
        String instance = jdbc.sql("select process_instance_id from task where id = :id").param("id", id).query(String.class).single();
        openTask(instance, "UserTask_Acknowledge");
        screenshot("tasklist-department-acknowledge");
        complete();
        poll(() -> "IN_PROGRESS".equals(status(id)));

        openTask(instance, "UserTask_Report");
        click(browser.findElement(By.cssSelector("input[name='rf-report-kind'][value='PROGRESS']")));
        browser.findElement(By.id("reportText")).sendKeys("本周完成东区摊位改造，划行归市");
        screenshot("tasklist-department-progress");
        complete();
        poll(() -> jdbc.sql("select count(*) from task_event where task_id = :id and kind = 'PROGRESS'").param("id", id)
                .query(Long.class).single() == 1);

        openTask(instance, "UserTask_Report");
        click(browser.findElement(By.cssSelector("input[name='rf-report-kind'][value='COMPLETION']")));
        assertThat(browser.findElement(By.id("reportText")).getAttribute("value")).as("a new cycle's form starts empty").isEmpty();
        browser.findElement(By.id("reportText")).sendKeys("提质改造全部完成，公厕达到二类标准");
        browser.findElement(By.cssSelector("input[cam-variable-name='photo1']")).sendKeys(photo.toAbsolutePath().toString());
        screenshot("tasklist-department-completion");
        complete();
        poll(() -> "SUBMITTED".equals(status(id)));
        signOut();

        // 4. the campaign office reviews it in Tasklist: passed into the 业绩清单
        open("/console/login");
        signIn("dispatcher");
        openTask(instance, "UserTask_Review");
        click(browser.findElement(By.cssSelector("input[name='rf-review-outcome'][value='PASS']")));
        screenshot("tasklist-office-review");
        complete();
        poll(() -> "ACHIEVED".equals(status(id)));
        open("/console/tasks/" + id);
        assertThat(browser.findElement(By.id("task-history")).getText()).contains("签收", "反馈进展", "申报完成", "列入业绩清单");
        screenshot("office-task-achieved");
        signOut();

        // 5. the 包保 leader finds it on their page
        open("/console/login");
        signIn("leader");
        open("/console/tasks/leader");
        assertThat(browser.findElement(By.id("leader-tasks")).getText()).contains(taskNo);
        screenshot("leader-page-with-entered-task");
    }

    /** Opens the open step of the task's process in Tasklist, which claims it on opening. */
    private void openTask(String processInstance, String stepKey) throws InterruptedException {
        String[] stepId = new String[1];
        poll(() -> {
            java.util.List<org.camunda.bpm.engine.task.Task> open = taskService.createTaskQuery()
                    .processInstanceId(processInstance).taskDefinitionKey(stepKey).active().list();
            stepId[0] = open.isEmpty() ? null : open.get(0).getId();
            return stepId[0] != null;
        });
        open("/camunda/app/tasklist/default/#/?task=" + stepId[0]);
        wait.until(d -> taskService.createTaskQuery().taskId(stepId[0]).singleResult().getAssignee() != null);
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("[ng-click='claim()']")).stream().noneMatch(WebElement::isDisplayed));
        wait.until(d -> d.findElements(By.cssSelector("form[role=form] [data-v='taskNo']")).stream()
                .anyMatch(e -> !e.getText().isBlank()));
    }

    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void complete() {
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }

    private long taskId(String breakdown, String taskNo) {
        return jdbc.sql("select t.id from task t join task_breakdown b on b.id = t.breakdown_id where b.name = :b and t.task_no = :n")
                .param("b", breakdown).param("n", taskNo).query(Long.class).single();
    }

    private String status(long id) {
        return jdbc.sql("select status from task where id = :id").param("id", id).query(String.class).single();
    }

    private void open(String path) {
        browser.get(base + path);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private void signIn(String user) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form[action='/console/login'] button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/console/login"));
    }

    private void signOut() {
        open("/console");
        browser.findElement(By.xpath("//button[normalize-space()='退出']")).click();
        wait.until(ExpectedConditions.urlContains("/console/login"));
    }

    private void poll(java.util.function.BooleanSupplier probe) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (!probe.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("waited 60 s in vain");
            }
            Thread.sleep(250);
        }
    }

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
