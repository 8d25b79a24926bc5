package org.rectify.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load tool (not a test): Rectify's {@code POST /api/reports} and {@code POST /api/cases/{id}/accept} against the
 * bare engine's start and complete, with 1 and 4 client threads, in one run, each phase of Rectify right after the
 * same phase of the bare engine. Prints a Markdown table of throughputs, medians and ratios with the machine's load.
 * <pre>java -cp target/classes:… org.rectify.bench.Load http://127.0.0.1:8080 http://127.0.0.1:8099 20</pre>
 */
public final class Load {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?([0-9a-f-]+)\"?");
    private static final AtomicInteger PLACES = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 100_000));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Phase(String name, int threads, int done, int failed, double perSecond, double medianMs, double p99Ms, String load,
            double appCpuMs, double databaseCpuMs) {
    }

    /**
     * -Dload.pids=bare:JVM:POSTMASTER,rectify:JVM:POSTMASTER (bench/intake-bench.sh sets it): whose CPU each phase
     * is charged, so that the table shows where a call's cost lies: in the application or in its database.
     */
    private final java.util.Map<String, long[]> pids = new java.util.HashMap<>();

    public static void main(String[] args) throws Exception {
        String rectify = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String bare = args.length > 1 ? args[1] : "http://127.0.0.1:8099";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        new Load().run(rectify, bare, seconds);
    }

    void run(String rectify, String bare, int seconds) throws Exception {
        for (String pair : System.getProperty("load.pids", "").split(",")) {
            String[] parts = pair.split(":");
            if (parts.length == 3) {
                pids.put(parts[0], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        String patrol = basic("patrol:demo");
        String handler = basic("cgj-handler:demo");
        List<Phase> phases = new ArrayList<>();
        // warm-up of both, not counted
        ConcurrentLinkedQueue<String> bareIds = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> caseIds = new ConcurrentLinkedQueue<>();
        phase("warm-up", 2, 5, n -> post(bare + "/start", null, null), bareIds);
        phase("warm-up", 2, 5, n -> post(rectify + "/api/reports", patrol, report()), caseIds);
        for (int threads : new int[] {1, 4}) {
            bareIds.clear();
            caseIds.clear();
            phases.add(phase("bare: start process", threads, seconds, n -> post(bare + "/start", null, null), bareIds));
            phases.add(phase("Rectify: POST /api/reports", threads, seconds, n -> post(rectify + "/api/reports", patrol, report()), caseIds));
            List<String> started = new ArrayList<>(bareIds);
            List<String> cases = new ArrayList<>(caseIds);
            phases.add(phase("bare: complete task", threads, seconds,
                    n -> n < started.size() ? post(bare + "/complete/" + started.get(n), null, null) : null, null));
            phases.add(phase("Rectify: POST /api/cases/{id}/accept", threads, seconds,
                    n -> n < cases.size() ? post(rectify + "/api/cases/" + cases.get(n) + "/accept", handler, "") : null, null));
        }
        print(phases);
    }

    /** Runs {@code call(n)} for n = 0, 1, … on {@code threads} threads for {@code seconds}; a null answer ends a thread. */
    private Phase phase(String name, int threads, int seconds, Function<Integer, HttpResponse<String>> call,
            ConcurrentLinkedQueue<String> ids) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long[] server = pids.get(name.startsWith("bare") ? "bare" : "rectify");
        long[] cpuBefore = server == null ? null : ServerCpu.of(server[0], server[1]);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long at = System.nanoTime();
                    HttpResponse<String> r = call.apply(next.getAndIncrement());
                    if (r == null) {
                        return;
                    }
                    if (r.statusCode() >= 300) {
                        failed.incrementAndGet();
                        continue;
                    }
                    latencies.add(System.nanoTime() - at);
                    if (ids != null) {
                        Matcher m = ID.matcher(r.body());
                        if (m.find()) {
                            ids.add(m.group(1));
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double median = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6;
        double appCpu = Double.NaN;
        double databaseCpu = Double.NaN;
        if (cpuBefore != null && !sorted.isEmpty()) {
            long[] cpuAfter = ServerCpu.of(server[0], server[1]);
            appCpu = (cpuAfter[0] - cpuBefore[0]) * ServerCpu.MS_PER_TICK / sorted.size();
            databaseCpu = (cpuAfter[1] - cpuBefore[1]) * ServerCpu.MS_PER_TICK / sorted.size();
        }
        Phase phase = new Phase(name, threads, sorted.size(), failed.get(), sorted.size() / elapsed, median, p99, loadAverage(),
                appCpu, databaseCpu);
        System.err.println(phase);
        return phase;
    }

    private static void print(List<Phase> phases) {
        System.out.println("| phase | threads | done | failed | per second | median ms | p99 ms | ratio to bare "
                + "| CPU ms per call: app JVM / its PostgreSQL | load average |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            String ratio = p.name().startsWith("Rectify") ? "%.2f".formatted(p.perSecond() / phases.get(i - 1).perSecond()) : "";
            String cpu = Double.isNaN(p.appCpuMs()) ? "" : "%.1f / %.1f".formatted(p.appCpuMs(), p.databaseCpuMs());
            System.out.printf("| %s | %d | %d | %d | %.1f | %.1f | %.1f | %s | %s | %s |%n", p.name(), p.threads(), p.done(), p.failed(),
                    p.perSecond(), p.medianMs(), p.p99Ms(), ratio, cpu, p.load());
        }
    }

    /** A report at a place of its own, 1.1 km from the last, so that none is a duplicate of another. */
    private static String report() {
        int place = PLACES.incrementAndGet();
        return """
                {"categoryCode":"STREET_VENDING","source":"PATROL","severity":"GENERAL","title":"基准上报 %d",
                 "description":"占道经营","location":{"address":"星河路88号","latitude":%s,"longitude":%s},
                 "reporter":{"id":"patrol","name":"巡查员"}}""".formatted(place, 20 + (place % 6000) * 0.01,
                100 + (place / 6000 % 100) * 0.01);
    }

    private HttpResponse<String> post(String url, String auth, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (auth != null) {
                request.header("Authorization", auth);
            }
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
