/**
 * What every module may use: the domain's refusal ({@link org.rectify.shared.DomainException}) with its kind.
 * Nothing here knows HTTP, Camunda or a table.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.rectify.shared;
