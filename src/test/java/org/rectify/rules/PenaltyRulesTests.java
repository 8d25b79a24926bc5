package org.rectify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/** rules/penalties.drl: the measure the discipline office is offered, for whom, and the appeal window. */
class PenaltyRulesTests {

    private final AccountabilityRules rules = new AccountabilityRules(RuleFiles.engine());

    @Test
    void aFirstOffenceWithNothingAggravatingIsAWrittenSelfCriticismByThePersonResponsible() {
        RuleOutcome<MeasureProposal> outcome = rules.propose(facts(ReportSource.PATROL, "OVERDUE", 2, 0, 0, 0, 0));

        MeasureProposal proposal = outcome.decision();
        assertThat(proposal.measure()).isEqualTo(AccountabilityMeasure.WRITTEN_SELF_CRITICISM);
        assertThat(proposal.target()).isEqualTo(AccountabilityTarget.RESPONSIBLE);
        assertThat(proposal.appealWorkingDays()).isEqualTo(5);
        assertThat(proposal.score()).isZero();
        assertThat(proposal.describeFactors()).isEqualTo("无加重情节");
        assertThat(outcome.firedRules()).containsExactly(
                "合计 - 汇总加重情节分值",
                "措施 - 加重分值不超过1分的，责令作出书面检查",
                "对象 - 本年度首次问责的书面检查，由具体责任人作出",
                "申诉 - 单位可在5个工作日内申诉一次");
        assertThat(outcome.ruleSetVersion()).hasSize(12);
    }

    @Test
    void aSecondTransferInTheSameQuarterIsHeavierAndCriticisesTheUnit() {
        MeasureProposal first = rules.propose(facts(ReportSource.PATROL, "OVERDUE", 0, 0, 0, 0, 0)).decision();
        RuleOutcome<MeasureProposal> second = rules.propose(facts(ReportSource.PATROL, "OVERDUE", 0, 0, 0, 1, 1));

        assertThat(second.decision().measure().isHeavierThan(first.measure())).isTrue();
        assertThat(second.decision().measure()).isEqualTo(AccountabilityMeasure.PUBLIC_CRITICISM);
        assertThat(second.decision().target()).isEqualTo(AccountabilityTarget.UNIT);
        assertThat(second.decision().score()).isEqualTo(3);
        assertThat(second.firedRules()).contains("加重 - 本季度内再次被移交问责", "加重 - 本年度内曾被问责",
                "对象 - 通报批评适用于责任单位");
        assertThat(second.decision().describeFactors()).isEqualTo("本季度内已被问责1次（+2），本年度内已被问责1次（+1）");
    }

    @Test
    void repeatedTransfersInOneQuarterClimbTheWholeScale() {
        assertThat(rules.propose(facts(ReportSource.PATROL, "OVERDUE", 0, 0, 0, 2, 2)).decision().measure())
                .isEqualTo(AccountabilityMeasure.ADMONISHMENT_TALK);
        MeasureProposal fourth = rules.propose(facts(ReportSource.PATROL, "OVERDUE", 0, 0, 0, 3, 3)).decision();
        assertThat(fourth.measure()).isEqualTo(AccountabilityMeasure.AWARDS_DISQUALIFICATION);
        assertThat(fourth.target()).isEqualTo(AccountabilityTarget.UNIT);
        assertThat(fourth.appealWorkingDays()).as("the heaviest measure leaves more time to appeal").isEqualTo(10);
    }

    @Test
    void anAdmonishmentTalkIsHeldWithTheUnitsPrincipal() {
        RuleOutcome<MeasureProposal> outcome = rules.propose(facts(ReportSource.NATIONAL_INSPECTION, "OVERDUE", 25, 0, 0, 0, 0));

        assertThat(outcome.decision().measure()).isEqualTo(AccountabilityMeasure.ADMONISHMENT_TALK);
        assertThat(outcome.decision().target()).isEqualTo(AccountabilityTarget.PRINCIPAL);
        assertThat(outcome.firedRules()).contains("加重 - 国家级检查发现的问题", "加重 - 超期20个工作日以上",
                "对象 - 诫勉谈话对责任单位主要负责人进行");
        assertThat(outcome.decision().reason()).contains("加重分值4分");
    }

