package org.rectify.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CompiledRuleSetTests {

    @Test
    void aBrokenRuleFileIsRefusedWithItsNameAndLine() {
        RuleSetFiles files = RuleFiles.compiled().files();
        String broken = files.text("time-limits.drl")
                .replace("insert(new TimeLimitDecision(1,", "insert(new TimeLimitDecisio(1,");

        assertThatThrownBy(() -> CompiledRuleSet.compile(files.with(Map.of("time-limits.drl", utf8(broken)))))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("time-limits.drl 第")
                .hasMessageContaining("TimeLimitDecisio")
                .hasMessageNotContaining("routing.drl");
    }

    @Test
    void theVersionChangesWithTheTextAndOnlyWithIt() {
        RuleSetFiles files = RuleFiles.compiled().files();
        String version = files.version();
        assertThat(RuleSetFiles.of(new TreeMap<>(files.asMap())).version()).isEqualTo(version);
        assertThat(version).hasSize(12);

        RuleSetFiles changed = files.with(Map.of("routing.drl", utf8(files.text("routing.drl") + "\n// 注释\n")));
        assertThat(changed.version()).isNotEqualTo(version);
    }

    @Test
    void savingAWorkbookAgainOrRestylingItIsNotANewVersion() {
        RuleSetFiles files = RuleFiles.compiled().files();
        byte[] resaved = RuleEdits.replaceInWorkbook(files.bytes("time-limits.xlsx"), "没有这段文字", "");

        assertThat(resaved).isNotEqualTo(files.bytes("time-limits.xlsx"));
        assertThat(files.with(Map.of("time-limits.xlsx", resaved)).version()).isEqualTo(files.version());
        assertThat(files.with(Map.of("time-limits.xlsx", RuleEdits.setTableCell(resaved, "时限 - 乱搭乱建", "时限", "14")))
                .version()).isNotEqualTo(files.version());
    }

    @Test
    void textFilesStillCompileAsBefore() {
        SortedMap<String, String> sources = new TreeMap<>(RuleFiles.compiled().sources());
        sources.keySet().removeIf(path -> !path.endsWith(".drl"));

        CompiledRuleSet drlOnly = CompiledRuleSet.compile(sources);

        assertThat(drlOnly.decisions()).contains("routing", "time-limits", "penalties");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
