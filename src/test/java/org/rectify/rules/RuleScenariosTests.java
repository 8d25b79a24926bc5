package org.rectify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The scenarios under rules/tests/, run against the real rules/ folder as every build does: the same check
 * that guards every hot reload. Every shipped rule must be exercised by at least one scenario.
 */
class RuleScenariosTests {

    private final Scenarios.Report report = Scenarios.run(RuleFiles.compiled());

    @Test
    void everyShippedScenarioPasses() {
        assertThat(report.asProblems()).as(() -> report.asProblems().stream().map(RuleSetProblem::describe)
                .collect(Collectors.joining("\n"))).isEmpty();
        assertThat(report.total()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void everyShippedRuleFiresInSomeScenario() {
        assertThat(report.rulesNeverFired()).as("rules without a scenario").isEmpty();
    }

    @Test
    void everyDecisionHasItsScenarioFile() {
        assertThat(RuleFiles.compiled().files().scenarioFiles().stream().map(RuleSetFiles::decisionOf))
                .containsAll(RuleFiles.compiled().decisions());
    }
}
