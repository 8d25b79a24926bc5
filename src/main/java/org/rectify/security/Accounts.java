package org.rectify.security;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Account upkeep that goes around the engine's public API: policy-exempt seeding, and hash upgrades at sign-in. */
@Component
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl engine;
    private final PasswordRules rules;
    /** Accounts seen with a bcrypt hash on this node: only spares a query, so a node-local memory is fine. */
    private final Set<String> upgraded = ConcurrentHashMap.newKeySet();

    Accounts(IdentityService identityService, ProcessEngineConfiguration engine, PasswordRules rules) {
        this.identityService = identityService;
        this.engine = (ProcessEngineConfigurationImpl) engine;
        this.rules = rules;
    }

    /**
     * Saves an account whose password need not meet the policy. Only for the demo profile's accounts (password
     * "demo", documented as demo-only) and for re-hashing a password that was accepted earlier.
     */
    public void saveExemptFromPolicy(User user) {
        engine.getCommandExecutorTxRequired().execute(new SaveUserCmd(user, true));
    }

    /** Why this password may not be used, in Chinese; empty if it may. */
    public Optional<String> passwordRefusal(String password) {
        return rules.refusal(password);
    }

    /**
     * After a successful sign-in with this password: replaces an older (SHA) hash by bcrypt. The password was right,
     * so it is kept as it is, even where it is shorter than today's policy asks.
     */
    void upgradeHash(String userId, String password) {
        if (userId == null || password == null || upgraded.contains(userId)) {
            return;
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return;
        }
        String stored = user.getPassword();
        if (stored != null && !stored.startsWith("{" + BcryptPasswordEncryptor.NAME + "}")) {
            user.setPassword(password);
            saveExemptFromPolicy(user);
            log.info("Password hash of {} upgraded to bcrypt at sign-in", userId);
        }
        upgraded.add(userId);
    }
}
