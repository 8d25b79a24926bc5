package org.rectify.demo;

import org.rectify.security.FirstAdministrator;
import org.rectify.security.WorkflowIdentity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start: the demo organisation when asked for, then groups, authorizations and filters for whatever units exist,
 * then the first administrator from configuration if there is none. An ApplicationRunner: the application reports
 * ready (actuator readiness) only after every runner is done.
 */
@Component
class StartupTasks implements ApplicationRunner {

    private final DemoOrganisation demo;
    private final DemoCases demoCases;
    private final WorkflowIdentity identity;
    private final FirstAdministrator firstAdministrator;
    private final boolean demoEnabled;
    private final boolean demoCasesEnabled;

    StartupTasks(DemoOrganisation demo, DemoCases demoCases, WorkflowIdentity identity,
            FirstAdministrator firstAdministrator,
            @Value("${rectify.demo.enabled:false}") boolean demoEnabled,
            @Value("${rectify.demo.cases:true}") boolean demoCasesEnabled) {
        this.demoCasesEnabled = demoCasesEnabled;
        this.demo = demo;
        this.demoCases = demoCases;
        this.identity = identity;
        this.firstAdministrator = firstAdministrator;
        this.demoEnabled = demoEnabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoEnabled) {
            demo.loadCatalog();
        }
        identity.synchronise();
        if (demoEnabled) {
            demo.loadAccounts();
            identity.withdrawNonAdminRights(); // the new accounts' own grants
            if (demoCasesEnabled) {
                demoCases.load();
            }
        }
        // After the demo accounts, so that the demo's admin counts; readiness stays OUT_OF_SERVICE until here.
        firstAdministrator.ensure();
    }
}
