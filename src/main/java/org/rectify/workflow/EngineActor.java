package org.rectify.workflow;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who the engine is acting for: set by Tasklist's REST calls, or by {@link CaseProcess} for the API. */
@Component
class EngineActor {

    static final String SYSTEM = "系统";

    private final IdentityService identityService;

    EngineActor(IdentityService identityService) {
        this.identityService = identityService;
    }

    String id() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }

    /** The actor as the step gate sees them. */
    StepGate.Actor current() {
        return new StepGate.Actor(id(), groups());
    }

    List<String> groups() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    }
}
