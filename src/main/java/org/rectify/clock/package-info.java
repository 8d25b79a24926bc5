/**
 * The business clock ({@link org.rectify.clock.BusinessClock}): "now" as the process engine sees it, so that a
 * demo or a test can move time and every module and timer follows.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.rectify.clock;
