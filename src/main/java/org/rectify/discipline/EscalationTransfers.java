package org.rectify.discipline;

import org.rectify.escalation.EscalationStepTaken;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The top of the escalation ladder: a transfer step starts the discipline process, in the same transaction. */
@Component
class EscalationTransfers {

    private final Discipline discipline;

    EscalationTransfers(Discipline discipline) {
        this.discipline = discipline;
    }

    @EventListener
    void on(EscalationStepTaken step) {
        if (step.step() != EscalationStepTaken.Step.TRANSFER) {
            return;
        }
        TransferTrigger trigger = TransferTrigger.valueOf((String) step.particulars().get("trigger"));
        discipline.transfer(step.caseId(), trigger, "整改逾期升级阶梯的最后一级：" + trigger.chineseLabel());
    }
}
