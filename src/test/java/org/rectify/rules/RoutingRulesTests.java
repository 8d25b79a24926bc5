package org.rectify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/** rules/routing.drl: who leads and who helps (条块结合、以块为主). */
class RoutingRulesTests {

    private final RuleEngine rules = RuleFiles.engine();

    @Test
    void aLineDepartmentLeadsItsCategoryAndTheStreetHelps() {
        RuleOutcome<RoutingDecision> outcome = rules.route(facts("STREET_VENDING", "占道经营", "cgj", "cxjd", "xhsq", Set.of()));

        assertThat(outcome.decision().leadUnit()).isEqualTo("cgj");
        assertThat(outcome.decision().coUnits()).containsExactly("cxjd");
        assertThat(outcome.firedRules()).containsExactly("派遣 - 行业部门牵头，所在街道配合");
        assertThat(outcome.ruleSetVersion()).hasSize(12);
    }

    @Test
    void territorialProblemsAreLedByTheStreet() {
        RuleOutcome<RoutingDecision> outcome = rules.route(facts("STAIRWELL_CLUTTER", "楼道杂物", "zjj", "kjcjd", "jxsq", Set.of()));

        assertThat(outcome.decision().leadUnit()).isEqualTo("kjcjd");
        assertThat(outcome.decision().coUnits()).containsExactly("zjj");
        assertThat(outcome.firedRules()).containsExactly("派遣 - 楼道杂物、门前三包、小广告由属地街道牵头");
    }

    @Test
    void withoutAGridTheDepartmentLeadsAlone() {
        RuleOutcome<RoutingDecision> outcome = rules.route(facts("STAIRWELL_CLUTTER", "楼道杂物", "zjj", null, null, Set.of()));

        assertThat(outcome.decision().leadUnit()).isEqualTo("zjj");
        assertThat(outcome.decision().coUnits()).isEmpty();
        assertThat(outcome.firedRules()).containsExactly("派遣 - 未定位到网格时由行业部门牵头");
    }

    @Test
    void aUnitThatReturnedTheCaseIsNotSuggestedAgain() {
        assertThat(rules.route(facts("STREET_VENDING", "占道经营", "cgj", "cxjd", "xhsq", Set.of("cgj")))
                .decision().leadUnit()).isEqualTo("cxjd");
        assertThat(rules.route(facts("STREET_VENDING", "占道经营", "cgj", "cxjd", "xhsq", Set.of("cgj", "cxjd")))
                .decision().leadUnit()).isEqualTo("xhsq");
        RuleOutcome<RoutingDecision> everyoneReturned = rules.route(
                facts("STREET_VENDING", "占道经营", "cgj", "cxjd", "xhsq", Set.of("cgj", "cxjd", "xhsq")));
        assertThat(everyoneReturned.decision().leadUnit()).isEqualTo("cgj");
        assertThat(everyoneReturned.decision().reason()).contains("创建办协调");
    }

    private static RoutingFacts facts(String category, String name, String department, String street, String community,
            Set<String> excluded) {
        return new RoutingFacts(category, name, department, Severity.GENERAL, ReportSource.PATROL, street, community,
                excluded);
    }
}
