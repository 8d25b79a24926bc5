package org.rectify.rules;

/**
 * The points one verified report earns and the reporter's star level (0 = not yet starred, 1 … 5 = 一星 … 五星)
 * with them; {@code stars == -1} marks the step not taken yet while the rules run.
 */
public record VolunteerAward(int points, int stars, String reason) {

    public static VolunteerAward points(int points, String reason) {
        return new VolunteerAward(points, -1, reason);
    }

    public VolunteerAward withStars(int level, String why) {
        return new VolunteerAward(points, level, reason + "；" + why);
    }
}
