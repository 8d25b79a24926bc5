package org.rectify.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Camunda's identity service with Rectify's password rules: bcrypt for every new hash (earlier SHA hashes still
 * verify and are replaced at the next successful sign-in, see {@link Accounts#upgradeHash}), the length and
 * common-password policy for every new password, and Camunda's own lockout turned off: its lock becomes permanent
 * after a number of failures, which lets anyone lock an administrator out for good. {@link SignInThrottle} guards
 * every door instead, with locks that expire.
 */
@Component
class PasswordsPlugin extends AbstractProcessEnginePlugin {

    private final PasswordRules rules;
    private final int bcryptCost;

    PasswordsPlugin(PasswordRules rules, @Value("${rectify.passwords.bcrypt-cost:10}") int bcryptCost) {
        this.rules = rules;
        this.bcryptCost = bcryptCost;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(new BcryptPasswordEncryptor(bcryptCost));
        // Camunda's password manager always keeps its SHA and SHA-512 checkers, so earlier hashes still verify.
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(rules);
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);
    }
}
