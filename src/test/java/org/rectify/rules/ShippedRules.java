package org.rectify.rules;

/** The project's own rules/ folder as an engine, for tests of other modules that decide through the rules. */
public final class ShippedRules {

    private ShippedRules() {
    }

    public static RuleEngine engine() {
        return RuleFiles.engine();
    }
}
