package org.rectify.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;
import org.rectify.support.RectifyIntegrationTest;
import org.rectify.support.SecondNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one PostgreSQL: a rule set activated on one is the one the other decides with a
 * moment later, because both follow the database's active version.
 */
@RectifyIntegrationTest
class RuleSetsOnTwoNodesIntegrationTests {

    private static ConfigurableApplicationContext secondNode;

    @Autowired
    RuleSets ruleSets;
    @Autowired
    RuleEngine firstNodeRules;

    private String original;

    @BeforeAll
    static void startSecondNode(@Autowired DataSource dataSource) {
        secondNode = SecondNode.start(dataSource, "--rectify.rules.poll-millis=300");
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @AfterEach
    void leaveTheOriginalVersionActive() {
        if (original != null && !ruleSets.active().shortVersion().equals(original)) {
            ruleSets.reactivate(original, "test", "测试结束，恢复原规则");
        }
    }

    @Test
    void bothNodesSwitchToTheVersionActivatedOnOne() throws Exception {
        original = ruleSets.active().shortVersion();
        RuleEngine secondNodeRules = secondNode.getBean(RuleEngine.class);
        assertThat(secondNodeRules.activeVersion()).isEqualTo(original);
        TimeLimitFacts streetVending = TimeLimitFacts.forAssignment("STREET_VENDING", "占道经营", Severity.GENERAL,
                ReportSource.PATROL);

        RuleSets.Change change = ruleSets.propose(ruleSets.active().files().with(
                RuleEdits.streetVendingLimit(ruleSets.active().files(), 2)), "admin", RuleSetStore.How.UPLOAD, "两节点测试");

        assertThat(change.activated()).isTrue();
        String activated = change.verdict().version();
        assertThat(firstNodeRules.activeVersion()).isEqualTo(activated);
        awaitVersion(secondNodeRules, activated);
        RuleOutcome<TimeLimitDecision> onSecondNode = secondNodeRules.timeLimit(streetVending);
        assertThat(onSecondNode.decision().amount()).isEqualTo(2);
        assertThat(onSecondNode.ruleSetVersion()).isEqualTo(activated);

        assertThat(ruleSets.reactivate(original, "admin", "恢复").orElseThrow().activated()).isTrue();
        awaitVersion(secondNodeRules, original);
        assertThat(secondNodeRules.timeLimit(streetVending).decision().amount()).isEqualTo(3);
        assertThat(firstNodeRules.timeLimit(streetVending).decision().amount()).isEqualTo(3);
    }

    private static void awaitVersion(RuleEngine node, String version) {
        await("the second node decides with " + version).atMost(Duration.ofSeconds(20))
                .until(node::activeVersion, version::equals);
    }
}
