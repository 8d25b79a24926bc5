package org.rectify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<List<RuleOutcome<TimeLimitDecision>>>> runs = new ArrayList<>();
        try {
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    List<RuleOutcome<TimeLimitDecision>> outcomes = new ArrayList<>();
                    for (int i = 0; i < 2_000; i++) {
                        outcomes.add(engine.timeLimit(facts));
                    }
                    return outcomes;
                }));
            }
            for (int i = 0; i < 200; i++) {
                holder.use(i % 2 == 0 ? two : three, i);
                Thread.sleep(1);
            }
            int checked = 0;
            for (Future<List<RuleOutcome<TimeLimitDecision>>> run : runs) {
                for (RuleOutcome<TimeLimitDecision> outcome : run.get()) {
                    // the table row and the tightening rule of one version: 3 → 2 days, or 2 → 1 day
                    int expected = outcome.ruleSetVersion().equals(three.shortVersion()) ? 2 : 1;
                    assertThat(outcome.decision().amount()).isEqualTo(expected);
                    assertThat(outcome.decision().reason()).contains(expected == 2 ? "限3个工作日" : "限2个工作日");
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(4_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
