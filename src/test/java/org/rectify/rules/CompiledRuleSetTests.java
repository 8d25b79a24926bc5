package org.rectify.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CompiledRuleSetTests {

    @Test
    void aBrokenRuleFileIsRefusedWithItsNameAndLine() {
        SortedMap<String, String> sources = new TreeMap<>(RuleFiles.compiled().sources());
        sources.put("time-limits.drl", sources.get("time-limits.drl")
                .replace("insert(new TimeLimitDecision(15,", "insert(new TimeLimitDecisio(15,"));

        assertThatThrownBy(() -> CompiledRuleSet.compile(sources))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("time-limits.drl line ")
                .hasMessageNotContaining("routing.drl");
    }

    @Test
    void theVersionChangesWithTheTextAndOnlyWithIt() {
        SortedMap<String, String> sources = new TreeMap<>(RuleFiles.compiled().sources());
        String version = CompiledRuleSet.versionOf(sources);
        assertThat(CompiledRuleSet.versionOf(new TreeMap<>(sources))).isEqualTo(version);

        sources.put("routing.drl", sources.get("routing.drl") + "\n// 注释\n");
        assertThat(CompiledRuleSet.versionOf(sources)).isNotEqualTo(version);
    }
}
