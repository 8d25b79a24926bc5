package org.rectify.cases;

/** Where a case stands in its lifecycle; the labels are what users read. */
public enum CaseStatus {
    PENDING_CHECK("待核实"),
    REJECTED("不予立案"),
    AWAITING_ACCEPTANCE("待签收"),
    RETURNED("已退回待改派"),
    IN_RECTIFICATION("整改中"),
    AWAITING_EXTENSION_DECISION("延期待审批"),
    AWAITING_SUSPENSION_DECISION("挂账待审批"),
    SUSPENDED("挂账中"),
    AWAITING_VERIFICATION("待核查"),
    CLOSED("已销号"),
    VOIDED("已作废");

    private final String chineseLabel;

    CaseStatus(String chineseLabel) {
        this.chineseLabel = chineseLabel;
    }

    public String chineseLabel() {
        return chineseLabel;
    }

    public boolean isOpen() {
        return this != REJECTED && this != CLOSED && this != VOIDED;
    }

    /** While suspended the clock stops: the case cannot be overdue. */
    public boolean isClockRunning() {
        return isOpen() && this != SUSPENDED;
    }
}
