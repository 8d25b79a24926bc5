package org.rectify.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectify.RectifyApplication;
import org.rectify.support.FreePorts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * PostgreSQL stopped and started again while reports arrive: every request during the outage is answered, quickly,
 * with 503 problem+json in Chinese (never a 500, never a hang), the application recovers by itself within 10 s of
 * the database's return, and no case is half-created. The application runs on a PostgreSQL of the test's own, so
 * the database can be stopped under it (failsafe: {@code *FaultTests}).
 */
class DatabaseOutageFaultTests {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("patrol:demo".getBytes(StandardCharsets.UTF_8));

    private static Path dataDir;
    private static int dbPort;
    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext app;
    private static int appPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("rectify-outage");
        dbPort = FreePorts.any();
        postgres = startPostgres();
        app = new SpringApplicationBuilder(RectifyApplication.class)
                .profiles("demo", "test")
                .run("--spring.datasource.url=jdbc:postgresql://localhost:" + dbPort + "/postgres",
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--server.port=0", "--spring.jmx.enabled=false", "--camunda.bpm.process-engine-name=outage",
                        "--camunda.bpm.job-execution.enabled=true");
        appPort = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pg")).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).setPort(dbPort).setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start();
    }

    @Test
    void aRestartOfTheDatabaseUnderLoadGives503sInChineseRecoversWithinTenSecondsAndLeavesNoHalfCase() throws Exception {
        assertThat(report("before").statusCode()).isEqualTo(201);

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            clients.submit(() -> {
                while (running.get() && sent.incrementAndGet() < 5_000) {
                    try {
                        HttpResponse<String> r = report("load-" + sent.get());
                        statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        String problem = judge(r);
                        if (problem != null && wrong.size() < 20) {
                            wrong.add(r.statusCode() + " " + problem + " " + r.body());
                        }
                        Thread.sleep(40);
                    } catch (InterruptedException e) {
                        return null;
                    } catch (IOException e) {
                        wrong.add("no answer: " + e);
                    }
                }
                return null;
            });
        }
        Thread.sleep(3_000);
        postgres.close();
        // during the outage: each answer comes within the connection timeout, as a 503 in Chinese
        Thread.sleep(4_000);
        long asked = System.nanoTime();
        HttpResponse<String> during = report("during");
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - asked);
        assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
        assertThat(during.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(new ObjectMapper().readTree(during.body()).path("detail").asText()).contains("数据库暂时不可用");
        assertThat(answeredIn).as("no hang").isLessThan(Duration.ofSeconds(10));

        postgres = startPostgres();
        long back = System.nanoTime();
        Duration recovered = null;
        while (Duration.ofNanos(System.nanoTime() - back).compareTo(Duration.ofSeconds(30)) < 0) {
            if (report("after-" + System.nanoTime()).statusCode() == 201) {
                recovered = Duration.ofNanos(System.nanoTime() - back);
                break;
            }
            Thread.sleep(200);
        }
        Thread.sleep(2_000);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        System.out.println("OUTAGE statuses=" + statuses + " recoveredIn=" + recovered + " answeredDuringOutageIn=" + answeredIn);

        assertThat(recovered).as("recovered after the database came back").isNotNull().isLessThan(Duration.ofSeconds(10));
        assertThat(wrong).as("answers other than 201 or a 503 problem in Chinese").isEmpty();
        assertThat(statuses.keySet()).as("statuses seen").containsOnly(201, 503);

        JdbcClient db = JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://localhost:" + dbPort + "/postgres",
                "postgres", "postgres"));
        assertThat(db.sql("select count(*) from rectification_case where process_instance_id is null").query(Long.class).single())
                .as("cases without their process").isZero();
        assertThat(db.sql("""
                select count(*) from rectification_case c where not exists
                  (select 1 from act_hi_procinst p where p.proc_inst_id_ = c.process_instance_id)""").query(Long.class).single())
                .as("cases whose process does not exist").isZero();
        assertThat(db.sql("""
                select count(*) from rectification_case c where not exists
                  (select 1 from case_event e where e.case_id = c.id and e.action = 'REPORTED')""").query(Long.class).single())
                .as("cases without their report in the history").isZero();
    }

    private static String judge(HttpResponse<String> r) {
        if (r.statusCode() == 201) {
            return null;
        }
        if (r.statusCode() != 503) {
            return "not 503";
        }
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "not problem+json";
        }
        try {
            JsonNode body = new ObjectMapper().readTree(r.body());
            return body.path("detail").asText().matches("(?s).*\\p{IsHan}.*") ? null : "detail not Chinese";
        } catch (IOException e) {
            return "not JSON";
        }
    }

    private static final AtomicInteger PLACES = new AtomicInteger();

    /** A report at a place of its own (1.1 km from the last), so that none repeats another. */
    private HttpResponse<String> report(String title) throws IOException, InterruptedException {
        int place = PLACES.incrementAndGet();
        String body = """
                {"categoryCode":"STREET_VENDING","source":"PATROL","severity":"GENERAL","title":"断库测试 %s",
                 "description":"数据库重启期间的上报","location":{"address":"星河路1号","gridCode":"xhsq-01",
                 "latitude":%s,"longitude":%s},"reporter":{"id":"patrol","name":"巡查员"}}"""
                .formatted(title, 20 + (place % 6000) * 0.01, 100 + (place / 6000) * 0.01);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + "/api/reports"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", AUTH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
