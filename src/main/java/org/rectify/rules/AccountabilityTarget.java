package org.rectify.rules;

/**
 * Who a measure applies to: the responsible unit itself, or one named person of it by post. HANDLER and LEADER are
 * the targets of decisions recorded before the posts existed; they are read, never proposed or chosen again.
 */
public enum AccountabilityTarget {

    UNIT("责任单位", false, true),
    PRINCIPAL("主要负责人", true, true),
    DEPUTY("分管负责人", true, true),
    RESPONSIBLE("具体责任人", true, true),
    HANDLER("具体经办人", true, false),
    LEADER("包保领导", true, false);

    private final String chineseLabel;
    private final boolean person;
    private final boolean selectable;

    AccountabilityTarget(String chineseLabel, boolean person, boolean selectable) {
        this.chineseLabel = chineseLabel;
        this.person = person;
        this.selectable = selectable;
    }

    public String chineseLabel() {
        return chineseLabel;
    }

    /** A named person of the unit (by post), not the unit as a body. */
    public boolean isPerson() {
        return person;
    }

    /** Offered for new decisions. */
    public boolean isSelectable() {
        return selectable;
    }
}
