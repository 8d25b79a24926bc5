package org.rectify.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** The key of the process a task belongs to, read from the deployed model (no query, no authorization check). */
final class ProcessKeys {

    private ProcessKeys() {
    }

    static String of(DelegateTask task) {
        ModelElementInstance element = task.getBpmnModelElementInstance();
        while (element != null && !(element instanceof Process)) {
            element = element.getParentElement();
        }
        return element == null ? null : ((Process) element).getId();
    }
}
