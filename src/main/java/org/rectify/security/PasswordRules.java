package org.rectify.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.springframework.core.io.ClassPathResource;

/**
 * The password policy (OWASP ASVS 4.0.3 2.1): at least 12 characters, not on the list of common passwords
 * ({@code security/common-passwords.txt}), and no composition rules. Plugged into Camunda as its
 * {@link PasswordPolicy}, so Camunda Admin, {@code /engine-rest/user/create} and every {@code saveUser} enforce it.
 */
final class PasswordRules implements PasswordPolicy {

    static final int MIN_LENGTH = 12;

    private final Set<String> common;
    private final List<PasswordPolicyRule> rules;

    PasswordRules() {
        this.common = load();
        this.rules = List.of(new Rule("PASSWORD_POLICY_LENGTH", Map.of("minLength", String.valueOf(MIN_LENGTH))) {
            @Override
            public boolean execute(String password) {
                return password != null && password.codePointCount(0, password.length()) >= MIN_LENGTH;
            }
        }, new Rule("PASSWORD_POLICY_COMMON", Map.of()) {
            @Override
            public boolean execute(String password) {
                return password != null && !isCommon(password);
            }
        });
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }

    /** Why a password is refused, in words a user reads; empty if it is acceptable. */
    Optional<String> refusal(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("密码至少需要 " + MIN_LENGTH + " 个字符（可以用一句好记的话）");
        }
        if (isCommon(password)) {
            return Optional.of("这个密码过于常见，很容易被猜中，请换一个");
        }
        return Optional.empty();
    }

    boolean isCommon(String password) {
        String normalised = password.strip().toLowerCase(Locale.ROOT);
        return common.contains(normalised) || common.contains(normalised.replaceAll("[0-9!@#$%^&*.]+$", ""));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The list of common passwords is missing from the application", e);
        }
        return Set.copyOf(words);
    }

    private abstract static class Rule implements PasswordPolicyRule {
        private final String placeholder;
        private final Map<String, String> parameters;

        Rule(String placeholder, Map<String, String> parameters) {
            this.placeholder = placeholder;
            this.parameters = parameters;
        }

        @Override
        public String getPlaceholder() {
            return placeholder;
        }

        @Override
        public Map<String, String> getParameters() {
            return parameters;
        }
    }
}
