package org.rectify.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The score rules' answer for one item: points added (credit, positive) or taken off (deduction, negative),
 * to one decimal; zero means the item does not count. The rule that made it is the one that fired.
 */
public record ScoreLine(BigDecimal points, String reason) {

    public ScoreLine {
        points = points.setScale(1, RoundingMode.HALF_UP);
    }

    /** For the rule files: {@code ScoreLine.of(-3, "…")}. */
    public static ScoreLine of(double points, String reason) {
        return new ScoreLine(BigDecimal.valueOf(points), reason);
    }
}
