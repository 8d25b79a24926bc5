package org.rectify.rules;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches this node's rules folder while the application runs ({@code rectify.rules.watch}, on by default):
 * a saved change there becomes a candidate rule set at once, without a restart.
 */
@Component
class RulesFolderWatching implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RulesFolderWatching.class);

    private final RuleSets ruleSets;
    private final RuleSetStartup startup;
    private final boolean enabled;
    private final Duration quiet;
    private RulesFolderWatcher watcher;

    RulesFolderWatching(RuleSets ruleSets, RuleSetStartup startup, @Value("${rectify.rules.watch:true}") boolean enabled,
            @Value("${rectify.rules.watch-quiet-millis:1000}") long quietMillis) {
        this.ruleSets = ruleSets;
        this.startup = startup;
        this.enabled = enabled;
        this.quiet = Duration.ofMillis(quietMillis);
    }

    @Override
    public synchronized void start() {
        if (!enabled || watcher != null || !java.nio.file.Files.isDirectory(startup.folder())) {
            return;
        }
        try {
            watcher = new RulesFolderWatcher(startup.folder(), ruleSets, quiet);
        } catch (IOException e) {
            log.error("Cannot watch the rules folder {}: changes there need an upload or a restart", startup.folder(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return watcher != null;
    }
}
