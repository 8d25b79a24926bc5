package org.rectify.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare engine: one process (start → service task → user task), started and completed over HTTP, on an embedded
 * PostgreSQL as durable as Rectify's (fsync, synchronous commit and full page writes on), history full. What Rectify
 * adds on top of this (rules, numbering, history, documents, duplicate check, authorisation) is what the load tool
 * measures as a ratio.
 */
@SpringBootApplication
@RestController
public class BareEngineApplication {

    private final RuntimeService runtime;
    private final TaskService tasks;

    BareEngineApplication(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    public static void main(String[] args) {
        SpringApplication.run(BareEngineApplication.class, args);
    }

    // static: the engine needs the data source while this controller, which needs the engine, is being made
    @Bean(destroyMethod = "close")
    static EmbeddedPostgres embeddedPostgres(@Value("${bare.data-dir:./bare-data}") String dataDir) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(Path.of(dataDir, "postgres")).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").setServerConfig("max_connections", "100")
                .setServerConfig("max_wal_size", "4GB").setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("checkpoint_completion_target", "0.9").start();
    }

    @Bean
    static DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    @PostMapping("/start")
    Map<String, String> start() {
        return Map.of("id", runtime.startProcessInstanceByKey("bare", Map.of("severity", "GENERAL")).getId());
    }

    /**
     * The holiday backlog, bare: {@code n} instances of {@code bareTimers}, each with four timers due a month from
     * now (like a case's ladder), to fall due together when {@code POST /clock} moves the engine's clock past them.
     */
    @PostMapping("/timers")
    Map<String, Object> timers(@RequestParam int n) {
        Date due = Date.from(Instant.now().plus(Duration.ofDays(30)));
        Map<String, Object> variables = Map.of("warningAt", due, "deadline", due, "superviseAt", due, "transferAt", due);
        for (int i = 0; i < n; i++) {
            runtime.startProcessInstanceByKey("bareTimers", variables);
        }
        return Map.of("started", n, "dueAt", due.toInstant().toString());
    }

    /** BENCHMARK ONLY: moves the engine's clock, as Rectify's demo clock does ({@code at}: an ISO instant). */
    @PostMapping("/clock")
    Map<String, String> clock(@RequestParam String at) {
        ClockUtil.reset();
        ClockUtil.offset(Instant.parse(at).toEpochMilli() - System.currentTimeMillis());
        return Map.of("now", ClockUtil.now().toInstant().toString());
    }

    @PostMapping("/complete/{processInstanceId}")
    Map<String, String> complete(@PathVariable String processInstanceId) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        tasks.complete(task.getId(), Map.of("accepted", true));
        return Map.of("id", task.getId());
    }
}
