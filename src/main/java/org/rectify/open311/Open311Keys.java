package org.rectify.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.rectify.catalog.ReportSource;
import org.rectify.clock.BusinessClock;
import org.rectify.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API keys: shown once when made, kept as SHA-256 only; each bound to a source and a rate per minute. */
@Service
class Open311Keys {

    record Key(long id, String name, String prefix, ReportSource source, int ratePerMinute) {
    }

    record KeyView(long id, String name, String keyPrefix, String source, String sourceLabel, int ratePerMinute,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    }

    /** The answer to a creation: the only time the key itself is shown. */
    record Created(KeyView key, String apiKey) {
    }

    record KeyRequest(String name, String source, Integer ratePerMinute) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<ReportSource> ALLOWED = List.of(ReportSource.CITIZEN, ReportSource.HOTLINE,
            ReportSource.VOLUNTEER);

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    Open311Keys(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Created create(KeyRequest request, String actor) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw DomainException.invalid("name-required", "请填写密钥名称 name（如“市民随手拍App”“12345热线”）");
        }
        if (request.name().length() > 100) {
            throw DomainException.invalid("too-long", "密钥名称不能超过 100 个字");
        }
        ReportSource source;
        try {
            source = ReportSource.valueOf(request.source() == null ? "" : request.source().strip());
        } catch (IllegalArgumentException e) {
            source = null;
        }
        if (source == null || !ALLOWED.contains(source)) {
            throw DomainException.invalid("source", "来源 source 应为 CITIZEN（市民随手拍App）、HOTLINE（12345热线）或 VOLUNTEER（志愿者）");
        }
        int rate = request.ratePerMinute() == null ? 60 : request.ratePerMinute();
        if (rate < 1 || rate > 10000) {
            throw DomainException.invalid("rate", "每分钟请求上限 ratePerMinute 应在 1 到 10000 之间");
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String apiKey = "o311_" + HexFormat.of().formatHex(bytes);
        long id = jdbc.sql("""
                insert into open311_key (name, key_hash, key_prefix, source, rate_per_minute, created_by, created_at)
                values (:name, :hash, :prefix, :source, :rate, :by, :at) returning id""")
                .param("name", request.name().strip()).param("hash", hash(apiKey)).param("prefix", apiKey.substring(0, 9))
                .param("source", source.name()).param("rate", rate).param("by", actor).param("at", clock.now())
                .query(Long.class).single();
        return new Created(view(id), apiKey);
    }

    List<KeyView> list() {
        return jdbc.sql(select() + " order by id").query(this::map).list();
    }

    KeyView view(long id) {
        return jdbc.sql(select() + " where id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("key-not-found", "密钥 " + id + " 不存在"));
    }

    @Transactional
    KeyView revoke(long id) {
        view(id);
        jdbc.sql("update open311_key set revoked_at = coalesce(revoked_at, :at) where id = :id")
                .param("at", clock.now()).param("id", id).update();
        return view(id);
    }

    /** The key's holder, with one request counted against its minute; refused when unknown, revoked or over its rate. */
    @Transactional
    Key use(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw DomainException.unauthenticated("api-key-required", "请提供 api_key");
        }
        Optional<Key> key = jdbc.sql("""
                select id, name, key_prefix, source, rate_per_minute from open311_key
                where key_hash = :hash and revoked_at is null""")
                .param("hash", hash(apiKey.strip()))
                .query((rs, n) -> new Key(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ReportSource.valueOf(rs.getString(4)), rs.getInt(5)))
                .optional();
        Key found = key.orElseThrow(() -> DomainException.forbidden("api-key-invalid", "api_key 无效或已停用"));
        OffsetDateTime now = clock.now();
        // one statement: two nodes counting the same key at once both see the other's count
        int count = jdbc.sql("""
                update open311_key set
                    window_count = case when window_start is null or window_start <= :minuteAgo then 1 else window_count + 1 end,
                    window_start = case when window_start is null or window_start <= :minuteAgo then :now else window_start end
                where id = :id returning window_count""")
                .param("minuteAgo", now.minusMinutes(1)).param("now", now).param("id", found.id())
                .query(Integer.class).single();
        if (count > found.ratePerMinute()) {
            throw new DomainException(DomainException.Kind.TOO_MANY_ATTEMPTS, "rate-limited",
                    "请求过于频繁：该 api_key 每分钟最多 " + found.ratePerMinute() + " 次，请稍后再试");
        }
        return found;
    }

    private static String select() {
        return "select id, name, key_prefix, source, rate_per_minute, created_by, created_at, revoked_at from open311_key";
    }

    private KeyView map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        ReportSource source = ReportSource.valueOf(rs.getString(4));
        return new KeyView(rs.getLong(1), rs.getString(2), rs.getString(3) + "…", source.name(), source.chineseLabel(),
                rs.getInt(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class));
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
