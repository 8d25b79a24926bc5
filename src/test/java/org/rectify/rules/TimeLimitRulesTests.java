package org.rectify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rectify.calendar.TimeLimitUnit;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/** rules/time-limits.drl: how long a unit has, first time and after a failed verification. */
class TimeLimitRulesTests {

    private final RuleEngine rules = RuleFiles.engine();

    @ParameterizedTest(name = "{0} {1} from {2} → {3} {4}")
    @CsvSource({
            "STREET_VENDING,      GENERAL, PATROL,                3,  WORKING_DAYS",
            "STALLS,              GENERAL, CITIZEN,               3,  WORKING_DAYS",
            "STREET_VENDING,      SERIOUS, PATROL,                3,  WORKING_DAYS",
            "NOISE,               GENERAL, PATROL,                5,  WORKING_DAYS",
            "NOISE,               SERIOUS, GRID,                  3,  WORKING_DAYS",
            "NOISE,               URGENT,  HOTLINE,               8,  WORKING_HOURS",
            "ILLEGAL_BUILDING,    GENERAL, PATROL,                15, WORKING_DAYS",
            "BLACK_ODOROUS_WATER, SERIOUS, SUPERVISION,           20, WORKING_DAYS",
            "STREET_LIGHT,        GENERAL, PATROL,                2,  WORKING_DAYS",
            "FOOD_SAFETY,         URGENT,  PATROL,                4,  NATURAL_HOURS",
            "FIRE_FACILITIES,     URGENT,  NATIONAL_INSPECTION,   4,  NATURAL_HOURS",
            "STREET_VENDING,      GENERAL, PROVINCIAL_INSPECTION, 2,  WORKING_DAYS",
            "NOISE,               GENERAL, NATIONAL_INSPECTION,   3,  WORKING_DAYS",
            "ILLEGAL_BUILDING,    GENERAL, NATIONAL_INSPECTION,   8,  WORKING_DAYS",
            "NOISE,               URGENT,  PROVINCIAL_INSPECTION, 4,  WORKING_HOURS",
    })
    void firstTimeLimit(String category, Severity severity, ReportSource source, int amount, TimeLimitUnit unit) {
        TimeLimitDecision decision = rules.timeLimit(TimeLimitFacts.forAssignment(category, category, severity, source))
                .decision();

        assertThat(decision.amount()).isEqualTo(amount);
        assertThat(decision.unit()).isEqualTo(unit);
    }

    @Test
    void aSpecificRuleWinsOverTheGeneralTierAndSaysWhy() {
        RuleOutcome<TimeLimitDecision> outcome = rules.timeLimit(
                TimeLimitFacts.forAssignment("STREET_VENDING", "占道经营", Severity.GENERAL, ReportSource.PATROL));

        assertThat(outcome.firedRules()).containsExactly("时限 - 占道经营、店外经营、摆摊设点 - 一般");
        assertThat(outcome.decision().describe()).isEqualTo("3个工作日");
    }

    @Test
    void higherLevelInspectionsHalveTheLimitOnce() {
        RuleOutcome<TimeLimitDecision> outcome = rules.timeLimit(
                TimeLimitFacts.forAssignment("NOISE", "噪声扰民", Severity.GENERAL, ReportSource.PROVINCIAL_INSPECTION));

        assertThat(outcome.firedRules()).containsExactly("时限 - 一般问题", "时限 - 省级、国家级检查发现的问题时限减半");
        assertThat(outcome.decision().reason()).contains("上级检查发现的问题时限减半");
    }

    @ParameterizedTest(name = "rework {0} of {1} {2} → {3} {4}")
    @CsvSource({
            "1, 3,  WORKING_DAYS,  2, WORKING_DAYS",
            "1, 5,  WORKING_DAYS,  3, WORKING_DAYS",
            "1, 15, WORKING_DAYS,  8, WORKING_DAYS",
            "1, 8,  WORKING_HOURS, 4, WORKING_HOURS",
            "1, 1,  WORKING_DAYS,  1, WORKING_DAYS",
            "2, 15, WORKING_DAYS,  1, WORKING_DAYS",
            "3, 4,  NATURAL_HOURS, 1, WORKING_DAYS",
    })
    void reworkIsShorter(int reworkCount, int initialAmount, TimeLimitUnit initialUnit, int amount, TimeLimitUnit unit) {
        TimeLimitDecision decision = rules.timeLimit(TimeLimitFacts.forRework("NOISE", "噪声扰民", Severity.GENERAL,
                ReportSource.PATROL, reworkCount, initialAmount, initialUnit)).decision();

        assertThat(decision.amount()).isEqualTo(amount);
        assertThat(decision.unit()).isEqualTo(unit);
    }
}
