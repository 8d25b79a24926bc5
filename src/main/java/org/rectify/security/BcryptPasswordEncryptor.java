package org.rectify.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * bcrypt for Camunda's users (stored as {@code {BCRYPT}$2a$…}). Camunda appends its own salt to the password before
 * hashing; bcrypt reads at most 72 bytes, so the salted password is first reduced to its SHA-256 (44 Base64
 * characters) and nothing a user types is cut off.
 */
final class BcryptPasswordEncryptor implements PasswordEncryptor {

    static final String NAME = "BCRYPT";

    private final BCryptPasswordEncoder bcrypt;

    BcryptPasswordEncryptor(int cost) {
        this.bcrypt = new BCryptPasswordEncoder(cost);
    }

    @Override
    public String encrypt(String password) {
        return bcrypt.encode(prehash(password));
    }

    @Override
    public boolean check(String password, String encrypted) {
        return encrypted != null && bcrypt.matches(prehash(password), encrypted);
    }

    @Override
    public String hashAlgorithmName() {
        return NAME;
    }

    private static String prehash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
