package org.rectify.support;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of a process-path test: its diagrams deployed on the {@link BareEngine}, every {@code ${bean}} they name
 * mocked, camunda-bpm-assert pointed at the engine, and the engine's clock set to {@link #start} (a fixed moment,
 * 2026-11-29) and reset after each test.
 */
public abstract class ProcessPathTest {

    protected final Date start = new Date(1_796_000_000_000L);
    protected ProcessEngine engine;
    private final String[] diagrams;
    private final Map<String, Object> delegates = new HashMap<>();

    protected ProcessPathTest(String... diagrams) {
        this.diagrams = diagrams;
    }

    @BeforeEach
    void deployAndMock() {
        for (String diagram : diagrams) {
            engine = BareEngine.deploying(diagram);
            delegates.putAll(BareEngine.mockDelegatesOf(diagram));
        }
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(start);
    }

    @AfterEach
    void resetClockAndMocks() {
        BareEngine.reset();
    }

    /** The mock standing for {@code ${name}} in the diagrams, to stub or verify. */
    protected JavaDelegate delegate(String name) {
        Object delegate = delegates.get(name);
        if (delegate == null) {
            throw new IllegalArgumentException("The diagrams name no delegate ${" + name + "}");
        }
        return (JavaDelegate) delegate;
    }

    protected static Date days(Date from, int days) {
        return new Date(from.getTime() + Duration.ofDays(days).toMillis());
    }
}
