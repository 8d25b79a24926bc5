/**
 * Open311 GeoReport v2 (with FixMyStreet's servicerequestupdates): services from the category catalog, requests
 * filed through the same intake as every report, read back without the reporter's personal data. API keys are made by
 * administrators, each bound to a report source and rate-limited in the database.
 */
package org.rectify.open311;
