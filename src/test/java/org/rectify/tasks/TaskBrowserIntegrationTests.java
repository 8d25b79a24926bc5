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
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

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
        story();
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

    @Test
    void theTaskStepsAreWorkedInTasklistAndTheOfficeEntersATaskNamesLeadersAndFilesAProblemInTheConsole() throws Exception {
        tasklistStory();
    }

    private void tasklistStory() throws Exception {
        String breakdown = "浏览器录入-" + UUID.randomUUID().toString().substring(0, 8);
        String taskNo = "LR-" + UUID.randomUUID().toString().substring(0, 4);
        Path photo = Files.createTempFile("market", ".jpg");
        Files.write(photo, TestImages.jpeg(Color.GREEN));

        // 1. the campaign office enters one task by hand; a bad target is refused with the entry kept
        chromium.open("/console/login");
        chromium.signIn("dispatcher");
        chromium.open("/console/tasks/new");
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
        chromium.screenshot("office-new-task-refused");
        type("target", "");
        browser.findElement(By.cssSelector("#task-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
        long id = taskId(breakdown, taskNo);
        chromium.screenshot("office-new-task-issued");

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
        chromium.screenshot("office-task-leader-and-problem");
        chromium.open("/console/tasks/leaders");
        type("name", "陈志刚");
        type("title", "区人大常委会副主任");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("target"))).selectByValue("AREA:ygjd");
        browser.findElement(By.cssSelector("#assign-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "片区：云谷街道办事处及所属社区"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(taskNo);
        chromium.screenshot("office-area-leader-page");
        chromium.signOut("/console");

        // 3. the department works the steps in Camunda Tasklist with the Chinese forms
        chromium.open("/console/login");
        chromium.signIn("cgj-handler");
        String instance = jdbc.sql("select process_instance_id from task where id = :id").param("id", id).query(String.class).single();
        openTask(instance, "UserTask_Acknowledge");
        chromium.screenshot("tasklist-department-acknowledge");
        chromium.completeTask();
        poll(() -> "IN_PROGRESS".equals(status(id)));

        openTask(instance, "UserTask_Report");
        chromium.click(browser.findElement(By.cssSelector("input[name='rf-report-kind'][value='PROGRESS']")));
        browser.findElement(By.id("reportText")).sendKeys("本周完成东区摊位改造，划行归市");
        chromium.screenshot("tasklist-department-progress");
        chromium.completeTask();
        poll(() -> jdbc.sql("select count(*) from task_event where task_id = :id and kind = 'PROGRESS'").param("id", id)
                .query(Long.class).single() == 1);

        openTask(instance, "UserTask_Report");
        chromium.click(browser.findElement(By.cssSelector("input[name='rf-report-kind'][value='COMPLETION']")));
        assertThat(browser.findElement(By.id("reportText")).getAttribute("value")).as("a new cycle's form starts empty").isEmpty();
        browser.findElement(By.id("reportText")).sendKeys("提质改造全部完成，公厕达到二类标准");
        browser.findElement(By.cssSelector("input[cam-variable-name='photo1']")).sendKeys(photo.toAbsolutePath().toString());
        chromium.screenshot("tasklist-department-completion");
        chromium.completeTask();
        poll(() -> "SUBMITTED".equals(status(id)));
        chromium.signOut("/console");

        // 4. the campaign office reviews it in Tasklist: passed into the 业绩清单
        chromium.open("/console/login");
        chromium.signIn("dispatcher");
        openTask(instance, "UserTask_Review");
        chromium.click(browser.findElement(By.cssSelector("input[name='rf-review-outcome'][value='PASS']")));
        chromium.screenshot("tasklist-office-review");
        chromium.completeTask();
        poll(() -> "ACHIEVED".equals(status(id)));
        chromium.open("/console/tasks/" + id);
        assertThat(browser.findElement(By.id("task-history")).getText()).contains("签收", "反馈进展", "申报完成", "列入业绩清单");
        chromium.screenshot("office-task-achieved");
        chromium.signOut("/console");

        // 5. the 包保 leader finds it on their page
        chromium.open("/console/login");
        chromium.signIn("leader");
        chromium.open("/console/tasks/leader");
        assertThat(browser.findElement(By.id("leader-tasks")).getText()).contains(taskNo);
        chromium.screenshot("leader-page-with-entered-task");
    }

    /** Opens the open step of the task's process in Tasklist, which claims it on opening. */
    private void openTask(String processInstance, String stepKey) {
        org.camunda.bpm.engine.task.Task step = chromium.await(() -> taskService.createTaskQuery()
                .processInstanceId(processInstance).taskDefinitionKey(stepKey).active().singleResult(), "step " + stepKey);
        chromium.openTask(step.getId(), () -> taskService.createTaskQuery().taskId(step.getId()).singleResult().getAssignee() != null);
        wait.until(d -> d.findElements(By.cssSelector("form[role=form] [data-v='taskNo']")).stream()
                .anyMatch(e -> !e.getText().isBlank()));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }

    private void poll(java.util.function.BooleanSupplier probe) {
        chromium.await(() -> probe.getAsBoolean() ? Boolean.TRUE : null, "the task's next state");
    }

    private long taskId(String breakdown, String taskNo) {
        return jdbc.sql("select t.id from task t join task_breakdown b on b.id = t.breakdown_id where b.name = :b and t.task_no = :n")
                .param("b", breakdown).param("n", taskNo).query(Long.class).single();
    }

    private String status(long id) {
        return jdbc.sql("select status from task where id = :id").param("id", id).query(String.class).single();
    }

}
