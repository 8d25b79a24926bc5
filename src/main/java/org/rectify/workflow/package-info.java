/**
 * The adapter to the process engine for cases: deploying {@code processes/} (forms assembled from
 * {@code processes/forms/_shared/}), starting a case's process ({@link org.rectify.workflow.CaseProcess}), the
 * BPMN delegates and listeners (thin, by {@code ${bean}}), and the case actions API that completes the same tasks
 * as Tasklist ({@link org.rectify.workflow.CaseTasks}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cases", "catalog", "clock", "escalation", "rules", "security", "shared"})
package org.rectify.workflow;
