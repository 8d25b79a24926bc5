package org.rectify.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
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
import org.rectify.support.FreePorts;
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
            int port = FreePorts.any();
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

    /** Cases accepted before the clocks move: their ladders are what the dead node leaves half-done. */
    private static final int LADDER_CASES = 60;

    @Test
    void killingANodeUnderLoadLosesNoAcknowledgedReportDuplicatesNoneAndTakesNoLadderStepTwice() throws Exception {
        // 1. cases with their ladder timers waiting, made on both nodes (签收 starts the ladder), before any clock moves
        List<Long> laddered = acceptedCases(LADDER_CASES);
        assertThat(laddered).as("cases reported and accepted before the clocks move").hasSize(LADDER_CASES);
        String ladderedIds = laddered.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));

        // 2. reports round-robin at about 50 a second, each client retrying its Idempotency-Key on the other node
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, Integer> retried = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        int total = 1_000;
        long startedAt = System.nanoTime();
        for (int n = 0; n < total; n++) {
            int number = n;
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
                            return null;
                        }
                    } catch (IOException lost) {
                        retried.merge(key, 1, Integer::sum);
                    }
                    Thread.sleep(200);
                }
                return null;
            });
        }
        clients.shutdown();

        // 3. Only node 2's clock moves: every ladder timer is due there and nowhere else, so node 2 locks and runs them
        // while reports arrive, and is killed half-way, holding locks.
        Thread.sleep(3000);
        OffsetDateTime node2MovedAt = OffsetDateTime.now();
        moveClock(1, movedTo);
        String ladderJobs = "from act_ru_job j join rectification_case c on c.process_instance_id = j.process_instance_id_"
                + " where c.id in (" + ladderedIds + ") and j.type_ = 'timer' and j.duedate_ <= :at";
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < waitUntil && db.sql("select count(distinct c.id) " + ladderJobs + " and j.lock_owner_ is not null")
                .param("at", dueBy()).query(Long.class).single() < 5) {
            Thread.sleep(100);
        }
        nodes.get(1).destroyForcibly().waitFor();
        System.out.println("KILLED node 2 at report " + sent.get());
        // its open transactions roll back when PostgreSQL sees its connections close
        Thread.sleep(2000);
        List<String> orphaned = db.sql("select j.id_ " + ladderJobs + " and j.lock_owner_ is not null").param("at", dueBy())
                .query(String.class).list();
        long orphanedCases = db.sql("select count(distinct c.id) " + ladderJobs + " and j.lock_owner_ is not null")
                .param("at", dueBy()).query(Long.class).single();
        long unfinishedCases = db.sql("select count(distinct c.id) " + ladderJobs).param("at", dueBy()).query(Long.class).single();
        System.out.println("KILL orphaned locked jobs=" + orphaned.size() + " of " + orphanedCases + " cases; cases with due ladder timers left="
                + unfinishedCases);
        assertThat(orphanedCases).as("cases whose ladder jobs the dead node held locked").isGreaterThanOrEqualTo(5);
        assertThat(unfinishedCases).as("cases whose ladder the dead node left unfinished").isGreaterThanOrEqualTo(LADDER_CASES / 2);

        // 4. the survivor's clock joins node 2's: it takes the free due jobs at once, the dead node's once their lock expires
        moveClock(0, movedTo.plus(Duration.between(node2MovedAt, OffsetDateTime.now())));
        assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOCK_SECONDS + 300L);
        long due = -1;
        while (System.nanoTime() < deadline) {
            due = db.sql("select count(*) from act_ru_job where retries_ > 0 and duedate_ <= :at").param("at", dueBy())
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
                select count(*) from rectification_case c where c.title like '节点故障%' and (c.process_instance_id is null
                   or not exists (select 1 from act_hi_procinst p where p.proc_inst_id_ = c.process_instance_id))""")
                .query(Long.class).single()).as("cases without their process").isZero();
        assertThat(due).as("due jobs left (the dead node's locked jobs not taken over)").isZero();
        assertThat(db.sql("select count(*) from act_ru_job where retries_ = 0").query(Long.class).single())
                .as("failed jobs").isZero();
        // the dead node's locked jobs, taken over by the survivor: each ended once (run, or cancelled by a step of its case)
        assertThat(db.sql("select count(*) from act_ru_job where id_ in (:ids)").param("ids", orphaned).query(Long.class).single())
                .as("the dead node's locked jobs still waiting").isZero();
        assertThat(db.sql("select count(distinct job_id_) from act_hi_job_log where job_state_ in (2, 3) and job_id_ in (:ids)")
                .param("ids", orphaned).query(Long.class).single()).as("the dead node's locked jobs ended").isEqualTo((long) orphaned.size());
        assertThat(db.sql("select count(*) from act_hi_job_log where job_state_ in (2, 3) and job_id_ in (:ids)")
                .param("ids", orphaned).query(Long.class).single()).as("the dead node's locked jobs ended once each").isEqualTo((long) orphaned.size());

        // every laddered case: urging and supervision taken once, each with one document and one history entry; the
        // warning (due before the deadline, reached after it) recorded once, taken or skipped
        String perCase = """
                select count(*) from rectification_case c where c.id in (%s) and (
                   (select count(*) from escalation_step s where s.case_id = c.id and s.step = 'URGING' and not s.skipped) <> 1
                or (select count(*) from escalation_step s where s.case_id = c.id and s.step = 'SUPERVISION' and not s.skipped) <> 1
                or (select count(*) from escalation_step s where s.case_id = c.id and s.step = 'WARNING') <> 1
                or (select count(*) from document d where d.case_id = c.id and d.type = 'URGING_NOTICE') <> 1
                or (select count(*) from document d where d.case_id = c.id and d.type = 'SUPERVISION_ORDER') <> 1
                or (select count(*) from case_event e where e.case_id = c.id and e.action = 'ESCALATION_URGING') <> 1
                or (select count(*) from case_event e where e.case_id = c.id and e.action = 'ESCALATION_SUPERVISION') <> 1
                or (select count(*) from case_event e where e.case_id = c.id
                       and (e.action = 'ESCALATION_WARNING' or (e.action = 'ESCALATION_SKIPPED' and e.details ->> 'step' = 'WARNING'))) <> 1)"""
                .formatted(ladderedIds);
        assertThat(db.sql(perCase).query(Long.class).single()).as("laddered cases whose steps, documents or history entries are not exactly one each")
                .isZero();
        List<String> steps = db.sql("select step || '=' || count(*) from escalation_step group by step").query(String.class).list();
        System.out.println("KILL ladder steps taken: " + steps);
    }

    private static final OffsetDateTime movedTo = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(40);

    /** Timers due by the moved clocks (the nodes and this JVM share the Asia/Shanghai zone the engine writes in). */
    private static java.time.LocalDateTime dueBy() {
        return movedTo.minusMinutes(1).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDateTime();
    }

    private void moveClock(int node, OffsetDateTime at) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(node) + "/api/demo/clock"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"at\":\"" + at + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
    }

    /** Reports and accepts {@code count} cases, four at a time, alternating nodes; returns the ids of those accepted. */
    private List<Long> acceptedCases(int count) throws Exception {
        List<Long> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int n = 0; n < count; n++) {
            int number = n;
            pool.submit(() -> {
                int port = ports.get(number % 2);
                HttpResponse<String> r = report(port, "ladder-" + number, number);
                java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(r.body());
                if (r.statusCode() < 300 && id.find()) {
                    HttpResponse<String> a = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases/" + id.group(1) + "/accept"))
                            .timeout(Duration.ofSeconds(60)).header("Authorization", HANDLER)
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    if (a.statusCode() == 200) {
                        ids.add(Long.parseLong(id.group(1)));
                    } else {
                        System.out.println("KILL accept refused " + a.statusCode() + " " + a.body());
                    }
                } else {
                    System.out.println("KILL ladder report refused " + r.statusCode() + " " + r.body());
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        return ids;
    }

    private static final String HANDLER = "Basic " + Base64.getEncoder().encodeToString("cgj-handler:demo".getBytes(StandardCharsets.UTF_8));

    private HttpResponse<String> report(int port, String key, int number) throws IOException, InterruptedException {
        String body = """
                {"categoryCode":"STREET_VENDING","source":"PATROL","severity":"GENERAL","title":"%s %d",
                 "description":"一个节点被强制结束时的上报","location":{"address":"星河路1号","latitude":%s,"longitude":%s},
                 "reporter":{"id":"patrol","name":"巡查员"}}""".formatted(key.startsWith("ladder") ? "节点故障阶梯" : "节点故障测试", number, 20 + (number % 6000) * 0.01,
                        key.startsWith("ladder") ? 101.0 : 100.0);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/reports"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", PATROL).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
