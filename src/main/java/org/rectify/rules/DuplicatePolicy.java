package org.rectify.rules;

/**
 * How far and how long back a new report looks for an open case it repeats: reports of the same category
 * within {@code radiusMetres} (or in the same grid cell when a distance is unknown) and within
 * {@code windowHours} of the case's report are duplicates.
 */
public record DuplicatePolicy(int radiusMetres, int windowHours, String reason) {
}
