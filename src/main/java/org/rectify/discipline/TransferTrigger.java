package org.rectify.discipline;

/** Why a case goes to the discipline office: the escalation step that gave up on the unit. */
public enum TransferTrigger {

    OVERDUE("超期未整改"),
    REWORKED("多次返工仍未通过核查"),
    SUPERVISION_ORDER_EXPIRED("督办期满仍未落实"),
    CLEARANCE_DATE_PASSED("问题清单清零期限已过仍未整改");

    private final String chineseLabel;

    TransferTrigger(String chineseLabel) {
        this.chineseLabel = chineseLabel;
    }

    public String chineseLabel() {
        return chineseLabel;
    }
}
