/**
 * The embedded PostgreSQL that starts when no database is configured (data in {@code RECTIFY_DATA_DIR}, durable).
 * No other module uses it directly: they see the DataSource.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.rectify.database;
