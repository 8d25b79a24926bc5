package org.rectify.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectify.RectifyApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two application nodes as separate processes ({@code java} with the test's class path) on one PostgreSQL that the
 * test starts, reports sent round-robin at about 50 a second, the business clock of both moved past every deadline
 * so the ladder timers fall due on both, and one node killed with SIGKILL in the middle of it: every report
 * acknowledged is in the database with its process, none twice (a report whose answer was lost is retried with its
 * Idempotency-Key against the survivor), the dead node's locked jobs are taken over once their lock expires, and no
 * ladder step is taken twice.
 */
class NodeKilledFaultTests {

    private static final String PATROL = "Basic " + Base64.getEncoder().encodeToString("patrol:demo".getBytes(StandardCharsets.UTF_8));
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
    private static final int LOCK_SECONDS = 15;

    private static EmbeddedPostgres postgres;
    private static final List<Process> nodes = new ArrayList<>();
    private static final List<Integer> ports = new ArrayList<>();
    private static JdbcClient db;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory("rectify-kill").resolve("pg"))
                .setCleanDataDirectory(true).setRegisterShutdownHook(true).start();
        db = JdbcClient.create(new DriverManagerDataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"));
        // one after the other: the first seeds the demo organisation, the second finds it
        for (int i = 0; i < 2; i++) {
            int port = freePort();
            ports.add(port);
            nodes.add(startNode(port, i));
            awaitUp(port);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        nodes.forEach(Process::destroyForcibly);
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Process startNode(int port, int index) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("rectify-node-" + index, ".log");
        System.out.println("NODE " + index + " port " + port + " log " + log);
        return new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), RectifyApplication.class.getName(),
                "--spring.profiles.active=demo,test", "--server.port=" + port,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_SECONDS * 1000)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitUp(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (System.nanoTime() < until) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("node on port " + port + " did not start");
    }

    @Test
    void killingANodeUnderLoadLosesNoAcknowledgedReportDuplicatesNoneAndTakesNoLadderStepTwice() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, Integer> retried = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        int total = 1_000;
        long startedAt = System.nanoTime();
        for (int n = 0; n < total; n++) {
            int number = n;
            // about 50 a second
            long due = startedAt + TimeUnit.MILLISECONDS.toNanos(number * 20L);
            clients.submit(() -> {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String key = "kill-" + number;
                // round-robin; a node that does not answer is skipped and the same key retried on the next one
                for (int attempt = 0; attempt < 6; attempt++) {
                    int node = (number + attempt) % 2;
                    try {
                        HttpResponse<String> r = report(ports.get(node), key, number);
                        sent.incrementAndGet();
                        if (r.statusCode() == 201 || r.statusCode() == 200) {
                            acknowledged.add(key);
                            if (number < 300) {
                                // accepted (签收): its ladder timers start, to fall due when the clocks move
                                accept(ports.get(node), r.body());
                            }
                            return null;
                        }
                    } catch (IOException lost) {
                        retried.merge(key, 1, Integer::sum);
                    }
                    Thread.sleep(200);
                }
                return null;
            });
            if (n == 300) {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(Math.max(0, due - System.nanoTime())));
                // every deadline past, on both nodes: the ladder timers fall due everywhere at once
                moveClock(0);
                moveClock(1);
            }
            if (n == 500) {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(Math.max(0, due - System.nanoTime())));
                nodes.get(1).destroyForcibly();
                System.out.println("KILLED node 1 at report " + n);
            }
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

        // what the survivor must take over: every job due by the moved clock, those the dead node had locked too
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOCK_SECONDS + 150L);
        long due = -1;
        while (System.nanoTime() < deadline) {
            due = db.sql("select count(*) from act_ru_job where retries_ > 0 and duedate_ <= :at")
                    .param("at", movedTo.minusMinutes(1).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDateTime())
                    .query(Long.class).single();
            if (due == 0) {
                break;
            }
            Thread.sleep(2000);
        }
        System.out.println("KILL acknowledged=" + acknowledged.size() + " retried=" + retried.size() + " sent=" + sent.get());

        assertThat(acknowledged).as("acknowledged reports").hasSizeGreaterThan(total * 9 / 10);
        List<String> keys = db.sql("select key from idempotency_key where key like 'kill-%' and case_id is not null")
                .query(String.class).list();
        assertThat(keys).as("every acknowledged report is stored").containsAll(acknowledged).doesNotHaveDuplicates();
        assertThat(db.sql("select count(*) from rectification_case where title like '节点故障测试 %'").query(Long.class).single())
                .as("one case per report, none twice").isEqualTo((long) keys.size());
        assertThat(db.sql("""
                select count(*) from rectification_case c where c.title like '节点故障测试 %' and (c.process_instance_id is null
                   or not exists (select 1 from act_hi_procinst p where p.proc_inst_id_ = c.process_instance_id))""")
                .query(Long.class).single()).as("cases without their process").isZero();
        assertThat(due).as("due jobs left (the dead node's locked jobs not taken over)").isZero();
        assertThat(db.sql("select count(*) from act_ru_job where retries_ = 0").query(Long.class).single())
                .as("failed jobs").isZero();
        // each ladder step once: its row is unique, and the document it issues exists exactly once per step row
        assertThat(db.sql("""
                select count(*) from (select s.case_id, s.step, count(d.id) as documents,
                       (select count(*) from escalation_step t where t.case_id = s.case_id and t.step = s.step) as steps
                   from escalation_step s left join document d on d.case_id = s.case_id
                        and d.type = case s.step when 'URGING' then 'URGING_NOTICE' when 'SUPERVISION' then 'SUPERVISION_ORDER' end
                   where s.step in ('URGING', 'SUPERVISION') group by s.case_id, s.step) x where documents <> steps""")
                .query(Long.class).single()).as("ladder steps whose document was issued more or less than once").isZero();
        List<String> steps = db.sql("select step || '=' || count(*) from escalation_step group by step").query(String.class).list();
        System.out.println("KILL ladder steps taken: " + steps);
        assertThat(steps).as("ladder steps taken after the clocks moved").isNotEmpty();
    }

    private static OffsetDateTime movedTo;

    private void moveClock(int node) throws IOException, InterruptedException {
        if (movedTo == null) {
            movedTo = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(40);
        }
        String at = movedTo.toString();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(node) + "/api/demo/clock"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"at\":\"" + at + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
    }

    private static final String HANDLER = "Basic " + Base64.getEncoder().encodeToString("cgj-handler:demo".getBytes(StandardCharsets.UTF_8));

    private void accept(int port, String receipt) throws IOException, InterruptedException {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(receipt);
        if (id.find()) {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases/" + id.group(1) + "/accept"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", HANDLER)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> report(int port, String key, int number) throws IOException, InterruptedException {
        String body = """
                {"categoryCode":"STREET_VENDING","source":"PATROL","severity":"GENERAL","title":"节点故障测试 %d",
                 "description":"一个节点被强制结束时的上报","location":{"address":"星河路1号","latitude":%s,"longitude":%s},
                 "reporter":{"id":"patrol","name":"巡查员"}}""".formatted(number, 20 + (number % 6000) * 0.01, 100.0);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/reports"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", PATROL).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
