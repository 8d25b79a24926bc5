package org.rectify.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Passwords recently proved right, by HMAC with a key that lives and dies with this node. */
final class VerifiedPasswords {

    private final byte[] secret = new byte[32];
    private final Map<String, Long> until = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int capacity;

    VerifiedPasswords(Duration ttl, int capacity) {
        new SecureRandom().nextBytes(secret);
        this.ttlMillis = ttl.toMillis();
        this.capacity = capacity;
    }

    String keyOf(String userId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    boolean contains(String key) {
        Long expiry = until.get(key);
        if (expiry == null) {
            return false;
        }
        if (expiry < System.currentTimeMillis()) {
            until.remove(key);
            return false;
        }
        return true;
    }

    void remember(String key) {
        if (until.size() >= capacity) {
            long now = System.currentTimeMillis();
            until.values().removeIf(expiry -> expiry < now);
            if (until.size() >= capacity) {
                until.clear();
            }
        }
        until.put(key, System.currentTimeMillis() + ttlMillis);
    }
}
