package org.rectify.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The rule set this node decides with, and a small cache of compiled versions. The database says which
 * version is active ({@link RuleSets} follows it); this is only the node's compiled copy of it. A decision
 * reads {@link #active()} once at its start and keeps that immutable set to its end.
 */
@Component
class RuleSetHolder {

    private static final int CACHED_VERSIONS = 4;

    private volatile CompiledRuleSet active;
    private volatile long activationId;
    private final Map<String, CompiledRuleSet> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledRuleSet> eldest) {
            return size() > CACHED_VERSIONS;
        }
    };

    @Autowired
    RuleSetHolder(RuleSetStartup startup) {
        RuleSetStartup.Started started = startup.start();
        use(started.ruleSet(), started.activationId());
    }

    /** For rule tests: a holder of an already compiled rule set, with no database. */
    RuleSetHolder(CompiledRuleSet ruleSet) {
        use(ruleSet, 0);
    }

    CompiledRuleSet active() {
        return active;
    }

    long activationId() {
        return activationId;
    }

    synchronized void use(CompiledRuleSet ruleSet, long activation) {
        cache.put(ruleSet.version(), ruleSet);
        this.active = ruleSet;
        this.activationId = activation;
    }

    /** The compiled set of a version (full content hash), compiling it only if it is not cached. */
    CompiledRuleSet compiled(String contentHash, Supplier<CompiledRuleSet> compile) {
        synchronized (this) {
            CompiledRuleSet cached = cache.get(contentHash);
            if (cached != null) {
                return cached;
            }
        }
        CompiledRuleSet compiled = compile.get();
        synchronized (this) {
            cache.put(compiled.version(), compiled);
        }
        return compiled;
    }

    /** Keeps a set that passed the gate, so that activating it does not compile it again. */
    synchronized void remember(CompiledRuleSet ruleSet) {
        cache.put(ruleSet.version(), ruleSet);
    }
}
