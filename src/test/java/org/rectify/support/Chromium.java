package org.rectify.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (nothing is downloaded), in Chinese and in
 * Shanghai's time zone, with the console's and Tasklist's common moves: open a page, sign in and out, open a task in
 * Tasklist, take a whole-page screenshot, keep what the page and the network said when a test fails.
 * Register {@link #perTest} as an extension (or call {@link #assumeInstalled()} from a {@code @BeforeAll}): where
 * Chromium is missing the test is skipped with a message that says how to install it.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String base;
    private final Path folder;
    private final String prefix;
    private int shot;

    private Chromium(ChromeDriver driver, Duration patience, String base, Path folder, String prefix) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, patience);
        this.wait.ignoring(StaleElementReferenceException.class);
        this.base = base;
        this.folder = folder;
        this.prefix = prefix;
    }

    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "跳过浏览器测试：没有 /usr/bin/chromium 或 /usr/bin/chromedriver（Debian: apt-get install -y chromium "
                        + "chromium-driver fonts-wqy-zenhei）");
    }

    /**
     * A browser on the app at {@code port} with a window of the given size; screenshots go to {@code folder} named
     * {@code <prefix>NN-<name>.png}. {@code patience} is how long a wait may last (the build machine is shared).
     */
    public static Chromium start(int port, int width, int height, Duration patience, Path folder, String prefix) {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "Asia/Shanghai", "LANGUAGE", "zh_CN:zh", "LANG", "zh_CN.UTF-8")).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--force-device-scale-factor=1",
                "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.INFO);
        options.setCapability("goog:loggingPrefs", logs);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Chromium(new ChromeDriver(service, options), patience, "http://localhost:" + port, folder, prefix);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiter() {
        return wait;
    }

    public String base() {
        return base;
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Opens a path of the app and waits for the document, not for the scripts' network traffic. */
    public void open(String path) {
        driver.get(base + path);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Fills in the console's sign-in page (already open) and waits to be let in. */
    public void signIn(String user) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/console/login'] button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/console/login"));
    }

    /** Signs out with the 退出 button of the console page at {@code page}. */
    public void signOut(String page) {
        open(page);
        click(driver.findElement(By.xpath("//button[normalize-space()='退出']")));
        wait.until(ExpectedConditions.urlContains("/console/login"));
    }

    /** Tasklist and the phone pages scroll inside their own regions: bring the element to the middle first. */
    public void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Lets the page read a fixed position, as a phone whose owner allowed location would. */
    public void allowGeolocation(double latitude, double longitude) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base, "permissions", List.of("geolocation")));
        driver.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", latitude, "longitude", longitude, "accuracy", 10));
    }

    /**
     * Opens a task in Tasklist and waits until its form is shown and the task is claimed ({@code claimed} asks the
     * engine): Rectify's Tasklist script claims a task when its handler opens it, so nobody clicks 认领.
     */
    public void openTask(String taskId, BooleanSupplier claimed) {
        open("/camunda/app/tasklist/default/#/?task=" + taskId);
        By form = By.cssSelector("form[role=form]");
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.presenceOfElementLocated(form));
        } catch (TimeoutException e) {
            // On a machine this busy, Tasklist's first (uncached) start can exceed RequireJS's load timeout; a
            // person would reload, and so does the test, once, with the scripts now in the browser's cache.
            System.err.println("Tasklist did not start within 60 s; reloading once: " + browserLog());
            driver.navigate().refresh();
            new WebDriverWait(driver, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.presenceOfElementLocated(form));
        }
        await(() -> claimed.getAsBoolean() ? Boolean.TRUE : null, "the claim of task " + taskId);
        // Tasklist redraws the task after the claim: wait for the claim button to be gone
        wait.until(d -> d.findElements(By.cssSelector("[ng-click='claim()']")).stream().noneMatch(WebElement::isDisplayed));
    }

    /**
     * Opens the instance's active task of step {@code taskKey} in Tasklist (waiting for the engine to create it) and
     * waits until it is claimed and the case's history is drawn in its form.
     */
    public Task openCaseTask(TaskService tasks, String processInstance, String taskKey) {
        Task task = await(() -> tasks.createTaskQuery().processInstanceId(processInstance).taskDefinitionKey(taskKey)
                .active().singleResult(), "task " + taskKey);
        openTask(task.getId(), () -> tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() != null);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[role=form] [data-rf='history'] li")));
        return task;
    }

    /** Clicks Tasklist's 完成 once it is enabled. */
    public void completeTask() {
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))));
    }

    /** Polls until {@code probe} gives a value (not null); on a timeout the page is saved as a screenshot. */
    public <T> T await(Supplier<T> probe, String what) {
        try {
            return Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(probe::get, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            screenshot("timeout");
            throw e;
        }
    }

    /** The whole page, not just the window: the window is stretched to the page's height for the picture. */
    public void screenshot(String name) {
        try {
            Dimension window = driver.manage().window().getSize();
            Number height = (Number) driver.executeScript(
                    "return Math.max(document.body ? document.body.scrollHeight : 0, document.documentElement.scrollHeight)");
            int full = Math.min(Math.max(window.getHeight(), height.intValue() + 140), 6000);
            driver.manage().window().setSize(new Dimension(window.getWidth(), full));
            File file = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), folder.resolve("%s%02d-%s.png".formatted(prefix, ++shot, name)),
                    StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(window);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps what a failed test saw, under {@code <prefix><name>}: a screenshot, the page's HTML, the browser's console
     * and every response with an error status.
     */
    public void saveFailure(String name) {
        try {
            screenshot(name);
            Files.writeString(folder.resolve(prefix + name + ".html"), driver.getPageSource());
            Files.write(folder.resolve(prefix + name + "-console.txt"), browserLog());
            List<String> failed = new ArrayList<>();
            for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
                String message = entry.getMessage();
                if (message.contains("\"Network.responseReceived\"") && message.matches("(?s).*\"status\":[45]\\d\\d.*")) {
                    failed.add(message.replaceAll("(?s).*\"url\":\"([^\"]*)\".*\"status\":(\\d+).*", "$2 $1"));
                }
            }
            Files.write(folder.resolve(prefix + name + "-network.txt"), failed);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not keep the failed page: " + e);
        }
    }

    /** What the page wrote to the browser's console since the last call (each call drains the log). */
    public List<String> browserLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    /** The page's JavaScript errors since the last read of the browser log (uncaught exceptions, failed scripts). */
    public List<String> javaScriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }

    /**
     * A browser for each test of a {@code @RectifyIntegrationTest} class, as a field
     * {@code @RegisterExtension final Chromium.PerTest browsers = Chromium.perTest(...)}: the class is skipped with a
     * message where Chromium is missing, each test gets a fresh browser on the app's port ({@link #get()}), closed
     * after it; a test that fails leaves its page behind ({@link #saveFailure}, named {@code failure-<test method>}).
     */
    public static PerTest perTest(int width, int height, Duration patience, Path folder, String prefix) {
        return new PerTest(width, height, patience, folder, prefix);
    }

    public static final class PerTest implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
            TestExecutionExceptionHandler {

        private final int width;
        private final int height;
        private final Duration patience;
        private final Path folder;
        private final String prefix;
        private Chromium current;

        private PerTest(int width, int height, Duration patience, Path folder, String prefix) {
            this.width = width;
            this.height = height;
            this.patience = patience;
            this.folder = folder;
            this.prefix = prefix;
        }

        public Chromium get() {
            return current;
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            assumeInstalled();
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            // registered on an instance field, the extension never gets beforeAll: check here too
            assumeInstalled();
            String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
            current = start(Integer.parseInt(port), width, height, patience, folder, prefix);
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            if (current != null) {
                current.saveFailure("failure-" + context.getRequiredTestMethod().getName());
            }
            throw failure;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
