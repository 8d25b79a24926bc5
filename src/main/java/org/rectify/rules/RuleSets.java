package org.rectify.rules;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Changing the rules while the application runs. A candidate (the changed rules folder, an upload, an old
 * version to re-activate) goes through the {@link RuleSetGate}; only if it passes is it stored and made the
 * active version in the database, and this node switches at once. Every node polls the database's active
 * version every few seconds and switches to it, so all nodes follow the same version; each decision keeps the
 * one compiled set it started with. Refusals are recorded with their problems, and the running rules stay.
 */
@Service
class RuleSets {

    private static final Logger log = LoggerFactory.getLogger(RuleSets.class);

    /** What happened to a candidate. */
    record Change(RuleSetGate.Verdict verdict, RuleSetStore.Outcome outcome, RuleSetStore.Activation activation) {

        boolean activated() {
            return outcome == RuleSetStore.Outcome.ACTIVATED;
        }
    }

    private final RuleSetHolder holder;
    private final RuleSetStore store;
    private final RuleSetStartup startup;

    RuleSets(RuleSetHolder holder, RuleSetStore store, RuleSetStartup startup) {
        this.holder = holder;
        this.store = store;
        this.startup = startup;
    }

    CompiledRuleSet active() {
        return holder.active();
    }

    /**
     * A candidate from the rules folder or an upload: activated if it passes the gate and differs from the
     * active version; otherwise nothing changes. Recorded either way.
     */
    synchronized Change propose(RuleSetFiles files, String who, RuleSetStore.How how, String comment) {
        if (files.contentHash().equals(holder.active().version())) {
            store.recordAttempt(files.version(), who, how, RuleSetStore.Outcome.UNCHANGED, List.of(), null, startup.now());
            return new Change(new RuleSetGate.Verdict(files, holder.active(), null, List.of(), 0, 0),
                    RuleSetStore.Outcome.UNCHANGED, null);
        }
        return gateAndActivate(files, who, how, comment);
    }

    /** Makes a stored version the active one again, after it passes the gate again (the code may have changed). */
    synchronized Optional<Change> reactivate(String version, String who, String comment) {
        RuleSetFiles files = store.files(version);
        if (files == null) {
            return Optional.empty();
        }
        return Optional.of(gateAndActivate(files, who, RuleSetStore.How.REACTIVATION, comment));
    }

    private Change gateAndActivate(RuleSetFiles files, String who, RuleSetStore.How how, String comment) {
        RuleSetGate.Verdict verdict = RuleSetGate.check(files);
        if (!verdict.passed()) {
            store.recordAttempt(verdict.version(), who, how, RuleSetStore.Outcome.REJECTED, verdict.problems(),
                    verdict.scenarios(), startup.now());
            log.warn("Rule set {} ({} by {}) refused; {} stays active:\n{}", verdict.version(), how, who,
                    holder.active().shortVersion(), verdict.summary());
            return new Change(verdict, RuleSetStore.Outcome.REJECTED, null);
        }
        RuleSetStore.Activation activation = store.activate(files, who, how, comment, startup.now());
        store.recordAttempt(verdict.version(), who, how, RuleSetStore.Outcome.ACTIVATED, List.of(), verdict.scenarios(),
                startup.now());
        holder.use(verdict.compiled(), activation.id());
        log.info("Rule set {} activated ({} by {}), replacing {}", verdict.version(), how, who,
                activation.previousVersion());
        return new Change(verdict, RuleSetStore.Outcome.ACTIVATED, activation);
    }

    /**
     * Follows the database: when another node (or an administrator there) activated a version, this node
     * compiles it (or takes it from the cache) and switches. A version that no longer compiles here is
     * logged and the node keeps deciding with what it has.
     */
    @Scheduled(fixedDelayString = "${rectify.rules.poll-millis:2000}", initialDelayString = "${rectify.rules.poll-millis:2000}")
    synchronized void follow() {
        Optional<RuleSetStore.Active> active;
        try {
            active = store.active();
        } catch (RuntimeException e) {
            log.warn("Cannot read the active rule set from the database: {}", e.getMessage());
            return;
        }
        if (active.isEmpty() || active.get().activationId() == holder.activationId()) {
            return;
        }
        String version = active.get().version();
        if (version.equals(holder.active().shortVersion())) {
            holder.use(holder.active(), active.get().activationId());
            return;
        }
        try {
            RuleSetFiles files = store.files(version);
            CompiledRuleSet compiled = holder.compiled(files.contentHash(), () -> CompiledRuleSet.compile(files));
            holder.use(compiled, active.get().activationId());
            log.info("Rule set {} activated on another node ({} by {}): this node follows", version,
                    active.get().how(), active.get().activatedBy());
        } catch (RuntimeException e) {
            log.error("Rule set {} is active in the database but does not compile on this node; still deciding with {}",
                    version, holder.active().shortVersion(), e);
        }
    }

    /** The compiled set of a stored version, for what-if and scenario runs; empty if the version is unknown. */
    Optional<CompiledRuleSet> compiledVersion(String version) {
        if (version.equals(holder.active().shortVersion())) {
            return Optional.of(holder.active());
        }
        RuleSetFiles files = store.files(version);
        if (files == null) {
            return Optional.empty();
        }
        return Optional.of(holder.compiled(files.contentHash(), () -> CompiledRuleSet.compile(files)));
    }

    RuleSetStore store() {
        return store;
    }
}
