package org.rectify.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the rule files from the rules folder at start and records the rule set in the database, so any
 * decision can later be explained against the exact text that made it. A broken file stops the start.
 */
@Component
class RuleSetHolder {

    private static final Logger log = LoggerFactory.getLogger(RuleSetHolder.class);

    private final CompiledRuleSet active;

    @Autowired
    RuleSetHolder(@Value("${rectify.rules-dir}") String rulesDir, JdbcClient jdbc, ObjectMapper json) {
        Path folder = Path.of(rulesDir).toAbsolutePath().normalize();
        long started = System.nanoTime();
        this.active = CompiledRuleSet.compile(readDrlFiles(folder));
        record(jdbc, json, active);
        log.info("Rule set {} compiled from {} ({} files) in {} ms", active.shortVersion(), folder,
                active.sources().size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** For rule tests: a holder of an already compiled rule set, with no database. */
    RuleSetHolder(CompiledRuleSet ruleSet) {
        this.active = ruleSet;
    }

    static SortedMap<String, String> readDrlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RuleSetException("Rules folder " + folder + " does not exist (set RECTIFY_RULES_DIR)");
        }
        SortedMap<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".drl")).toList()) {
                sources.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules folder " + folder, e);
        }
        if (sources.isEmpty()) {
            throw new RuleSetException("Rules folder " + folder + " holds no .drl file");
        }
        return sources;
    }

    private static void record(JdbcClient jdbc, ObjectMapper json, CompiledRuleSet ruleSet) {
        try {
            jdbc.sql("""
                    insert into rule_set (version, content_hash, activated_by, files)
                    values (:version, :hash, 'system', cast(:files as jsonb))
                    on conflict (version) do nothing""")
                    .param("version", ruleSet.shortVersion())
                    .param("hash", ruleSet.version())
                    .param("files", json.writeValueAsString(ruleSet.sources()))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    CompiledRuleSet active() {
        return active;
    }
}
