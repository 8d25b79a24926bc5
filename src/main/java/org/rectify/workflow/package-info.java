/**
 * The adapter to the process engine for cases: deploying {@code processes/} (forms assembled from
 * {@code processes/forms/_shared/}), starting a case's process ({@link org.rectify.workflow.CaseProcess}), the
 * BPMN delegates and listeners (thin, by {@code ${bean}}), and the case actions API that completes the same tasks
 * as Tasklist ({@link org.rectify.workflow.CaseTasks}).
 *
 * <p>It uses {@code web} because it guards HTTP doors itself: {@code EngineDoorGuard}, a servlet filter in front of
 * Camunda's Tasklist engine API and {@code /engine-rest}, refuses a completion as {@code application/problem+json}
 * through {@link org.rectify.web.Problems}, as every other door does. What a task's form may send is looked up by
 * the task's process key and task key ({@link org.rectify.workflow.CaseStep#of}, and each module's
 * {@link org.rectify.shared.DeclaredTaskForms}), so a like-named task of another process gets no case step's form.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cases", "catalog", "clock", "escalation", "rules", "security", "shared", "web"})
package org.rectify.workflow;
