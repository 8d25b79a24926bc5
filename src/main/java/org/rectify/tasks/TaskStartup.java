package org.rectify.tasks;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.rectify.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start: every unit's leader (unit catalog) answers for the unit. In the demo profile also a district leader's
 * account, {@code leader} / demo (王建国, 包保领导 of 城管局 and of 创新街道's area), to try the leader's page with.
 */
@Component
class TaskStartup {

    static final String DEMO_LEADER = "leader";
    private static final Logger log = LoggerFactory.getLogger(TaskStartup.class);

    private final Leaders leaders;
    private final TaskStore store;
    private final IdentityService identityService;
    private final Environment environment;
    private final TransactionTemplate transactions;

    TaskStartup(Leaders leaders, TaskStore store, IdentityService identityService, Environment environment,
            TransactionTemplate transactions) {
        this.leaders = leaders;
        this.store = store;
        this.identityService = identityService;
        this.environment = environment;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        transactions.executeWithoutResult(s -> leaders.seedFromCatalog());
        if (!environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        transactions.executeWithoutResult(s -> {
            long id = store.leader("王建国");
            store.leaderAccount(id, "区委常委、副区长（包保城管局、创新街道）", DEMO_LEADER);
            store.assign(id, "AREA", "cxjd");
        });
    }
}
