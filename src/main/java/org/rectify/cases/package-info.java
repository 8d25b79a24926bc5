/**
 * Cases (案件) and what happened to them: the case table, its history (events and rule decisions), photos, case
 * numbers, deadlines on the working calendar, and the steps a case takes (assignment by the rules, rework,
 * closing). Other modules use {@link org.rectify.cases.Cases}, {@link org.rectify.cases.CaseViews},
 * {@link org.rectify.cases.CaseHistory}, {@link org.rectify.cases.CaseSteps} and the records they return; the
 * campaigns module answers {@link org.rectify.cases.CampaignClearances} for it, intake answers
 * {@link org.rectify.cases.LinkedReports} (the reports linked to a case), and this module answers the rules'
 * {@link org.rectify.rules.OpenCases}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar :: api", "catalog", "clock", "rules", "security", "shared"})
package org.rectify.cases;
