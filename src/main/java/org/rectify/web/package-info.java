/**
 * The HTTP edge's one shared piece: refusals as {@code application/problem+json} in Chinese
 * ({@link org.rectify.web.Problems}), mapping each {@link org.rectify.shared.DomainException} kind to its status.
 * Only modules with controllers or security filters use it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.rectify.web;
