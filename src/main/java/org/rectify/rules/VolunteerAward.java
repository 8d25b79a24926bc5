package org.rectify.rules;

/**
 * The points one verified report earns, the reporter's total with them, and the star level that total reaches
 * (0 = not yet starred, 1 … 5 = 一星 … 五星); {@code stars == -1} marks the step not taken yet while the rules run.
 */
public record VolunteerAward(int points, int totalAfter, int stars, String reason) {

    public static VolunteerAward points(VolunteerFacts facts, int points, String reason) {
        return new VolunteerAward(points, facts.pointsBefore() + points, -1, reason);
    }

    public VolunteerAward withStars(int level, String why) {
        return new VolunteerAward(points, totalAfter, level, reason + "；累计" + totalAfter + "分，" + why);
    }
}
