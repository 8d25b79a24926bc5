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
import org.junit.jupiter.api.extension.RegisterExtension;
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
import org.rectify.support.Chromium;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
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

    static final Path SCREENSHOTS = Chromium.SCREENSHOTS.resolve("tasks");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final Chromium.PerTest browsers = Chromium.perTest(1366, 900, Duration.ofSeconds(180), SCREENSHOTS, "");
    Chromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = browsers.get();
        browser = chromium.driver();
        wait = chromium.waiter();
    }

    @Test
    void theOfficeADepartmentAndALeaderWorkTheTaskList() throws Exception {
        try {
            story();
        } catch (Exception | AssertionError e) {
            chromium.saveFailure("failure");
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
        chromium.open("/console/login");
        chromium.signIn("dispatcher");
        chromium.open("/console/tasks/import");
        WebElement name = browser.findElement(By.id("breakdown"));
        name.clear();
        name.sendKeys(breakdown);
        browser.findElement(By.id("file")).sendKeys(demo.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-rows")));
        String result = browser.findElement(By.id("import-rows")).getText();
        assertThat(result).contains("高新区旅游局").contains("未导入");
        chromium.screenshot("office-import-result");
        chromium.open("/console/tasks");
        chromium.screenshot("office-task-list");
        chromium.signOut("/console");

        long first = taskId(breakdown, "RW-12");
        long second = taskId(breakdown, "RW-13");

        // the department (城管局) signs in and acknowledges RW-13 from its task list
        chromium.open("/console/login");
        chromium.signIn("cgj-handler");
        chromium.open("/console/tasks/" + second);
        browser.findElement(By.cssSelector("#acknowledge-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-form")));
        chromium.await(() -> "IN_PROGRESS".equals(status(second)) ? Boolean.TRUE : null, "task acknowledged");
        chromium.screenshot("department-task-acknowledged");

        // … and works RW-12 in the console: acknowledge, report with a photo, declare it done
        chromium.open("/console/tasks/" + first);
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
        chromium.screenshot("department-task-declared-done");
        chromium.open("/console/tasks");
        chromium.screenshot("department-task-list");
        chromium.signOut("/console");

        // the office passes it into the 业绩清单
        chromium.open("/console/login");
        chromium.signIn("dispatcher");
        chromium.open("/console/tasks/" + first);
        browser.findElement(By.cssSelector("#review-form input[value=PASS]")).click();
        browser.findElement(By.cssSelector("#review-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
        chromium.screenshot("office-task-passed");
        chromium.open("/console/tasks/achievements");
        assertThat(browser.findElement(By.id("achievements")).getText()).contains("RW-12");
        chromium.screenshot("office-achievements");
        chromium.open("/console/tasks/items");
        chromium.screenshot("office-item-readiness");
        chromium.open("/console/dashboard");
        chromium.screenshot("office-dashboard");
        chromium.signOut("/console");

        // the 包保 leader (王建国: 城管局 and 创新街道) reads their page
        chromium.open("/console/login");
        chromium.signIn("leader");
        chromium.open("/console/tasks/leader");
        assertThat(browser.findElement(By.id("leader-tasks")).getText()).contains("RW-12", "RW-13");
        chromium.screenshot("leader-page");
    }

    private long taskId(String breakdown, String taskNo) {
        return jdbc.sql("select t.id from task t join task_breakdown b on b.id = t.breakdown_id where b.name = :b and t.task_no = :n")
                .param("b", breakdown).param("n", taskNo).query(Long.class).single();
    }

    private String status(long id) {
        return jdbc.sql("select status from task where id = :id").param("id", id).query(String.class).single();
    }

}
