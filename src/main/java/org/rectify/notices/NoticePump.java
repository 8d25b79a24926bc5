package org.rectify.notices;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the sender on this node: right after a commit that wrote notices, and every few seconds for retries. It holds
 * no state another node needs; every node may run one (claims are row locks). Off with
 * {@code rectify.notices.sender.enabled=false} (tests drive {@link NoticeSender} themselves).
 */
@Component
class NoticePump {

    private static final Logger log = LoggerFactory.getLogger(NoticePump.class);

    private final ObjectProvider<NoticeSender> sender;
    private final boolean enabled;
    private final long intervalMillis;
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledExecutorService executor;

    NoticePump(ObjectProvider<NoticeSender> sender,
            @Value("${rectify.notices.sender.enabled:true}") boolean enabled,
            @Value("${rectify.notices.sender.interval-millis:5000}") long intervalMillis) {
        this.sender = sender;
        this.enabled = enabled;
        this.intervalMillis = intervalMillis;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "notice-sender");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::run, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /** A commit wrote notices: send soon, once, however many commits asked. */
    synchronized void nudge() {
        if (executor != null && queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                run();
            });
        }
    }

    private void run() {
        try {
            sender.getObject().sendDue();
        } catch (RuntimeException e) {
            log.warn("notice sending failed, will try again: {}", e.toString());
        }
    }
}