    @ParameterizedTest(name = "{0}, {1}, overdue {2}, rework {3}, orders {4}, prior {5}/{6} → {7} ({8})")
    @CsvSource({
            "PATROL,                OVERDUE,                   0,  0, 0, 0, 0, WRITTEN_SELF_CRITICISM,  RESPONSIBLE",
            "HOTLINE,               REWORKED,                  0,  1, 0, 0, 0, WRITTEN_SELF_CRITICISM,  RESPONSIBLE",
            "PATROL,                OVERDUE,                   5,  0, 0, 0, 0, WRITTEN_SELF_CRITICISM,  RESPONSIBLE",
            "PROVINCIAL_INSPECTION, OVERDUE,                   0,  0, 0, 0, 0, WRITTEN_SELF_CRITICISM,  RESPONSIBLE",
            "PROVINCIAL_INSPECTION, OVERDUE,                   5,  0, 0, 0, 0, PUBLIC_CRITICISM,        UNIT",
            "NATIONAL_INSPECTION,   OVERDUE,                   0,  0, 0, 0, 0, PUBLIC_CRITICISM,        UNIT",
            "PATROL,                REWORKED,                  0,  3, 0, 0, 0, PUBLIC_CRITICISM,        UNIT",
            "PATROL,                SUPERVISION_ORDER_EXPIRED, 0,  0, 1, 0, 0, WRITTEN_SELF_CRITICISM,  RESPONSIBLE",
            "PATROL,                SUPERVISION_ORDER_EXPIRED, 20, 0, 1, 0, 0, PUBLIC_CRITICISM,        UNIT",
            "PATROL,                CLEARANCE_DATE_PASSED,     0,  2, 0, 0, 0, PUBLIC_CRITICISM,        UNIT",
            "PATROL,                OVERDUE,                   0,  0, 0, 0, 1, WRITTEN_SELF_CRITICISM,  DEPUTY",
            "PATROL,                OVERDUE,                   0,  0, 0, 0, 3, PUBLIC_CRITICISM,        UNIT",
            "PROVINCIAL_INSPECTION, SUPERVISION_ORDER_EXPIRED, 20, 2, 2, 0, 0, ADMONISHMENT_TALK,       PRINCIPAL",
            "NATIONAL_INSPECTION,   SUPERVISION_ORDER_EXPIRED, 20, 3, 2, 0, 0, AWARDS_DISQUALIFICATION, UNIT",
    })
    void eachCircumstanceWeighs(ReportSource source, String trigger, int overdue, int rework, int orders,
            int priorInQuarter, int priorInYear, AccountabilityMeasure measure, AccountabilityTarget target) {
        MeasureProposal proposal = rules.propose(facts(source, trigger, overdue, rework, orders, priorInQuarter,
                priorInYear)).decision();

        assertThat(proposal.measure()).isEqualTo(measure);
        assertThat(proposal.target()).isEqualTo(target);
        assertThat(proposal.appealWorkingDays()).isPositive();
    }

    @Test
    void higherLevelInspectionsWeighHeavierThanTheDistrictsOwnFindings() {
        int patrol = rules.propose(facts(ReportSource.SUPERVISION, "OVERDUE", 6, 0, 0, 0, 0)).decision().score();
        int provincial = rules.propose(facts(ReportSource.PROVINCIAL_INSPECTION, "OVERDUE", 6, 0, 0, 0, 0)).decision().score();
        int national = rules.propose(facts(ReportSource.NATIONAL_INSPECTION, "OVERDUE", 6, 0, 0, 0, 0)).decision().score();

        assertThat(patrol).isLessThan(provincial);
        assertThat(provincial).isLessThan(national);
    }

    private static AccountabilityFacts facts(ReportSource source, String trigger, int overdueWorkingDays, int reworkCount,
            int supervisionOrders, int priorInQuarter, int priorInYear) {
        return new AccountabilityFacts("高新区城市管理局", trigger, source, Severity.GENERAL, overdueWorkingDays, reworkCount,
                supervisionOrders, priorInQuarter, priorInYear);
    }
}
