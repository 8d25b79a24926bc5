package org.rectify.rules;

import java.util.Comparator;
import java.util.List;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/**
 * What the accountability rules (rules/penalties.drl) know about one transfer to the discipline office.
 *
 * @param unitName           the responsible unit, for the explanation
 * @param trigger            why the case was transferred: OVERDUE, REWORKED, SUPERVISION_ORDER_EXPIRED or
 *                           CLEARANCE_DATE_PASSED (the names of {@code org.rectify.discipline.TransferTrigger})
 * @param overdueWorkingDays working days past the deadline, 0 if the deadline has not passed
 * @param supervisionOrders  supervision orders (督办单) issued on this case before the transfer
 * @param priorInQuarter     the unit's earlier accountability decisions this quarter (other transfers)
 * @param priorInYear        the unit's earlier accountability decisions this year, this quarter's included
 */
public record AccountabilityFacts(
        String unitName,
        String trigger,
        ReportSource source,
        Severity severity,
        int overdueWorkingDays,
        int reworkCount,
        int supervisionOrders,
        int priorInQuarter,
        int priorInYear) {

    /** One aggravating circumstance (加重情节) a rule found, with the points it adds. */
    public record Factor(int points, String reason) {
    }

    /** All aggravating circumstances, summed once the rules have found them; heaviest first. */
    public record Score(int points, List<Factor> factors) {

        public Score {
            factors = factors.stream()
                    .sorted(Comparator.comparingInt(Factor::points).reversed().thenComparing(Factor::reason))
                    .toList();
        }

        public static Score of(List<?> factors) {
            List<Factor> list = factors.stream().map(Factor.class::cast).toList();
            return new Score(list.stream().mapToInt(Factor::points).sum(), list);
        }
    }
}
