package org.rectify.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking anyone out for good. Failures are counted per account and per client
 * address in the database (every node sees the same counts). After a number of free failures each further failure
 * locks the key for a delay that doubles, up to a maximum; a lock always expires, and the right password then works.
 * Counts start again after a quiet period; a successful sign-in clears the account's count (not the address's, or
 * one known account would let an address guess at all the others).
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final int freeAccountFailures;
    private final int freeAddressFailures;
    private final Duration firstLock;
    private final Duration maxLock;
    private final Duration forgetAfter;

    SignInThrottle(JdbcClient jdbc,
            @Value("${rectify.sign-in.free-failures-per-account:5}") int freeAccountFailures,
            @Value("${rectify.sign-in.free-failures-per-address:30}") int freeAddressFailures,
            @Value("${rectify.sign-in.first-lock:PT30S}") Duration firstLock,
            @Value("${rectify.sign-in.max-lock:PT15M}") Duration maxLock,
            @Value("${rectify.sign-in.forget-after:PT1H}") Duration forgetAfter) {
        this.jdbc = jdbc;
        this.freeAccountFailures = freeAccountFailures;
        this.freeAddressFailures = freeAddressFailures;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
        this.forgetAfter = forgetAfter;
    }

    /** Before a password is checked: how long the account or address must still wait, and whether the account has failures. */
    record Standing(Optional<Duration> lockedFor, boolean accountHasFailures) {
    }

    Standing standing(String account, String address) {
        Instant now = Instant.now();
        String accountKey = accountKey(account);
        Optional<Duration> lockedFor = Optional.empty();
        boolean accountHasFailures = false;
        for (Object[] row : jdbc.sql("select key, locked_until from sign_in_throttle where key in (:keys)")
                .param("keys", List.of(accountKey, addressKey(address)))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, OffsetDateTime.class)}).list()) {
            accountHasFailures |= accountKey.equals(row[0]);
            OffsetDateTime until = (OffsetDateTime) row[1];
            if (until != null && until.toInstant().isAfter(now)) {
                Duration wait = Duration.between(now, until.toInstant());
                lockedFor = lockedFor.filter(longer -> longer.compareTo(wait) >= 0).or(() -> Optional.of(wait));
            }
        }
        return new Standing(lockedFor, accountHasFailures);
    }

    void failed(String account, String address) {
        count(accountKey(account), freeAccountFailures);
        count(addressKey(address), freeAddressFailures);
    }

    void succeeded(String account) {
        jdbc.sql("delete from sign_in_throttle where key = :key").param("key", accountKey(account)).update();
    }

    private void count(String key, int free) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // One statement, so that failures arriving on several nodes at once are all counted.
        jdbc.sql("""
                insert into sign_in_throttle as t (key, failures, last_failure_at, locked_until)
                values (:key, 1, :now, case when 1 > :free then :now + :firstMs * interval '1 millisecond' end)
                on conflict (key) do update set
                    failures = case when t.last_failure_at < :forgetBefore then 1 else t.failures + 1 end,
                    last_failure_at = :now,
                    locked_until = case
                        when (case when t.last_failure_at < :forgetBefore then 1 else t.failures + 1 end) > :free
                        then :now + least(:maxMs, :firstMs * power(2, least(30,
                                 (case when t.last_failure_at < :forgetBefore then 1 else t.failures + 1 end) - :free - 1)))
                             * interval '1 millisecond'
                        end""")
                .param("key", key).param("now", now).param("free", free)
                .param("firstMs", firstLock.toMillis()).param("maxMs", maxLock.toMillis())
                .param("forgetBefore", now.minus(forgetAfter))
                .update();
    }

    private static String accountKey(String account) {
        String id = account == null ? "" : account.strip().toLowerCase(java.util.Locale.ROOT);
        return "account:" + (id.length() > 150 ? id.substring(0, 150) : id);
    }

    private static String addressKey(String address) {
        return "address:" + (address != null && address.length() > 150 ? address.substring(0, 150) : address);
    }
}
