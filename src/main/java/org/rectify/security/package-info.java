/**
 * Accounts and access: sign-in through Camunda's identity (HTTP Basic for /api, the webapp session for the console
 * and Tasklist), roles, Camunda authorizations and Tasklist filters. Other modules use
 * {@link org.rectify.security.CurrentUsers} and {@link org.rectify.security.CurrentUser}, and
 * {@link org.rectify.security.EngineAuthentication} to look past a user's engine authorizations for the application's
 * own lookups.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "shared", "web"})
package org.rectify.security;
