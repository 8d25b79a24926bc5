package org.rectify.rules;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a rules folder (and its tests/ folder) and, once the files have been quiet for a moment (Excel and
 * LibreOffice save through temporary files), offers the folder's content to {@link RuleSets#propose} as a
 * candidate. The gate decides; a refused folder leaves the running rules as they were.
 */
final class RulesFolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RulesFolderWatcher.class);

    private final Path folder;
    private final RuleSets ruleSets;
    private final Duration quiet;
    private final WatchService watcher;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuleSets.Change lastChange;

    RulesFolderWatcher(Path folder, RuleSets ruleSets, Duration quiet) throws IOException {
        this.folder = folder.toAbsolutePath().normalize();
        this.ruleSets = ruleSets;
        this.quiet = quiet;
        this.watcher = FileSystems.getDefault().newWatchService();
        register(this.folder);
        register(this.folder.resolve("tests"));
        this.thread = new Thread(this::run, "rules-folder-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
        log.info("Watching {} for rule changes", this.folder);
    }

    private void register(Path dir) throws IOException {
        if (Files.isDirectory(dir) && !keys.containsValue(dir)) {
            keys.put(dir.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
        }
    }

    private void run() {
        long lastEvent = 0;
        boolean dirty = false;
        while (running) {
            try {
                WatchKey key = watcher.poll(200, TimeUnit.MILLISECONDS);
                if (key != null) {
                    Path dir = keys.get(key);
                    for (var event : key.pollEvents()) {
                        if (event.kind() == OVERFLOW) {
                            dirty = true;
                            continue;
                        }
                        Path changed = dir == null ? null : dir.resolve((Path) event.context());
                        if (changed != null && changed.equals(folder.resolve("tests")) && event.kind() == ENTRY_CREATE) {
                            register(changed);
                        }
                        String path = changed == null ? "" : folder.relativize(changed).toString().replace('\\', '/');
                        if (changed == null || RuleSetFiles.kindOf(path) != null || changed.equals(folder.resolve("tests"))) {
                            dirty = true;
                            lastEvent = System.nanoTime();
                        }
                    }
                    if (!key.reset()) {
                        keys.remove(key);
                    }
                }
                if (dirty && System.nanoTime() - lastEvent >= quiet.toNanos()) {
                    dirty = false;
                    offer();
                }
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.error("Watching {} failed; will keep trying", folder, e);
            }
        }
    }

    private void offer() {
        RuleSetFiles files;
        try {
            files = RuleSetFiles.readFolder(folder);
        } catch (RuleSetException e) {
            log.warn("The rules folder {} cannot be read as a rule set: {}", folder, e.getMessage());
            return;
        }
        if (files.contentHash().equals(ruleSets.active().version())) {
            return;
        }
        lastChange = ruleSets.propose(files, RuleSetStartup.FOLDER_ACTOR, RuleSetStore.How.FOLDER, "规则目录中的文件有改动");
    }

    /** The last candidate this watcher offered, for tests and logs. */
    RuleSets.Change lastChange() {
        return lastChange;
    }

    @Override
    public void close() {
        running = false;
        try {
            watcher.close();
        } catch (IOException e) {
            log.debug("Closing the watch service", e);
        }
        thread.interrupt();
    }
}
