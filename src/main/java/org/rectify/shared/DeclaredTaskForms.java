package org.rectify.shared;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the forms of a module's user tasks declare they submit. The module that owns a process implements it from
 * its one list per task key of its process; the guard on Camunda's own doors (Tasklist's engine API, /engine-rest) refuses a
 * completion that sends anything else.
 */
public interface DeclaredTaskForms {

    /** One task's form: its name as users read it, the audit trail's name of the act, the variables it may send. */
    record DeclaredForm(String stepName, String action, Predicate<String> allows, String declaredText) {
    }

    /**
     * The task's form if this module owns the process: keyed by the process definition key and the task key, since
     * two processes may well name a task alike ({@code UserTask_Review}) and must not be given each other's form.
     */
    Optional<DeclaredForm> formOf(String processKey, String taskKey);
}
