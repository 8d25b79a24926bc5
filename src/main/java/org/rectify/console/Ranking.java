package org.rectify.console;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rectify.catalog.Unit;
import org.rectify.evaluation.Evaluation;
import org.rectify.evaluation.Evaluations;
import org.rectify.evaluation.Indicators;
import org.rectify.evaluation.Period;
import org.rectify.rules.ScoreFacts;
import org.springframework.stereotype.Component;

/**
 * The monthly ranking of units (一月一评比) as the evaluation feature stores it: each unit's score from the score
 * rules (rules/scores.drl: 100 minus deductions plus credits, each line naming its case and rule) and its indicators
 * (formulas in {@link Indicators}, docs/indicators.md). A month that is over shows its latest stored version; the
 * current month (or a past month not computed yet) shows a preview computed now by the same rules, stored nowhere.
 */
@Component
class Ranking {

    public record Row(int rank, String unitCode, String unitName, String unitKind, Indicators indicators, long orders,
            long transfers, BigDecimal deductions, BigDecimal credits, Double score, boolean mine,
            List<Evaluation.Line> lines) {

        public long closed() {
            return indicators.closedCases();
        }

        public long due() {
            return indicators.dueCases();
        }

        public long onTime() {
            return indicators.onTimeClosed();
        }

        public long reworked() {
            return indicators.reworks();
        }

        public long overdue() {
            return indicators.overdueCases();
        }

        public String closureRate() {
            return Indicators.percent(indicators.closureRate());
        }

        public String onTimeRate() {
            return Indicators.percent(indicators.onTimeClosureRate());
        }

        public String handlingRate() {
            return Indicators.percent(indicators.onTimeHandlingRate());
        }

        public String reworkRate() {
            return Indicators.percent(indicators.reworkRate());
        }

        public String extensionRate() {
            return Indicators.percent(indicators.extensionRate());
        }

        public String dispatchRate() {
            return Indicators.percent(indicators.accurateDispatchRate());
        }

        public String scoreText() {
            return score == null ? "—" : String.format("%.1f", score);
        }

        public boolean assessed() {
            return rank > 0;
        }

        /** Null when the reader may not see this unit's deduction lines. */
        public boolean linesVisible() {
            return lines != null;
        }

        public String tone() {
            if (mine) {
                return "mine";
            }
            if (score == null) {
                return "poor";
            }
            return score >= 90 ? "good" : score >= 75 ? "mid" : "poor";
        }

        public String rankText() {
            return rank == 0 ? "—" : Integer.toString(rank);
        }

        public static String points(BigDecimal points) {
            return (points.signum() > 0 ? "+" : "") + points.stripTrailingZeros().toPlainString();
        }
    }

    /**
     * @param version the stored version shown; 0 for a preview
     */
    public record Result(YearMonth month, List<Row> rows, int rankedUnits, int version, String ruleSetVersion,
            OffsetDateTime computedAt, String trigger) {

        public String monthLabel() {
            return Period.month(month).label();
        }

        public boolean stored() {
            return version > 0;
        }
    }

    static final Map<String, Comparator<Row>> SORTS = Map.of(
            "score", Comparator.comparing((Row r) -> r.score() == null ? -1 : r.score()),
            "cases", Comparator.comparingLong(Row::due),
            "onTime", Comparator.comparingDouble((Row r) -> value(r.indicators().onTimeClosureRate(), 1)),
            "rework", Comparator.comparingDouble((Row r) -> value(r.indicators().reworkRate(), 0)),
            "overdue", Comparator.comparingLong(Row::overdue),
            "escalations", Comparator.comparingLong((Row r) -> r.orders() + r.transfers()));

    private final Evaluations evaluations;

    private final org.rectify.rules.RuleSetLabels ruleSetLabels;

    Ranking(Evaluations evaluations, org.rectify.rules.RuleSetLabels ruleSetLabels) {
        this.evaluations = evaluations;
        this.ruleSetLabels = ruleSetLabels;
    }

    /**
     * Every active unit, ranked by score (units with nothing to assess are listed last, unranked). Deduction lines of
     * units other than {@code myUnits} are left out unless {@code allLines}.
     */
    Result compute(YearMonth month, Directory.Snapshot directory, OffsetDateTime now, Set<String> myUnits, boolean allLines) {
        Period period = Period.month(month);
        Evaluation evaluation = period.isClosed(now) ? evaluations.latest(period).orElseGet(() -> evaluations.preview(period))
                : evaluations.preview(period);
        Map<String, String> kinds = new HashMap<>();
        for (Unit unit : directory.units()) {
            kinds.put(unit.code(), unit.kind().chineseLabel());
        }
        List<Row> rows = new ArrayList<>();
        for (Evaluation.Row r : evaluation.rows()) {
            boolean mine = myUnits.contains(r.unitCode());
            long orders = r.lines().stream().filter(l -> l.kind().equals(ScoreFacts.SUPERVISION)).count();
            long transfers = r.lines().stream().filter(l -> l.kind().equals(ScoreFacts.TRANSFER)).count();
            rows.add(new Row(r.rank() == null ? 0 : r.rank(), r.unitCode(), r.unitName(), kinds.getOrDefault(r.unitCode(), ""),
                    r.indicators(), orders, transfers, r.deductions(), r.credits(),
                    r.rank() == null ? null : r.score().doubleValue(), mine, allLines || mine ? r.lines() : null));
        }
        // People read the version as "2026-12-01 第3版"; the hash stays in the API (GET /api/evaluation/...).
        return new Result(month, rows, evaluation.rankedUnits(), evaluation.version(),
                ruleSetLabels.label(evaluation.ruleSetVersion()), evaluation.computedAt(), evaluation.trigger());
    }

    private static double value(Double rate, double none) {
        return rate == null ? none : rate;
    }

    static List<Row> sorted(List<Row> rows, String sort, String dir) {
        Comparator<Row> comparator = SORTS.get(sort);
        if (comparator == null) {
            return rows;
        }
        Comparator<Row> ordered = "asc".equals(dir) ? comparator : comparator.reversed();
        return rows.stream().sorted(ordered.thenComparing(Row::unitCode)).toList();
    }
}
