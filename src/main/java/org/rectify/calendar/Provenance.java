package org.rectify.calendar;

import java.time.Instant;

/** Who put a year's calendar into the database, when, and from what. */
record Provenance(String source, Instant importedAt, String importedBy) {
}
