package org.rectify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/** rules/duplicates.drl: the search policy, the verdict for one open case, and the severity raised by many reports. */
class DuplicateRulesTests {

    private final RuleEngine engine = RuleFiles.engine();

    @Test
    void aProbeStatesTheSearchPolicyWithoutAVerdict() {
        RuleOutcome<DuplicatePolicy> policy = engine.duplicatePolicy(
                DuplicateFacts.probe("STREET_VENDING", ReportSource.CITIZEN, Severity.GENERAL));

        assertThat(policy.decision().radiusMetres()).isEqualTo(50);
        assertThat(policy.decision().windowHours()).isEqualTo(72);
        assertThat(policy.firedRules()).containsExactly("范围 - 同类问题50米内或同一网格、72小时内的报告视为重复");
    }

    @Test
    void aWaterBodyIsSearchedWiderAndLonger() {
        DuplicatePolicy policy = engine.duplicatePolicy(
                DuplicateFacts.probe("BLACK_ODOROUS_WATER", ReportSource.CITIZEN, Severity.GENERAL)).decision();

        assertThat(policy.radiusMetres()).isEqualTo(200);
        assertThat(policy.windowHours()).isEqualTo(168);
    }

    @Test
    void aNearbyRecentReportOfTheSameCategoryIsLinkedAndTheThirdRaisesTheSeverity() {
        RuleOutcome<DuplicateDecision> second = engine.duplicate(facts(30, false, 5, 2, Severity.GENERAL));
        RuleOutcome<DuplicateDecision> third = engine.duplicate(facts(30, false, 5, 3, Severity.GENERAL));

        assertThat(second.decision().duplicate()).isTrue();
        assertThat(second.decision().severity()).isEqualTo(Severity.GENERAL);
        assertThat(second.decision().reason()).contains("相距30米");
        assertThat(third.decision().severity()).isEqualTo(Severity.SERIOUS);
        assertThat(third.firedRules()).contains("提级 - 累计上报3次及以上的，提高为较重");
        assertThat(third.ruleSetVersion()).hasSize(12);
    }

    @Test
    void theDistanceDecidesWhenBothHaveCoordinatesTheGridOnlyWithout() {
        assertThat(engine.duplicate(facts(300, true, 5, 2, Severity.GENERAL)).decision().duplicate()).isFalse();
        assertThat(engine.duplicate(facts(null, true, 5, 2, Severity.GENERAL)).decision().duplicate()).isTrue();
        assertThat(engine.duplicate(facts(null, false, 5, 2, Severity.GENERAL)).decision().duplicate()).isFalse();
    }

    @Test
    void anOldCaseIsNotRepeated() {
        DuplicateDecision decision = engine.duplicate(facts(10, true, 73, 2, Severity.GENERAL)).decision();

        assertThat(decision.duplicate()).isFalse();
        assertThat(decision.reason()).contains("超过72小时");
    }

    private static DuplicateFacts facts(Integer metres, boolean sameGrid, int hours, int count, Severity caseSeverity) {
        return new DuplicateFacts("STREET_VENDING", ReportSource.CITIZEN, Severity.GENERAL, "STREET_VENDING", metres,
                sameGrid, hours, count, caseSeverity);
    }
}
