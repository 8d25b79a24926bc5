package org.rectify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/** A decision takes one rule set at its start: switching sets while decisions run never mixes two versions. */
class RuleSetSwitchTests {

    @Test
    void decisionsRunningWhileTheRulesSwitchEachUseOneVersion() throws Exception {
        CompiledRuleSet three = RuleFiles.compiled();
        CompiledRuleSet two = CompiledRuleSet.compile(three.files().with(RuleEdits.streetVendingLimit(three.files(), 2)));
        RuleSetHolder holder = new RuleSetHolder(three);
        RuleEngine engine = new RuleEngine(holder);
        TimeLimitFacts facts = TimeLimitFacts.forAssignment("STREET_VENDING", "占道经营", Severity.GENERAL,
                ReportSource.PROVINCIAL_INSPECTION);

        // Decisions run until each thread has made 2 000 and seen both versions, while this thread keeps switching:
        // the test cannot pass without decisions having been taken under each version.
        AtomicBoolean switching = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<RuleOutcome<TimeLimitDecision>>>> runs = new ArrayList<>();
        try {
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    List<RuleOutcome<TimeLimitDecision>> outcomes = new ArrayList<>();
                    Set<String> seen = new HashSet<>();
                    while ((outcomes.size() < 2_000 || seen.size() < 2) && !Thread.currentThread().isInterrupted()) {
                        RuleOutcome<TimeLimitDecision> outcome = engine.timeLimit(facts);
                        seen.add(outcome.ruleSetVersion());
                        outcomes.add(outcome);
                    }
                    return outcomes;
                }));
            }
            Thread switcher = new Thread(() -> {
                for (int i = 0; switching.get(); i++) {
                    holder.use(i % 2 == 0 ? two : three, i);
                    Thread.yield();
                }
            });
            switcher.start();
            Set<String> versionsSeen = new HashSet<>();
            int checked = 0;
            try {
                for (Future<List<RuleOutcome<TimeLimitDecision>>> run : runs) {
                    for (RuleOutcome<TimeLimitDecision> outcome : run.get(2, TimeUnit.MINUTES)) {
                        // the table row and the tightening rule of one version: 3 → 2 days, or 2 → 1 day
                        int expected = outcome.ruleSetVersion().equals(three.shortVersion()) ? 2 : 1;
                        assertThat(outcome.decision().amount()).isEqualTo(expected);
                        assertThat(outcome.decision().reason()).contains(expected == 2 ? "限3个工作日" : "限2个工作日");
                        versionsSeen.add(outcome.ruleSetVersion());
                        checked++;
                    }
                }
            } finally {
                switching.set(false);
                switcher.join();
            }
            assertThat(versionsSeen).containsExactlyInAnyOrder(three.shortVersion(), two.shortVersion());
            assertThat(checked).isGreaterThanOrEqualTo(4_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
