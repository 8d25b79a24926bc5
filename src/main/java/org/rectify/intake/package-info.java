/**
 * Intake (上报): a report from the API, the console's form or the application itself becomes a case with its
 * process, in one transaction and idempotently. A report from people (API, form) of a problem that an open case
 * already holds is linked to that case instead (重复上报, rules/duplicates.drl): no second process, the case
 * counts its reports and the rules may raise its severity; a dispatcher can unlink a wrong match, which then
 * becomes a case of its own.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cases", "catalog", "clock", "rules", "security", "shared", "workflow"})
package org.rectify.intake;
