package org.rectify.discipline;

import java.time.OffsetDateTime;

/** One transfer of a case to the discipline office, and where its process stands. */
record Transfer(long id, long caseId, int sequence, String businessKey, String unitCode, TransferTrigger trigger,
        String detail, OffsetDateTime transferredAt, String processInstanceId, Status status,
        OffsetDateTime effectiveAt, OffsetDateTime closedAt) {

    enum Status {
        AWAITING_DECISION("待纪工委审查决定"),
        NOTIFIED("已通知单位，申诉期内"),
        APPEALED("单位已申诉，待复核"),
        EFFECTIVE("问责决定已生效"),
        CANCELLED("问责流程已撤销");

        private final String chineseLabel;

        Status(String chineseLabel) {
            this.chineseLabel = chineseLabel;
        }

        String chineseLabel() {
            return chineseLabel;
        }
    }

    boolean isOpen() {
        return closedAt == null;
    }
}
