package org.rectify.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Unit;
import org.rectify.security.Accounts;
import org.rectify.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

/**
 * The demo zone: units, grids, categories, and accounts with the password "demo". Only ever loaded in the
 * demo profile ({@link StartupTasks} asks for it); a production start seeds no known passwords.
 */
@Component
class DemoOrganisation {

    static final String DEMO_PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final Catalog catalog;
    private final Accounts accounts;

    DemoOrganisation(JdbcClient jdbc, IdentityService identityService, Catalog catalog, Accounts accounts) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    void loadCatalog() {
        try {
            String script = StreamUtils.copyToString(new ClassPathResource("demo/organisation.sql").getInputStream(),
                    StandardCharsets.UTF_8);
            for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    jdbc.sql(statement).update();
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void loadAccounts() {
        List<String[]> accounts = new ArrayList<>(List.of(
                new String[] {"admin", "系统", "管理员", Roles.ADMIN_GROUP},
                // Named people, so that pages and records say "核查人：督查组 张明", never a login id.
                new String[] {"dispatcher", "创建办", "李娜", Roles.DISPATCHER},
                new String[] {"supervisor", "督查组", "张明", Roles.SUPERVISOR},
                new String[] {"discipline", "纪工委", "王磊", Roles.DISCIPLINE},
                new String[] {"patrol", "巡查队", "巡查员", Roles.REPORTER},
                new String[] {"hotline", "12345热线", "话务员", Roles.HOTLINE},
                new String[] {"volunteer", "志愿者", "李志愿", Roles.VOLUNTEER},
                new String[] {"citizen", "市民", "王市民", Roles.CITIZEN},
                // the 包保 leader the task module names (tasks.TaskStartup links the account to its leader record)
                new String[] {"leader", "包保领导", "王建国", Roles.REPORTER}));
        for (Unit unit : catalog.units()) {
            accounts.add(new String[] {unit.code() + "-handler", unit.name(), "经办人", unit.code()});
        }
        int created = 0;
        for (String[] account : accounts) {
            if (identityService.createUserQuery().userId(account[0]).count() == 0) {
                User user = identityService.newUser(account[0]);
                user.setFirstName(account[2]);
                user.setLastName(account[1]);
                user.setPassword(DEMO_PASSWORD);
                user.setEmail(account[0] + "@demo.rectify.local");
                // "demo" is far below the password policy: the demo profile alone is exempt (README, Passwords).
                this.accounts.saveExemptFromPolicy(user);
                identityService.createMembership(account[0], account[3]);
                created++;
            }
        }
        if (created > 0) {
            log.info("Demo profile: created {} demo accounts with password '{}'", created, DEMO_PASSWORD);
        }
    }
}
