/**
 * The campaign console (/console): server-rendered pages for the people who steer a campaign — the live
 * dashboard (实时监控), the ledger (台账) with its XLSX export, the case page with its timeline and actions,
 * the dispatcher's and supervisor's queues, the discipline office's inbox, the monthly ranking (一月一评比),
 * the weekly bulletin (一周一反馈), and a mobile report form. It signs in through the Camunda webapp session
 * ({@link org.rectify.security.WebappSessions}), acts through the same domain services as the API, and
 * reads the case tables directly for its lists and figures.
 */
package org.rectify.console;
