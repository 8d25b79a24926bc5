package org.rectify.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which rules a node starts with. The database decides: if it has an active version, the node runs it. The
 * rules folder is a source of candidates:
 * <ul>
 * <li>no active version yet (a new database): the folder must pass the gate, or the application does not
 * start, because nothing could be decided;</li>
 * <li>the folder holds the active version: nothing to do;</li>
 * <li>the folder holds content never activated before: it is a candidate and goes through the gate; if it
 * passes it becomes the active version for all nodes, if not the node runs the active version and the
 * refusal is logged and recorded;</li>
 * <li>the folder holds a version that was active before (a node deployed with an old copy of the folder): it
 * is <em>not</em> re-activated by a start; an administrator re-activates old versions explicitly.</li>
 * </ul>
 */
@Component
class RuleSetStartup {

    static final String FOLDER_ACTOR = "系统（规则目录）";
    private static final Logger log = LoggerFactory.getLogger(RuleSetStartup.class);

    record Started(CompiledRuleSet ruleSet, long activationId) {
    }

    private final Path folder;
    private final RuleSetStore store;
    private final ZoneId zone;
    private final ObjectProvider<RuleFolderPrecompile.Pending> precompiled;
    /** The folder's files compiled ahead of the start ({@link RuleFolderPrecompile}), if they are the ones read. */
    private Optional<RuleFolderPrecompile.Compiled> early = Optional.empty();

    RuleSetStartup(@Value("${rectify.rules-dir}") String rulesDir, RuleSetStore store,
            @Value("${rectify.zone-id:Asia/Shanghai}") String zoneId,
            ObjectProvider<RuleFolderPrecompile.Pending> precompiled) {
        this.folder = Path.of(rulesDir).toAbsolutePath().normalize();
        this.store = store;
        this.zone = ZoneId.of(zoneId);
        this.precompiled = precompiled;
    }

    Started start() {
        long started = System.nanoTime();
        RuleSetFiles fromFolder = readFolder();
        RuleFolderPrecompile.Pending pending = precompiled.getIfAvailable();
        early = fromFolder == null || pending == null ? Optional.empty() : pending.of(fromFolder);
        if (early.isPresent()) {
            fromFolder = early.get().files(); // the same bytes, with their content hash already computed
        }
        Optional<RuleSetStore.Active> active = store.active();
        Started result;
        if (active.isEmpty()) {
            result = firstStart(fromFolder);
        } else {
            result = resume(active.get(), fromFolder);
        }
        boolean tookEarly = early.flatMap(RuleFolderPrecompile.Compiled::ruleSet).filter(r -> r == result.ruleSet()).isPresent();
        log.info("Rule set {} active ({} files; rules folder {}) after {} ms{}", result.ruleSet().shortVersion(),
                result.ruleSet().files().asMap().size(), folder, (System.nanoTime() - started) / 1_000_000,
                tookEarly ? " (compiled ahead of the start)" : "");
        return result;
    }

    private Started firstStart(RuleSetFiles fromFolder) {
        if (fromFolder == null) {
            throw new RuleSetException("No active rule set in the database and no rules folder at " + folder
                    + " (set RECTIFY_RULES_DIR)");
        }
        RuleSetGate.Verdict verdict = RuleSetGate.check(fromFolder, this::compile);
        if (!verdict.passed()) {
            store.recordAttempt(verdict.version(), FOLDER_ACTOR, RuleSetStore.How.STARTUP, RuleSetStore.Outcome.REJECTED,
                    verdict.problems(), verdict.scenarios(), now());
            throw new RuleSetException("规则目录 " + folder + " 未通过检查，数据库中也没有可用的规则，无法启动：",
                    verdict.problems());
        }
        RuleSetStore.Activation activation = store.activate(fromFolder, FOLDER_ACTOR, RuleSetStore.How.STARTUP,
                "首次启动，启用规则目录中的规则", now());
        store.recordAttempt(verdict.version(), FOLDER_ACTOR, RuleSetStore.How.STARTUP, RuleSetStore.Outcome.ACTIVATED,
                List.of(), verdict.scenarios(), now());
        return new Started(verdict.compiled(), activation.id());
    }

    private Started resume(RuleSetStore.Active active, RuleSetFiles fromFolder) {
        if (fromFolder != null && !fromFolder.version().equals(active.version())) {
            if (store.wasActivated(fromFolder.version())) {
                log.warn("The rules folder {} holds version {}, which was active before; the active version is {}."
                        + " A start does not re-activate an old version: use POST /api/admin/rule-sets/{}/activate",
                        folder, fromFolder.version(), active.version(), fromFolder.version());
                store.recordAttempt(fromFolder.version(), FOLDER_ACTOR, RuleSetStore.How.STARTUP,
                        RuleSetStore.Outcome.NOT_REACTIVATED, List.of(), null, now());
            } else {
                RuleSetGate.Verdict verdict = RuleSetGate.check(fromFolder, this::compile);
                if (verdict.passed()) {
                    RuleSetStore.Activation activation = store.activate(fromFolder, FOLDER_ACTOR, RuleSetStore.How.STARTUP,
                            "启动时发现规则目录中有新的规则", now());
                    store.recordAttempt(verdict.version(), FOLDER_ACTOR, RuleSetStore.How.STARTUP,
                            RuleSetStore.Outcome.ACTIVATED, List.of(), verdict.scenarios(), now());
                    log.info("The rules folder held new rules: version {} replaces {}", verdict.version(), active.version());
                    return new Started(verdict.compiled(), activation.id());
                }
                store.recordAttempt(verdict.version(), FOLDER_ACTOR, RuleSetStore.How.STARTUP,
                        RuleSetStore.Outcome.REJECTED, verdict.problems(), verdict.scenarios(), now());
                log.error("The rules folder {} was refused; version {} stays active:\n{}", folder, active.version(),
                        verdict.summary());
            }
        }
        RuleSetFiles files = fromFolder != null && fromFolder.version().equals(active.version()) ? fromFolder
                : store.files(active.version());
        return new Started(compile(files), active.activationId());
    }

    /** Compiles, unless these very files were compiled ahead of the start. */
    private CompiledRuleSet compile(RuleSetFiles files) {
        return early.filter(e -> e.files() == files).flatMap(RuleFolderPrecompile.Compiled::ruleSet)
                .orElseGet(() -> CompiledRuleSet.compile(files));
    }

    private RuleSetFiles readFolder() {
        if (!Files.isDirectory(folder)) {
            log.warn("No rules folder at {}: the rules come from the database only", folder);
            return null;
        }
        try {
            return RuleSetFiles.readFolder(folder);
        } catch (RuleSetException e) {
            log.error("Cannot read the rules folder {}: {}", folder, e.getMessage());
            return null;
        }
    }

    Path folder() {
        return folder;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(zone);
    }
}
