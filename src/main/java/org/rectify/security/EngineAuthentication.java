package org.rectify.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The engine's authentication around a piece of work that the application does for itself. */
public final class EngineAuthentication {

    private EngineAuthentication() {
    }

    /**
     * Runs {@code work} without the current user's engine authentication (a lookup the user's authorizations would
     * hide, e.g. a task of another unit that a guard must see to refuse), restoring it afterwards.
     */
    public static <T> T asSystem(IdentityService identityService, Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null) {
            return work.get();
        }
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            identityService.setAuthentication(caller);
        }
    }
}
