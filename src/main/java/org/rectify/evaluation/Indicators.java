package org.rectify.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One unit's indicators in one period, after the evaluation practice of China's digital city management
 * (CJ/T 292 family). "The unit's cases" are the cases whose lead unit (牵头单位) it is, without rejected (不予立案)
 * and voided (作废) ones; only events before the period's end count, so a closed period gives the same numbers
 * whenever it is computed (unless a case's deadline was moved afterwards, see docs/indicators.md).
 *
 * @param dueCases      应结案数: the unit's cases whose deadline falls in the period
 * @param closedCases   结案数: of those, closed (销号) before the period's end
 * @param onTimeClosed  按期结案数: of those, closed at or before their deadline
 * @param handledOnTime 按时处置数: of those, whose rectification (处置) was submitted at or before the deadline
 * @param handled       处置数: rectifications submitted by the unit in the period
 * @param reworks       返工数: failed verifications (核查不通过，返工) of the unit's cases in the period
 * @param overdueCases  超期数: the unit's cases past their deadline and not closed by it, at some time in the
 *                      period (deadline before the period's end, not closed before the period's start, closed
 *                      after the deadline or not at all)
 * @param extendedCases 延期数: of the due cases, those with an approved extension before the period's end
 * @param assigned      派遣数: assignments (交办) to the unit in the period
 * @param returned      误派数: of those assignments, the ones the unit returned (退回) before the period's end
 * @param followups     回访数: reporters' follow-ups of the unit's cases settled in the period (answered, or silent
 *                      past their days)
 * @param satisfied     满意数: of those, answered 已解决 or silent (silence counts as satisfied)
 * @param reopened      重新交办数: the unit's cases reopened in the period after a follow-up's re-verification failed
 */
@JsonIgnoreProperties(ignoreUnknown = true) // the stored JSON also holds the rates, which are computed
public record Indicators(int dueCases, int closedCases, int onTimeClosed, int handledOnTime, int handled, int reworks,
        int overdueCases, int extendedCases, int assigned, int returned, int followups, int satisfied, int reopened) {

    static final Indicators NONE = new Indicators(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Indicators without follow-ups (stored before the follow-up existed, or none in the period). */
    public Indicators(int dueCases, int closedCases, int onTimeClosed, int handledOnTime, int handled, int reworks,
            int overdueCases, int extendedCases, int assigned, int returned) {
        this(dueCases, closedCases, onTimeClosed, handledOnTime, handled, reworks, overdueCases, extendedCases, assigned,
                returned, 0, 0, 0);
    }

    /** 结案率 = 结案数 ÷ 应结案数; null when nothing was due. */
    @JsonProperty
    public Double closureRate() {
        return ratio(closedCases, dueCases);
    }

    /** 按期结案率 = 按期结案数 ÷ 应结案数. */
    @JsonProperty
    public Double onTimeClosureRate() {
        return ratio(onTimeClosed, dueCases);
    }

    /** 按时处置率 = 按时处置数 ÷ 应结案数. */
    @JsonProperty
    public Double onTimeHandlingRate() {
        return ratio(handledOnTime, dueCases);
    }

    /** 返工率 = 返工数 ÷ 处置数. */
    @JsonProperty
    public Double reworkRate() {
        return ratio(reworks, handled);
    }

    /** 延期率 = 延期数 ÷ 应结案数. */
    @JsonProperty
    public Double extensionRate() {
        return ratio(extendedCases, dueCases);
    }

    /** 准确派遣率 = (派遣数 − 误派数) ÷ 派遣数. */
    @JsonProperty
    public Double accurateDispatchRate() {
        return ratio(assigned - returned, assigned);
    }

    /** 满意率 = 满意数 ÷ 回访数 (answered 已解决, or silent past the rule-set's days). */
    @JsonProperty
    public Double satisfactionRate() {
        return ratio(satisfied, followups);
    }

    /** 重新交办率 = 重新交办数 ÷ 回访数. */
    @JsonProperty
    public Double reopenRate() {
        return ratio(reopened, followups);
    }

    boolean isEmpty() {
        return dueCases == 0 && handled == 0 && reworks == 0 && overdueCases == 0 && assigned == 0 && followups == 0;
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
    }

    /** A rate as users read it: {@code 66.7%}, or {@code —} when it has no denominator. */
    public static String percent(Double rate) {
        if (rate == null) {
            return "—";
        }
        double p = Math.round(rate * 1000) / 10.0;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }
}
