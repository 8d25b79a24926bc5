package org.rectify.rules;

import java.time.OffsetDateTime;
import org.rectify.calendar.TimeLimitUnit;

/**
 * A time limit (处置时限) as the rules set it: an amount of working days, working hours or natural hours.
 * {@code tightened} marks a limit already shortened by a later rule, so no rule shortens it twice.
 * {@code capAt}, when set, is an instant the deadline counted from the limit may not pass (a campaign's
 * clearance date): the application counts the deadline on the working calendar and takes the earlier one.
 */
public record TimeLimitDecision(int amount, TimeLimitUnit unit, String reason, boolean tightened, OffsetDateTime capAt) {

    public TimeLimitDecision(int amount, TimeLimitUnit unit, String reason) {
        this(amount, unit, reason, false, null);
    }

    public TimeLimitDecision(int amount, TimeLimitUnit unit, String reason, boolean tightened) {
        this(amount, unit, reason, tightened, null);
    }

    /** The same limit cut to a share of itself, never below one unit. */
    public TimeLimitDecision tightenedTo(double share, String why) {
        int tightenedAmount = Math.max(1, (int) Math.ceil(amount * share));
        return new TimeLimitDecision(tightenedAmount, unit, reason + "；" + why, true, capAt);
    }

    /** The same limit, whose deadline may not pass {@code at}. */
    public TimeLimitDecision cappedAt(OffsetDateTime at, String why) {
        return new TimeLimitDecision(amount, unit, reason + "；" + why, tightened, at);
    }

    public String describe() {
        return amount + "个" + unit.chineseLabel();
    }
}
