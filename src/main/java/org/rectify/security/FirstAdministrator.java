package org.rectify.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The first administrator comes from the deployment's configuration, never from a setup page open to whoever comes
 * first. While nobody is in {@code camunda-admin}, the start creates the account {@code RECTIFY_ADMIN_USER} (default
 * {@code admin}) with the password {@code RECTIFY_ADMIN_PASSWORD}, which must meet the password policy; without it
 * the start stops with a message saying what to set (no password is ever generated into a log). Once an
 * administrator exists these settings are ignored: administrators are managed in Camunda Admin.
 */
@Component
public class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final IdentityService identityService;
    private final Accounts accounts;
    private final String userId;
    private final String password;

    FirstAdministrator(IdentityService identityService, Accounts accounts,
            @Value("${rectify.admin.user:${RECTIFY_ADMIN_USER:admin}}") String userId,
            @Value("${rectify.admin.password:${RECTIFY_ADMIN_PASSWORD:}}") String password) {
        this.identityService = identityService;
        this.accounts = accounts;
        this.userId = userId.strip();
        this.password = password;
    }

    /** Call after the groups exist ({@link WorkflowIdentity#synchronise}). */
    public void ensure() {
        if (identityService.createUserQuery().memberOfGroup(Roles.ADMIN_GROUP).count() > 0) {
            return;
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException("Nobody is an administrator yet. Set RECTIFY_ADMIN_PASSWORD (and optionally "
                    + "RECTIFY_ADMIN_USER, default 'admin') for the first start; see README, 'The first administrator'.");
        }
        accounts.passwordRefusal(password).ifPresent(reason -> {
            throw new IllegalStateException("RECTIFY_ADMIN_PASSWORD does not meet the password policy (at least "
                    + PasswordRules.MIN_LENGTH + " characters, not a common password): " + reason);
        });
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identityService.newUser(userId);
            user.setFirstName("管理员");
            user.setLastName("系统");
        }
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(userId, Roles.ADMIN_GROUP);
        log.warn("Created the first administrator '{}' from RECTIFY_ADMIN_USER / RECTIFY_ADMIN_PASSWORD", userId);
    }
}
