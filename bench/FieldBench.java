// Tasklist and 我的待办 as a handler's browser meets them: run against a running Rectify (demo profile).
//   java -cp "$(cat target/bench-classpath.txt)" bench/FieldBench.java http://localhost:8080 [rounds]
//   java -cp … bench/FieldBench.java before=http://localhost:18089,after=http://localhost:18090 [rounds]
// bench/field-bench.sh builds the classpath, starts two servers side by side (before: compression and asset caching
// off, or an older build; after: as shipped) and runs this against both, alternating round by round. Figures are
// wall-clock medians of a warm browser (cache kept between rounds, as a handler's phone keeps it), and the
// transferred bytes of 我的待办 without photos.
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

public class FieldBench {

    /** One server under test: its browser (cache kept across rounds) and its figures. */
    record Side(String label, String base, ChromeDriver browser, WebDriverWait waiter, List<Long> loginForm,
            List<Long> signInToList, List<Long> openTask) {
    }

    public static void main(String[] args) throws Exception {
        // "http://host:port" or several "label=http://host:port" separated by commas: the servers are measured round by
        // round in turn (the order swapped every round), so that a shared machine's load falls on each alike.
        String[] targets = (args.length > 0 ? args[0] : "http://localhost:8080").split(",");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String user = "cgj-handler";
        List<Side> sides = new ArrayList<>();
        try {
            for (String target : targets) {
                String label = target.contains("=") ? target.substring(0, target.indexOf('=')) : "";
                String base = target.substring(target.indexOf('=') + 1);
                seedTask(base, user);
                String weight;
                try {
                    weight = pageWeight(base, user);
                } catch (Exception | AssertionError notThere) {
                    weight = "not measured (" + notThere + "): a build without 我的待办";
                }
                System.out.println(label + " page weight of /console/todo (" + user + "): " + weight);
                ChromeOptions options = new ChromeOptions();
                options.setBinary("/usr/bin/chromium");
                options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=zh-CN",
                        "--window-size=1366,900");
                ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
                // Polled every 20 ms: WebDriver's default 500 ms rounded every figure up to the next poll.
                sides.add(new Side(label, base, browser, new WebDriverWait(browser, Duration.ofSeconds(180), Duration.ofMillis(20)),
                        new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            }
            for (int round = 0; round <= rounds; round++) {
                List<Side> order = new ArrayList<>(sides);
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                for (Side side : order) {
                    round(side, user, round > 0); // round 0 fills the cache, as a handler's first visit does
                }
            }
        } finally {
            sides.forEach(side -> side.browser().quit());
        }
        for (Side side : sides) {
            String label = side.label().isEmpty() ? "" : side.label() + ": ";
            System.out.println(label + "Tasklist login form shown, ms (median, min-max of " + rounds + "): " + stats(side.loginForm()));
            System.out.println(label + "Tasklist sign-in to task list, ms: " + stats(side.signInToList()));
            System.out.println(label + "Tasklist opening a task, ms: " + stats(side.openTask()));
        }
    }

    static void round(Side side, String user, boolean counted) throws InterruptedException {
        ChromeDriver browser = side.browser();
        WebDriverWait wait = side.waiter();
        By firstTask = By.cssSelector("ol.tasks-list li.task h4.task a");
        long t0 = System.nanoTime();
        browser.get(side.base() + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        long t1 = System.nanoTime();
        browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        long t2 = System.nanoTime();
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(firstTask));
        long t3 = System.nanoTime();
        // Tasklist draws the list once per answer to its two identical list requests: the first link may be replaced.
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(firstTask).click();
            return true;
        });
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[role=form] [data-rf], form[name=variablesForm], .task-details .form-container form")));
        long t4 = System.nanoTime();
        if (counted) {
            side.loginForm().add((t1 - t0) / 1_000_000);
            side.signInToList().add((t3 - t2) / 1_000_000);
            side.openTask().add((t4 - t3) / 1_000_000);
        }
        ((JavascriptExecutor) browser).executeScript(
                "return fetch('/camunda/api/admin/auth/user/default/logout', {method: 'POST', headers: {'X-XSRF-TOKEN': "
                        + "(document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || ''}})");
        Thread.sleep(300);
        browser.manage().deleteCookieNamed("JSESSIONID");
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
