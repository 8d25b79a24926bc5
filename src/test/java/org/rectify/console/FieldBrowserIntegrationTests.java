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
import org.junit.jupiter.api.extension.RegisterExtension;
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
import org.rectify.support.Chromium;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

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

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;

    @RegisterExtension
    final Chromium.PerTest browsers = Chromium.perTest(390, 844, Duration.ofSeconds(30), Chromium.SCREENSHOTS, "field-");
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
    }

    @Test
    void aHandlerWorksTheNewCaseOnThePhoneAndTheSupervisorVerifiesItThere() throws Exception {
        phoneStory();
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
        chromium.open("/console");
        chromium.screenshot("phone-login");
        chromium.signIn("xfj-handler");
        wait.until(ExpectedConditions.urlContains("/console/todo"));
        chromium.allowGeolocation(latitude, longitude);
        chromium.open("/console/todo");
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
        chromium.screenshot("phone-todo-handler");

        chromium.click(card(number).findElement(By.xpath(".//button[normalize-space()='签收']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已签收"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains(number);
        // The queue reloads with the next step of the case: 提交整改, on the same card.
        wait.until(d -> !card(number).findElements(By.cssSelector("form.fix")).isEmpty());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已签收"));
        chromium.screenshot("phone-accepted");

        WebElement fix = card(number).findElement(By.cssSelector("form.fix"));
        fix.findElement(By.name("note")).sendKeys("纸箱已清走，消防通道畅通；过期灭火器已更换");
        Path photo = Files.createTempFile("after-", ".jpg");
        Files.write(photo, TestImages.jpeg(new Color(50, 160, 90)));
        fix.findElement(By.cssSelector("input.photos")).sendKeys(photo.toAbsolutePath().toString());
        wait.until(d -> card(number).findElements(By.cssSelector("form.fix .thumbs img")).size() == 1);
        wait.until(d -> card(number).findElement(By.cssSelector("form.fix .pos")).getText().contains("北纬"));
        chromium.screenshot("phone-fix-form");
        chromium.click(card(number).findElement(By.xpath(".//button[normalize-space()='提交整改']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "等待督查组核查"));
        chromium.screenshot("phone-fixed");
        JsonNode fixed = api.caseDetail(id);
        assertThat(fixed.get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
        assertThat(fixed.get("history").toString()).contains("提交时手机定位").contains("距问题位置约 22 米");
        assertThat(fixed.get("photos").findValuesAsText("stage")).containsExactly("BEFORE", "AFTER");
        chromium.signOut("/console/todo");

        chromium.signIn("supervisor");
        wait.until(ExpectedConditions.urlContains("/console/todo"));
        WebElement toVerify = card(number);
        assertThat(toVerify.findElements(By.cssSelector(".compare img"))).hasSize(2);
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return Array.from(arguments[0].querySelectorAll('.compare img')).every(i => i.complete && i.naturalWidth > 0)",
                card(number)));
        chromium.screenshot("phone-verify-supervisor");
        card(number).findElement(By.name("comment")).sendKeys("现场复查，通道畅通");
        chromium.click(card(number).findElement(By.xpath(".//button[normalize-space()='提交核查结论']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已销号"));
        wait.until(d -> d.findElements(By.xpath("//article[.//h2/a[normalize-space()='" + number + "']]")).isEmpty());
        chromium.screenshot("phone-verified");
        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("CLOSED");
        assertThat(browser.findElements(By.xpath("//article[.//h2/a[normalize-space()='" + number + "']]"))).isEmpty();
    }

    @Test
    void aHandlerCompletesAcceptAndFixInTasklistWithoutClaimingAndIsToldEachTime() throws Exception {
        tasklistStory();
    }

    private void tasklistStory() throws Exception {
        JsonNode receipt = api.reportCase(api.report("FIRE_FACILITIES", "GENERAL", "PATROL", "stsq-01"));
        long id = receipt.get("id").asLong();
        String instance = api.caseDetail(id).get("processInstanceId").asText();
        browser.manage().window().setSize(new Dimension(1366, 900));
        chromium.open("/console/login");
        chromium.signIn("xfj-handler");

        chromium.openCaseTask(taskService, instance, "UserTask_Accept");
        chromium.screenshot("tasklist-accept-opened");
        chromium.click(wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("input[name='rf-accept-outcome'][value='ACCEPT']"))));
        chromium.completeTask();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".rf-toast"), "已提交"));
        assertThat(browser.findElement(By.cssSelector(".rf-toast")).getText()).contains("签收");
        chromium.screenshot("tasklist-accepted");
        awaitStatus(id, "IN_RECTIFICATION");
        assertNoDeadEnds();

        chromium.openCaseTask(taskService, instance, "UserTask_Fix");
        List<WebElement> fixed = browser.findElements(By.cssSelector("input[name='rf-fix-outcome'][value='FIXED']"));
        if (!fixed.isEmpty()) {
            chromium.click(fixed.get(0));
        }
        browser.findElement(By.cssSelector("textarea[cam-variable-name='rectificationNote']")).sendKeys("消防通道已清理");
        Path after = Files.createTempFile("after-", ".jpg");
        Files.write(after, TestImages.jpeg(new Color(60, 160, 90)));
        browser.findElement(By.id("rf-after-1")).sendKeys(after.toAbsolutePath().toString());
        chromium.completeTask();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".rf-toast"), "限期整改"));
        chromium.screenshot("tasklist-fixed");
        awaitStatus(id, "AWAITING_VERIFICATION");

        // The list: each task carries its case's traffic light; nobody's task shows the meaningless priority.
        JsonNode other = api.reportCase(api.report("FIRE_FACILITIES", "GENERAL", "PATROL", "stsq-01"));
        chromium.open("/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.tasks-list li.task")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.tasks-list .rf-light")));
        assertThat(browser.findElement(By.cssSelector("ol.tasks-list")).getText()).contains(other.get("caseNumber").asText());
        chromium.screenshot("tasklist-list");
        assertNoDeadEnds();
    }

    private void assertNoDeadEnds() {
        String visible = browser.findElement(By.tagName("body")).getText();
        assertThat(visible).doesNotContain("新建任务").doesNotContain("发起流程").doesNotContain("Camunda 8");
        // In one script: Tasklist redraws its list when a task changes, which would leave a found element stale.
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('.tasks-list .priority')).some(e => e.offsetParent !== null)"))
                .as("no priority shown").isFalse();
    }

    private WebElement card(String number) {
        return browser.findElement(By.xpath("//article[.//h2/a[normalize-space()='" + number + "']]"));
    }

    private void awaitStatus(long id, String status) {
        chromium.await(() -> status.equals(api.caseDetail(id).get("status").asText()) ? Boolean.TRUE : null,
                "status " + status + " of case " + id);
    }

}
