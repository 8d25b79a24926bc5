/**
 * The catalog: units (departments, streets, communities), grid cells and problem categories, with the report
 * sources and severities. Reference data every module may read through {@link org.rectify.catalog.Catalog}; it
 * depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.rectify.catalog;
