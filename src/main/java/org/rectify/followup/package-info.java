/**
 * The reporter's follow-up (回访): when a public report's case is closed, its reporter is asked through an unguessable
 * link whether the problem is really fixed. Silence for the rule-set's days counts as satisfied; "not fixed" with a
 * photo goes to a supervisor's re-verification (复核), whose FAIL reopens the same case to its unit
 * ({@code processes/followup.bpmn}). The answers feed the satisfaction and reopen rates.
 *
 * <p>Owns {@code followup}. It learns of closed cases from the cases module's {@code CaseClosed} event and reopens
 * through {@code CaseSteps}, asks the reporter through the notices module's outbox, takes its waiting period from the
 * rules ({@code FollowupPolicy}) and runs its process through the workflow module's {@code CaseProcess}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cases", "catalog", "clock", "notices", "rules", "security", "shared", "workflow"})
package org.rectify.followup;
