// Tasklist and 我的待办 as a handler's browser meets them: run against a running Rectify (demo profile).
//   java -cp "$(cat target/bench-classpath.txt)" bench/FieldBench.java http://localhost:8080 [rounds]
// bench/field-bench.sh builds the classpath, starts the app twice (before: compression and asset caching off;
// after: as shipped) and runs this. Figures are wall-clock medians of a warm browser (cache kept between rounds,
// as a handler's phone keeps it), and the transferred bytes of 我的待办 without photos.
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

public class FieldBench {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String user = "cgj-handler";
        seedTask(base, user);
        String weight;
        try {
            weight = pageWeight(base, user);
        } catch (Exception | AssertionError notThere) {
            weight = "not measured (" + notThere + "): a build without 我的待办";
        }
        System.out.println("page weight of /console/todo (" + user + "): " + weight);

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=zh-CN",
                "--window-size=1366,900");
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        List<Long> loginForm = new ArrayList<>();
        List<Long> signInToList = new ArrayList<>();
        List<Long> openTask = new ArrayList<>();
        try {
            for (int round = 0; round <= rounds; round++) {
                long t0 = System.nanoTime();
                browser.get(base + "/camunda/app/tasklist/default/");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
                long t1 = System.nanoTime();
                browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys(user);
                browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
                long t2 = System.nanoTime();
                browser.findElement(By.cssSelector("button[type=submit]")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.tasks-list li.task h4.task a")));
                long t3 = System.nanoTime();
                WebElement first = browser.findElement(By.cssSelector("ol.tasks-list li.task h4.task a"));
                first.click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[role=form] [data-rf], form[name=variablesForm], .task-details .form-container form")));
                long t4 = System.nanoTime();
                if (round > 0) { // round 0 fills the cache, as a handler's first visit does
                    loginForm.add((t1 - t0) / 1_000_000);
                    signInToList.add((t3 - t2) / 1_000_000);
                    openTask.add((t4 - t3) / 1_000_000);
                }
                ((JavascriptExecutor) browser).executeScript(
                        "return fetch('/camunda/api/admin/auth/user/default/logout', {method: 'POST', headers: {'X-XSRF-TOKEN': "
                                + "(document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || ''}})");
                Thread.sleep(300);
                browser.manage().deleteCookieNamed("JSESSIONID");
            }
        } finally {
            browser.quit();
        }
        System.out.println("Tasklist login form shown, ms (median, min-max of " + rounds + "): " + stats(loginForm));
        System.out.println("Tasklist sign-in to task list, ms: " + stats(signInToList));
        System.out.println("Tasklist opening a task, ms: " + stats(openTask));
    }

    static String stats(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) + " (" + sorted.get(0) + "–" + sorted.get(sorted.size() - 1) + ")";
    }

    /** One case for the handler, so that the list is not empty. */
    static void seedTask(String base, String user) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"categoryCode\":\"STREET_VENDING\",\"source\":\"PATROL\",\"severity\":\"GENERAL\",\"title\":\"基准测试占道\","
                + "\"description\":\"基准测试\",\"location\":{\"address\":\"星河路1号\",\"gridCode\":\"xhsq-01\",\"latitude\":31."
                + (100000 + (int) (Math.random() * 800000)) + ",\"longitude\":104.5},\"reporter\":{\"id\":\"patrol\",\"name\":\"巡查员\"}}";
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/reports"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("patrol:demo".getBytes()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Bytes on the wire for 我的待办's HTML, CSS and script (what a phone downloads; photos excluded). */
    static String pageWeight(String base, String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/console/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        csrf.find();
        http.send(HttpRequest.newBuilder(URI.create(base + "/console/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf=" + csrf.group(1))).build(),
                HttpResponse.BodyHandlers.discarding());
        long wire = 0;
        long plain = 0;
        StringBuilder parts = new StringBuilder();
        for (String path : List.of("/console/todo", "/console/assets/console.css", "/console/assets/todo.js")) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = r.body();
            boolean gzip = r.headers().firstValue("Content-Encoding").orElse("").contains("gzip");
            long unpacked = gzip ? new GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes().length : bytes.length;
            wire += bytes.length;
            plain += unpacked;
            parts.append(String.format("%s %d B (%d B unpacked, %s) ", path, bytes.length, unpacked,
                    r.headers().firstValue("Cache-Control").orElse("no cache header")));
        }
        return String.format("%.1f KB on the wire, %.1f KB unpacked — %s", wire / 1024.0, plain / 1024.0, parts);
    }
}
