package org.rectify.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The holiday backlog benchmark (not a test; {@code bench/timer-backlog.sh} drives it).
 * <ul>
 * <li>{@code seed <rectify> <cases> <threads>}: reports and accepts (签收) {@code cases} cases through the API, so
 * each has its real process with its four ladder timers waiting.</li>
 * <li>{@code drain <jdbc-url> <nodes,…> <rectify|bare>}: moves the clock of every node 40 days on (Rectify's
 * demo-profile {@code /api/demo/clock}, the bare engine's {@code /clock}), then, until no timer due by then is left in
 * {@code act_ru_job}, counts the due timers each second and (Rectify) reads a random accepted case with
 * {@code GET /api/cases/{id}} on one thread; prints timers drained, seconds, jobs/s, the case read's median and p99, the
 * load average, and (Rectify) the exactly-once checks in SQL.</li>
 * </ul>
 */
public final class TimerBacklog {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final String PATROL = basic("patrol:demo");
    private static final String HANDLER = basic("cgj-handler:demo");
    private static final String ADMIN = basic("admin:demo");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // one session per account: a password check (bcrypt) per request would cost more than the request itself
    private final java.util.Map<String, HttpClient> sessions = new java.util.concurrent.ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        TimerBacklog bench = new TimerBacklog();
        switch (args[0]) {
            case "seed" -> bench.seed(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "seed-in-app" -> bench.seedInApp(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "drain" -> bench.drain(args[1], List.of(args[2].split(",")), args[3].equals("bare"));
            default -> throw new IllegalArgumentException("seed | drain");
        }
    }

    void seed(String rectify, int cases, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        int base = (int) (System.currentTimeMillis() / 1000 % 1_000_000);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < cases; n = next.getAndIncrement()) {
                    int place = base + n;
                    // a place of its own 1.1 km from the last, so that no report is a duplicate of another
                    String report = """
                            {"categoryCode":"STREET_VENDING","source":"PATROL","severity":"GENERAL","title":"节后积压基准 %d",
                             "description":"占道经营","location":{"address":"星河路88号","latitude":%s,"longitude":%s},
                             "reporter":{"id":"patrol","name":"巡查员"}}""".formatted(place, 20 + (place % 6000) * 0.01,
                            100 + (place / 6000 % 100) * 0.01);
                    HttpResponse<String> r = post(rectify + "/api/reports", PATROL, report);
                    Matcher id = ID.matcher(r.body());
                    if (r.statusCode() >= 300 || !id.find()) {
                        failed.incrementAndGet();
                        System.err.println("report " + r.statusCode() + " " + r.body());
                        continue;
                    }
                    HttpResponse<String> a = post(rectify + "/api/cases/" + id.group(1) + "/accept", HANDLER, "");
                    if (a.statusCode() >= 300) {
                        failed.incrementAndGet();
                        System.err.println("accept " + a.statusCode() + " " + a.body());
                    } else if (accepted.incrementAndGet() % 500 == 0) {
                        System.err.printf("seeded %d in %.0f s%n", accepted.get(), (System.nanoTime() - started) / 1e9);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
        System.out.printf("seeded: %d cases accepted, %d failed, %.0f s, load %s%n", accepted.get(), failed.get(),
                (System.nanoTime() - started) / 1e9, loadAverage());
    }

    /**
     * As {@link #seed}, through the demo profile's bulk seeding ({@code POST /api/demo/backlog}): the same intake and
     * acceptance code inside the application, {@value #CHUNK} cases a call, ten to a transaction, no HTTP round trip
     * and no commit per case.
     */
    void seedInApp(String rectify, int cases, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        // places no earlier run used in this data directory (a place repeats only after 600 000 cases)
        int base = (int) (System.currentTimeMillis() / 1000 % 1_000_000);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (int from = next.getAndAdd(CHUNK); from < cases; from = next.getAndAdd(CHUNK)) {
                    int n = Math.min(CHUNK, cases - from);
                    HttpResponse<String> r = post(rectify + "/api/demo/backlog", ADMIN,
                            "{\"first\":" + (base + from) + ",\"cases\":" + n + ",\"perTransaction\":10}");
                    if (r.statusCode() >= 300) {
                        failed.addAndGet(n);
                        System.err.println("backlog " + r.statusCode() + " " + r.body());
                    } else if (accepted.addAndGet(n) % 1000 < CHUNK) {
                        System.err.printf("seeded %d in %.0f s, load %s%n", accepted.get(), (System.nanoTime() - started) / 1e9, loadAverage());
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
        System.out.printf("seeded in the app: %d cases accepted, %d failed, %.0f s, load %s%n", accepted.get(), failed.get(),
                (System.nanoTime() - started) / 1e9, loadAverage());
    }

    private static final int CHUNK = 100;

    void drain(String jdbcUrl, List<String> nodes, boolean bare) throws Exception {
        OffsetDateTime movedTo = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(40);
        if (!bare) {
            // from the node's own clock, in case an earlier run moved it already
            Matcher now = Pattern.compile("\"now\"\\s*:\\s*\"([^\"]+)\"").matcher(get(nodes.get(0) + "/api/demo/clock", ADMIN).body());
            if (now.find()) {
                movedTo = OffsetDateTime.parse(now.group(1)).plusDays(40);
            }
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            // the engine writes due dates in its JVM's zone, as this tool reads them (both run with the same user.timezone)
            String due = "select count(*) from act_ru_job where type_ = 'timer' and retries_ > 0 and duedate_ <= '"
                    + new java.sql.Timestamp(movedTo.minusMinutes(1).toInstant().toEpochMilli()) + "'";
            String succeeded = "select count(*) from act_hi_job_log where job_state_ = 2";
            long timersBefore = count(db, due);
            long succeededBefore = count(db, succeeded);
            List<Long> caseIds = bare ? List.of() : ids(db, "select id from rectification_case where status = 'IN_RECTIFICATION' limit 20000");
            System.err.printf("due after the move: %d timers; load %s%n", timersBefore, loadAverage());
            AtomicBoolean done = new AtomicBoolean();
            List<Long> reads = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger readFailures = new AtomicInteger();
            Thread reader = new Thread(() -> {
                while (!done.get() && !caseIds.isEmpty()) {
                    long id = caseIds.get(ThreadLocalRandom.current().nextInt(caseIds.size()));
                    long at = System.nanoTime();
                    HttpResponse<String> r = get(nodes.get(reads.size() % nodes.size()) + "/api/cases/" + id, ADMIN);
                    if (r == null || r.statusCode() != 200) {
                        readFailures.incrementAndGet();
                    } else {
                        reads.add(System.nanoTime() - at);
                    }
                    sleep(100);
                }
            });
            long started = System.nanoTime();
            for (String node : nodes) {
                HttpResponse<String> r = bare ? post(node + "/clock?at=" + movedTo.toInstant(), null, null)
                        : post(node + "/api/demo/clock", ADMIN, "{\"at\":\"" + movedTo + "\"}");
                if (r.statusCode() >= 300) {
                    throw new IllegalStateException("clock not moved on " + node + ": " + r.body());
                }
            }
            reader.start();
            long left = timersBefore;
            long firstTaken = -1;
            long lastPrint = 0;
            while (left > 0) {
                sleep(1000);
                left = count(db, due);
                long elapsed = System.nanoTime() - started;
                if (firstTaken < 0 && left < timersBefore) {
                    firstTaken = elapsed;
                }
                if (elapsed - lastPrint > TimeUnit.SECONDS.toNanos(15)) {
                    lastPrint = elapsed;
                    System.err.printf("%4.0f s: %d due timers left, load %s%n", elapsed / 1e9, left, loadAverage());
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            done.set(true);
            reader.join();
            long jobs = count(db, succeeded) - succeededBefore;
            List<Long> sorted = new ArrayList<>(reads);
            Collections.sort(sorted);
            System.out.printf("drained: %d due timers (%d jobs succeeded, timers and what they started) in %.0f s "
                    + "(first taken after %.1f s): %.1f timers/s, %.1f jobs/s on %d node(s); load %s%n",
                    timersBefore, jobs, seconds, firstTaken / 1e9, timersBefore / seconds, jobs / seconds, nodes.size(), loadAverage());
            if (!sorted.isEmpty()) {
                System.out.printf("case reads meanwhile: %d, median %.0f ms, p99 %.0f ms, max %.0f ms, failed %d%n", sorted.size(),
                        sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                        sorted.get(sorted.size() - 1) / 1e6, readFailures.get());
            }
            if (!bare) {
                exactlyOnce(db);
            }
            System.out.printf("failed jobs (no retries left): %d%n", count(db, "select count(*) from act_ru_job where retries_ = 0"));
        }
    }

    /** Each ladder step once per case and round, each of its documents and history entries once per step. */
    private static void exactlyOnce(Connection db) throws SQLException {
        System.out.println("ladder steps taken: " + rows(db, "select step || '=' || count(*) from escalation_step where not skipped group by step order by step"));
        System.out.println("steps skipped (late warnings): " + count(db, "select count(*) from escalation_step where skipped"));
        System.out.println("cases with a step twice in one round: " + count(db, """
                select count(*) from (select case_id, round, step from escalation_step group by case_id, round, step
                  having count(*) > 1) x"""));
        System.out.println("steps whose document exists more or less than once: " + count(db, """
                select count(*) from (select s.case_id, s.step, count(d.id) as documents,
                       (select count(*) from escalation_step t where t.case_id = s.case_id and t.step = s.step and not t.skipped) as steps
                   from escalation_step s left join document d on d.case_id = s.case_id
                        and d.type = case s.step when 'URGING' then 'URGING_NOTICE' when 'SUPERVISION' then 'SUPERVISION_ORDER' end
                   where s.step in ('URGING', 'SUPERVISION') and not s.skipped group by s.case_id, s.step) x where documents <> steps"""));
        System.out.println("cases with a ladder entry twice in their history: " + count(db, """
                select count(*) from (select case_id, action, details ->> 'round' from case_event where action like 'ESCALATION\\_%'
                  group by case_id, action, details ->> 'round' having count(*) > 1) x"""));
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            System.err.println(e.getMessage());
            return -1;
        }
    }

    private static List<Long> ids(Connection db, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }

    private static List<String> rows(Connection db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    private HttpResponse<String> get(String url, String auth) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", auth)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private HttpResponse<String> post(String url, String auth, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(900))
                    .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (auth != null) {
                request.header("Authorization", auth);
            }
            if (json != null && !json.isEmpty()) {
                request.header("Content-Type", "application/json");
            }
            HttpClient client = auth == null ? http : sessions.computeIfAbsent(auth, a -> HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5)).cookieHandler(new java.net.CookieManager()).build());
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
