package org.rectify.rules;

/**
 * The accountability measures (问责措施) of the district's accountability rules, lightest first: the order is
 * their weight, so later rules and the appeal review can compare them.
 */
public enum AccountabilityMeasure {

    WRITTEN_SELF_CRITICISM("责令作出书面检查", true),
    PUBLIC_CRITICISM("通报批评", false),
    ADMONISHMENT_TALK("诫勉谈话", true),
    AWARDS_DISQUALIFICATION("取消当年评优评先资格", false);

    private final String chineseLabel;
    private final boolean personal;

    AccountabilityMeasure(String chineseLabel, boolean personal) {
        this.chineseLabel = chineseLabel;
        this.personal = personal;
    }

    /**
     * A measure against a person (书面检查, 诫勉谈话: a unit cannot write a self-criticism or be talked to), as
     * opposed to one against the unit as a body (通报批评, 取消评优评先).
     */
    public boolean isPersonal() {
        return personal;
    }

    /** Whether the measure can be taken against the target: person measures need a person, unit measures the unit. */
    public boolean fits(AccountabilityTarget target) {
        return target != null && personal == target.isPerson();
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
