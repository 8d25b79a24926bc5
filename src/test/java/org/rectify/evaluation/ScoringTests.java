package org.rectify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
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

    @Test
    void unitsWithTheSameScoreShareARankAndUnitsWithNothingToAssessComeLastUnranked() {
        Evaluation.Line rework = new Evaluation.Line("返工", 1L, "ZG-2026-000001", new BigDecimal("-1.0"), "r", "x");
        Indicators some = new Indicators(1, 1, 1, 1, 1, 0, 0, 0, 1, 0);
        List<Evaluation.Row> ranked = Scoring.rank(List.of(
                row("a", "99.0", some, List.of(rework)),
                row("b", "100.0", Indicators.NONE, List.of()),
                row("c", "100.0", some, List.of()),
                row("d", "99.0", Indicators.NONE, List.of(rework)),
                row("e", "101.0", some, List.of())));
        assertThat(ranked.stream().map(r -> r.unitCode() + ":" + r.rank()).toList())
                .containsExactly("e:1", "c:2", "a:3", "d:3", "b:null");
    }

    private static Evaluation.Row row(String unit, String score, Indicators indicators, List<Evaluation.Line> lines) {
        return new Evaluation.Row(null, unit, unit, new BigDecimal(score), BigDecimal.ZERO, BigDecimal.ZERO, indicators,
                lines);
    }
}
