/**
 * The discipline office (纪工委): the last step of the escalation ladder. {@link org.rectify.discipline.Discipline#transfer}
 * starts processes/discipline.bpmn for a case; the rules (rules/penalties.drl) propose a measure and its target
 * from the unit's record; the office confirms or overrides it with a reason; the unit is notified and may
 * appeal once within the rules' window; the office reviews the appeal. Every decision is appended to the
 * unit's accountability record (never rewritten), which the next proposal reads, and is announced as an
 * {@link org.rectify.discipline.AccountabilityDecided} event in the same transaction. The supervision orders a
 * proposal weighs come from the module that issues them, through {@link org.rectify.discipline.SupervisionOrders}
 * (answered by documents).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar :: api", "cases", "catalog", "clock", "escalation", "rules", "security", "shared"})
package org.rectify.discipline;
