package org.rectify.documents;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rectify.cases.CaseAssigned;
import org.rectify.discipline.AccountabilityDecided;
import org.rectify.escalation.EscalationStepTaken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which step issues which document: an assignment the rectification notice, the urging step the urging notice,
 * the supervision step the supervision order, an accountability decision its decision. Each is issued in the
 * step's own transaction, so a step without its document (or a document without its step) cannot exist.
 */
@Component
class DocumentTriggers {

    private final Documents documents;
    private final String accountabilityBasis;

    DocumentTriggers(Documents documents,
            @Value("${rectify.documents.accountability-basis:《云岭高新区创建文明城市工作问责办法》}") String accountabilityBasis) {
        this.documents = documents;
        this.accountabilityBasis = accountabilityBasis;
    }

    @EventListener
    void on(CaseAssigned assigned) {
        documents.issue(assigned.caseId(), DocumentType.RECTIFICATION_NOTICE, Map.of());
    }

    @EventListener
    void on(EscalationStepTaken step) {
        switch (step.step()) {
            case URGING -> documents.issue(step.caseId(), DocumentType.URGING_NOTICE, step.particulars());
            case SUPERVISION -> documents.issue(step.caseId(), DocumentType.SUPERVISION_ORDER, step.particulars());
            default -> { }
        }
    }

    @EventListener
    void on(AccountabilityDecided decision) {
        Map<String, Object> particulars = new LinkedHashMap<>();
        particulars.put("measure", decision.measure());
        particulars.put("target", decision.target());
        particulars.put("reasons", decision.reasons());
        particulars.put("appealWorkingDays", decision.appealWorkingDays());
        particulars.put("decidedBy", decision.decidedBy());
        particulars.put("basis", accountabilityBasis);
        documents.issue(decision.caseId(), DocumentType.ACCOUNTABILITY_DECISION, particulars);
    }
}
