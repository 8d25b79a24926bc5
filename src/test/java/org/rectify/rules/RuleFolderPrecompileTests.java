package org.rectify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules folder compiled ahead of the start is used only for exactly the files the start then reads. */
class RuleFolderPrecompileTests {

    @TempDir
    Path folder;

    @Test
    void theStartTakesTheEarlyCompileOfAnUnchangedFolder() throws IOException {
        copyShippedRules();
        RuleFolderPrecompile.Pending pending = RuleFolderPrecompile.start(folder);

        RuleSetFiles readAtStart = RuleSetFiles.readFolder(folder);
        RuleFolderPrecompile.Compiled early = pending.of(readAtStart).orElseThrow();

        assertThat(early.files().contentHash()).isEqualTo(readAtStart.contentHash());
        assertThat(early.ruleSet()).hasValueSatisfying(ruleSet -> {
            assertThat(ruleSet.version()).isEqualTo(RuleFiles.compiled().version());
            assertThat(ruleSet.decisions()).containsExactlyInAnyOrderElementsOf(RuleFiles.compiled().decisions());
        });
    }

    @Test
    void aFolderEditedAfterTheEarlyCompileIsCompiledAgainAtTheStart() throws IOException {
        copyShippedRules();
        RuleFolderPrecompile.Pending pending = RuleFolderPrecompile.start(folder);
        pending.of(RuleSetFiles.readFolder(folder)).orElseThrow(); // the early compile is done

        Path routing = folder.resolve("routing.drl");
        Files.writeString(routing, Files.readString(routing, StandardCharsets.UTF_8) + "\n// edited\n", StandardCharsets.UTF_8);

        assertThat(pending.of(RuleSetFiles.readFolder(folder))).isEmpty();
    }

    @Test
    void rulesThatDoNotCompileAreLeftToTheGate() throws IOException {
        copyShippedRules();
        Files.writeString(folder.resolve("routing.drl"), "package org.rectify.rules;\nrule \"坏\" when then nonsense( end\n",
                StandardCharsets.UTF_8);
        RuleFolderPrecompile.Pending pending = RuleFolderPrecompile.start(folder);

        RuleFolderPrecompile.Compiled early = pending.of(RuleSetFiles.readFolder(folder)).orElseThrow();

        assertThat(early.ruleSet()).isEmpty();
        assertThat(RuleSetGate.check(early.files()).problems()).isNotEmpty();
    }

    @Test
    void aMissingFolderLeavesNothingToTake() {
        RuleFolderPrecompile.Pending pending = RuleFolderPrecompile.start(folder.resolve("absent"));

        assertThat(pending.of(RuleFiles.compiled().files())).isEmpty();
    }

    private void copyShippedRules() throws IOException {
        Path shipped = Path.of("rules");
        try (Stream<Path> walk = Files.walk(shipped)) {
            for (Path source : walk.toList()) {
                Path target = folder.resolve(shipped.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
