/**
 * Campaigns (专项整治 / 迎检 / 问题清单): a named drive with a source level, a scope and a clearance date
 * (清零时限). Inspection lists are validated ({@code ListValidation}) and imported as the campaign's cases by the
 * engine's jobs ({@code processes/campaign-import.bpmn}: a job per batch, each row behind a savepoint, keyed by its
 * item number so re-imports and retries add nothing twice, progress kept in the database); the cases module asks it
 * a campaign's clearance date through {@link org.rectify.cases.CampaignClearances}; deadlines of its cases never
 * pass the clearance date (a time-limit rule); when the date passes, the campaign's process escalates every
 * uncleared item at once; the board shows progress, a burn-down with a projection and the items at risk.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cases", "catalog", "clock", "discipline", "escalation", "intake", "rules", "security", "shared"})
package org.rectify.campaigns;
