package org.rectify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScoringTests {

    @Test
    void theScoreIsTheBasePlusCreditsMinusDeductions() {
        assertThat(Scoring.score(new BigDecimal("-14.0"), new BigDecimal("0.5"))).isEqualByComparingTo("86.5");
    }

    @Test
    void aUnitWhoseDeductionsPassTheBaseScoresNoughtNotANegativeNumber() {
        assertThat(Scoring.score(new BigDecimal("-229.0"), new BigDecimal("2.0"))).isEqualByComparingTo("0");
    }
}
