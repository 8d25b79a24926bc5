package org.rectify.rules;

/**
 * Where a unit stands in the weekly bulletin: {@link #CRITICISED} (点名批评), {@link #PRAISED} (表扬) or
 * {@link #NOT_LISTED}; exactly one, so no unit is praised and criticised in the same issue. {@code weight} orders
 * the criticised (the heaviest first); the bulletin names at most three of each.
 */
public record BulletinListing(String listing, int weight, String reason) {

    public static final String CRITICISED = "点名批评";
    public static final String PRAISED = "表扬";
    public static final String NOT_LISTED = "不列入";
}
