/**
 * Open311 GeoReport v2 (with FixMyStreet's servicerequestupdates): services from the category catalog, requests
 * filed through the same intake as every report, read back without the reporter's personal data. API keys are made by
 * administrators, each bound to a report source and rate-limited in the database.
 *
 * <p>Owns {@code open311_key} and {@code open311_request}. An HTTP edge of its own: it answers refusals in the
 * GeoReport error format, built from {@link org.rectify.web.Problems}' mapping of each refusal's kind.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cases", "catalog", "clock", "intake", "security", "shared", "web"})
package org.rectify.open311;
