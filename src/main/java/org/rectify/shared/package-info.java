/**
 * What every module may use: the domain's refusal ({@link org.rectify.shared.DomainException}) with its kind;
 * content fingerprints ({@link org.rectify.shared.Hashes}); the two ways moments are written
 * ({@link org.rectify.shared.ChineseTimes}); and {@link org.rectify.shared.AuditedAct}, the event a
 * module publishes for the audit trail. Nothing here knows HTTP, Camunda or a table. A shared
 * module in Spring Modulith's sense ({@code @Modulithic(sharedModules = "shared")}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.rectify.shared;
