package org.rectify.rules;

/**
 * The accountability measures (问责措施) of the district's accountability rules, lightest first: the order is
 * their weight, so later rules and the appeal review can compare them.
 */
public enum AccountabilityMeasure {

    WRITTEN_SELF_CRITICISM("责令作出书面检查"),
    PUBLIC_CRITICISM("通报批评"),
    ADMONISHMENT_TALK("诫勉谈话"),
    AWARDS_DISQUALIFICATION("取消当年评优评先资格");

    private final String chineseLabel;

    AccountabilityMeasure(String chineseLabel) {
        this.chineseLabel = chineseLabel;
    }

    public String chineseLabel() {
        return chineseLabel;
    }

    /** 1 for the lightest measure, 4 for the heaviest. */
    public int weight() {
        return ordinal() + 1;
    }

    public boolean isHeavierThan(AccountabilityMeasure other) {
        return compareTo(other) > 0;
    }
}
