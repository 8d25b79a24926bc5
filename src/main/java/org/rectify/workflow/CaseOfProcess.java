package org.rectify.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectify.cases.Cases;
import org.rectify.cases.RectificationCase;
import org.rectify.shared.TransactionMemo;
import org.springframework.stereotype.Component;

/**
 * The case a rectification process runs for, from the process instance's business key (the case number, set when
 * the process starts and never changed by a task completion). The {@code caseId} variable is only a fact the forms
 * show: a client can send one with a completion, so no callback trusts it.
 */
@Component
class CaseOfProcess {

    private final Cases cases;

    CaseOfProcess(Cases cases) {
        this.cases = cases;
    }

    RectificationCase of(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        return cases.findByNumber(number).orElseThrow(() -> new IllegalStateException(
                "No case numbered " + number + " for process instance " + execution.getProcessInstanceId()));
    }

    /**
     * Only the id: a case number names one case for good, so within a transaction it is looked up once (a step's
     * delegates ask for it one after another).
     */
    long id(DelegateExecution execution) {
        return TransactionMemo.get(key(execution.getProcessBusinessKey()), () -> of(execution).id());
    }

    /** Tells this transaction's later lookups the id of a case number already read (a start, the step gate). */
    static void remember(String caseNumber, long id) {
        TransactionMemo.get(key(caseNumber), () -> id);
    }

    private static String key(String caseNumber) {
        return "workflow.caseIdOf:" + caseNumber;
    }

    RectificationCase of(DelegateTask task) {
        return of(task.getExecution());
    }
}
