package org.rectify.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.rectify.clock.BusinessClock;
import org.rectify.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotent console submissions (V18, table {@code console_submission}): the key is claimed, the step applied
 * and the outcome recorded in one transaction. A retry with the same key waits for the first attempt's
 * transaction and then gets its outcome back; a refused or failed attempt leaves no row, so it can simply be
 * sent again. The same key with different content is refused rather than guessed at.
 */
@Component
class Submissions {

    /** What the person is told, and whether it is the first attempt's answer given again. */
    record Outcome(String message, String caseNumber, boolean replayed) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final BusinessClock clock;

    Submissions(JdbcClient jdbc, TransactionTemplate transactions, BusinessClock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Runs {@code action} once per (principal, key). {@code content} is what the submission says (fields, photo
     * hashes); a blank key means the client asked for no protection and the action simply runs.
     */
    Outcome once(String principal, String key, String caseNumber, Map<String, String> content, Supplier<String> action) {
        String k = key == null ? "" : key.strip();
        if (k.isEmpty()) {
            return new Outcome(action.get(), caseNumber, false);
        }
        if (k.length() > 200) {
            throw DomainException.invalid("idempotency-key-too-long", "Idempotency-Key 不能超过 200 个字符");
        }
        String hash = hash(content);
        return transactions.execute(status -> {
            int claimed = jdbc.sql("""
                    insert into console_submission (principal, key, request_hash, created_at)
                    values (:principal, :key, :hash, :at) on conflict do nothing""")
                    .param("principal", principal).param("key", k).param("hash", hash).param("at", clock.now())
                    .update();
            if (claimed == 0) {
                return replay(principal, k, hash);
            }
            String message = action.get();
            jdbc.sql("update console_submission set outcome = :outcome, case_number = :number where principal = :principal and key = :key")
                    .param("outcome", message).param("number", caseNumber).param("principal", principal).param("key", k)
                    .update();
            return new Outcome(message, caseNumber, false);
        });
    }

    private Outcome replay(String principal, String key, String hash) {
        record Row(String hash, String outcome, String caseNumber) {
        }
        Optional<Row> row = jdbc.sql("select request_hash, outcome, case_number from console_submission where principal = :principal and key = :key")
                .param("principal", principal).param("key", key)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
        Row r = row.orElseThrow(() -> DomainException.conflict("submission-in-progress", "这次提交正在处理，请稍候刷新页面查看结果"));
        if (!r.hash().equals(hash)) {
            throw DomainException.unprocessable("idempotency-key-reused",
                    "这个提交编号已用于内容不同的另一次提交；请刷新页面后重新填写");
        }
        return new Outcome(r.outcome(), r.caseNumber(), true);
    }

    static String hash(Map<String, String> content) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(content).forEach((name, value) -> text.append(name).append('=').append(value == null ? "" : value)
                .append('\u0000'));
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
