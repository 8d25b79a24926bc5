/**
 * The demo zone (demo profile only): units, grids, categories and accounts, optional demo cases, and the demo
 * clock endpoint. Uses the other modules' APIs as any client would.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cases", "catalog", "clock", "intake", "security", "shared", "workflow"})
package org.rectify.demo;
