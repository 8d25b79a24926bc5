/**
 * The campaign console (/console): server-rendered pages for the people who steer a campaign — the live
 * dashboard (实时监控), the ledger (台账) with its XLSX export, the case page with its timeline and actions,
 * the dispatcher's and supervisor's queues, the discipline office's inbox, the monthly ranking (一月一评比),
 * the weekly bulletin (一周一反馈), and a mobile report form. It signs in through the Camunda webapp session
 * ({@link org.rectify.security.WebappSessions}) and acts through the same domain services as the API.
 *
 * <p>It is the one declared read model: for its lists and figures it reads other modules' tables by SQL (cases,
 * campaigns, discipline transfers, documents, each case's rung on the escalation ladder; each read is listed with its
 * reason in {@code src/test/resources/modules/cross-module-reads.txt}, which {@code TableOwnershipTests} checks), and
 * it never writes them — except the demo seeder {@code CaseSeeder}, which bulk-loads cases for the page-speed benchmark.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar :: api", "campaigns", "cases", "catalog", "clock", "discipline", "documents", "escalation", "evaluation", "intake", "notices", "rules", "security", "shared", "tasks", "web", "workflow"})
package org.rectify.console;
