package org.rectify.rules;

import org.rectify.calendar.TimeLimitUnit;

/**
 * A time limit (处置时限) as the rules set it: an amount of working days, working hours or natural hours.
 * {@code tightened} marks a limit already shortened by a later rule, so no rule shortens it twice.
 */
public record TimeLimitDecision(int amount, TimeLimitUnit unit, String reason, boolean tightened) {

    public TimeLimitDecision(int amount, TimeLimitUnit unit, String reason) {
        this(amount, unit, reason, false);
    }

    /** The same limit cut to a share of itself, never below one unit. */
    public TimeLimitDecision tightenedTo(double share, String why) {
        int tightenedAmount = Math.max(1, (int) Math.ceil(amount * share));
        return new TimeLimitDecision(tightenedAmount, unit, reason + "；" + why, true);
    }

    public String describe() {
        return amount + "个" + unit.chineseLabel();
    }
}
