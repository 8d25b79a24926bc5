package org.rectify.escalation;

import java.util.Map;

/**
 * A ladder step was taken for a case, once for its deadline round. Published inside the step's transaction,
 * so what listeners do (issue a document, start the discipline process) commits or rolls back with it.
 */
public record EscalationStepTaken(long caseId, Step step, int round, Map<String, Object> particulars) {

    public enum Step {
        WARNING("预警"), URGING("催办"), SUPERVISION("督办"), TRANSFER("移交纪检");

        private final String chineseLabel;

        Step(String chineseLabel) {
            this.chineseLabel = chineseLabel;
        }

        public String chineseLabel() {
            return chineseLabel;
        }
    }

    /** Why a case went to the discipline office; particulars key {@code trigger} holds one of these names. */
    public enum TransferReason {
        OVERDUE("超期未整改"), SUPERVISION_ORDER_EXPIRED("督办令到期仍未整改"), REWORKED("多次返工仍未通过核查");

        private final String chineseLabel;

        TransferReason(String chineseLabel) {
            this.chineseLabel = chineseLabel;
        }

        public String chineseLabel() {
            return chineseLabel;
        }
    }
}
