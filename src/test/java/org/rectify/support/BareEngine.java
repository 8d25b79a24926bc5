package org.rectify.support;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * A plain Camunda engine (no Spring context) on its own embedded PostgreSQL, as the app runs on, for fast tests of the
 * paths through each diagram in {@code processes/}: started once per test JVM (schema created once), the diagrams'
 * {@code ${bean}} delegates and listeners replaced by Mockito mocks through Camunda's {@link Mocks}, time moved with
 * {@link ClockUtil} and due timers run by hand (no job executor). Assert paths with camunda-bpm-assert.
 */
public final class BareEngine {

    private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
    private static ProcessEngine engine;
    private static EmbeddedPostgres postgres;

    private BareEngine() {
    }

    public static synchronized ProcessEngine get() {
        if (engine == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
            configuration.setDataSource(postgres.getPostgresDatabase());
            configuration.setDatabaseSchemaUpdate("true");
            configuration.setHistory("full");
            configuration.setJobExecutorActivate(false);
            configuration.setDbMetricsReporterActivate(false);
            configuration.setMetricsEnabled(false);
            configuration.setProcessEngineName("bare-path-tests");
            configuration.setExpressionManager(new MockExpressionManager());
            engine = configuration.buildProcessEngine();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                engine.close();
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is going away anyway
                }
            }));
        }
        return engine;
    }

    /** Deploys a diagram of {@code processes/} (again only if it changed) and returns the engine. */
    public static ProcessEngine deploying(String file) {
        ProcessEngine processEngine = get();
        try {
            processEngine.getRepositoryService().createDeployment().name("path-test-" + file)
                    .enableDuplicateFiltering(true)
                    .addString(file, Files.readString(Path.of("processes", file))).deploy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return processEngine;
    }

    /**
     * Registers a mock for every {@code ${bean}} the diagram names as a delegate or listener; each mock is a
     * JavaDelegate, a TaskListener and an ExecutionListener, doing nothing unless the test says otherwise.
     */
    public static Map<String, Object> mockDelegatesOf(String file) {
        Map<String, Object> mocks = new LinkedHashMap<>();
        try {
            Matcher names = DELEGATE.matcher(Files.readString(Path.of("processes", file)));
            while (names.find()) {
                mocks.computeIfAbsent(names.group(1), name -> {
                    Object delegate = mock(JavaDelegate.class, withSettings().name(name)
                            .extraInterfaces(TaskListener.class, ExecutionListener.class));
                    Mocks.register(name, delegate);
                    return delegate;
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mocks;
    }

    /** Runs every timer of the instance that is due at the engine's (moved) clock, as the job executor would. */
    public static int runDueTimers(String processInstanceId) {
        ProcessEngine processEngine = get();
        int ran = 0;
        for (Job job : processEngine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                .timers().duedateLowerThan(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 1)).list()) {
            processEngine.getManagementService().executeJob(job.getId());
            ran++;
        }
        return ran;
    }

    /** Runs the instance's due jobs (async continuations, due timers) until none is left; how many ran. */
    public static int runDueJobs(String processInstanceId) {
        ProcessEngine processEngine = get();
        int ran = 0;
        List<Job> due;
        while (!(due = processEngine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                .executable().list()).isEmpty()) {
            if (ran > 1000) {
                throw new IllegalStateException("more than 1000 jobs: a loop in the diagram?");
            }
            for (Job job : due) {
                processEngine.getManagementService().executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }

    /** Back to real time and no mocks: call after each test. */
    public static void reset() {
        ClockUtil.reset();
        Mocks.reset();
    }
}
