package org.rectify.rules;

/** Who a measure applies to: the responsible unit, the person who handled the case, or the unit's responsible leader. */
public enum AccountabilityTarget {

    UNIT("责任单位"),
    HANDLER("具体经办人"),
    LEADER("包保领导");

    private final String chineseLabel;

    AccountabilityTarget(String chineseLabel) {
        this.chineseLabel = chineseLabel;
    }

    public String chineseLabel() {
        return chineseLabel;
    }
}
