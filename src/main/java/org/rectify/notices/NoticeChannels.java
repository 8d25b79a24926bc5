package org.rectify.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rectify.catalog.Catalog;
import org.rectify.clock.BusinessClock;
import org.rectify.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The channels administrators set per owner (a unit, the discipline office, the campaign office, the reporters). */
@Service
class NoticeChannels {

    static final String DISCIPLINE = "discipline";
    static final String CAMPAIGN_OFFICE = "dispatcher";
    static final String REPORTERS = "reporters";
    private static final Set<String> OFFICES = Set.of(DISCIPLINE, CAMPAIGN_OFFICE, REPORTERS);

    /** What an administrator sends; a blank secret on an update keeps the stored one. */
    record ChannelRequest(String owner, String audience, String kind, String name, String endpoint, String secret,
            String signingSecret, String recipients, Map<String, String> settings, Integer ratePerMinute,
            Integer batchSize, String quietStart, String quietEnd, Boolean enabled) {
    }

    /** What is shown back: secrets masked, the last failure with its reason. */
    record ChannelView(long id, String owner, String ownerName, String audience, String kind, String kindLabel,
            String name, String endpoint, String secret, String signingSecret, String recipients,
            Map<String, String> settings, int ratePerMinute, int batchSize, String quietStart, String quietEnd,
            boolean enabled, String state, int failures, OffsetDateTime retryAt, String lastError,
            OffsetDateTime lastErrorAt, OffsetDateTime lastSentAt, long pending, long failed) {
    }

    static final String COLUMNS = """
            id, owner, audience, kind, name, endpoint, secret, signing_secret, recipients, settings::text, rate_per_minute,
            batch_size, quiet_start, quiet_end, enabled, failures, retry_at, last_error, last_error_at, last_sent_at""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Catalog catalog;
    private final BusinessClock clock;

    NoticeChannels(JdbcClient jdbc, ObjectMapper json, Catalog catalog, BusinessClock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
        this.clock = clock;
    }

    List<ChannelView> list() {
        return jdbc.sql("select " + COLUMNS + " from notice_channel order by owner, id").query(this::map).list()
                .stream().map(this::view).toList();
    }

    ChannelView show(long id) {
        return view(require(id));
    }

    Channel require(long id) {
        return jdbc.sql("select " + COLUMNS + " from notice_channel where id = :id").param("id", id).query(this::map)
                .optional().orElseThrow(() -> DomainException.notFound("channel-not-found", "通知渠道 " + id + " 不存在"));
    }

    /** Enabled channels of an owner for the given audiences. */
    List<Channel> of(String owner, Set<String> audiences) {
        return jdbc.sql("select " + COLUMNS + " from notice_channel where owner = :owner and enabled order by id")
                .param("owner", owner).query(this::map).list().stream()
                .filter(c -> audiences.contains(c.audience())).toList();
    }

    @Transactional
    ChannelView create(ChannelRequest request, String actor) {
        Checked c = check(request, null);
        OffsetDateTime now = clock.now();
        long id = jdbc.sql("""
                insert into notice_channel (owner, audience, kind, name, endpoint, secret, signing_secret, recipients,
                    settings, rate_per_minute, batch_size, quiet_start, quiet_end, enabled, created_by, created_at, updated_at)
                values (:owner, :audience, :kind, :name, :endpoint, :secret, :signing, :recipients, cast(:settings as jsonb),
                    :rate, :batch, :quietStart, :quietEnd, :enabled, :actor, :now, :now) returning id""")
                .params(c.params()).param("actor", actor).param("now", now).query(Long.class).single();
        return show(id);
    }

    @Transactional
    ChannelView update(long id, ChannelRequest request) {
        Channel existing = require(id);
        Checked c = check(request, existing);
        jdbc.sql("""
                update notice_channel set owner = :owner, audience = :audience, kind = :kind, name = :name,
                    endpoint = :endpoint, secret = :secret, signing_secret = :signing, recipients = :recipients,
                    settings = cast(:settings as jsonb), rate_per_minute = :rate, batch_size = :batch,
                    quiet_start = :quietStart, quiet_end = :quietEnd, enabled = :enabled, updated_at = :now,
                    failures = 0, retry_at = null
                where id = :id""")
                .params(c.params()).param("now", clock.now()).param("id", id).update();
        return show(id);
    }

    /** A channel with deliveries is never deleted (they are its trace); it is disabled instead. */
    @Transactional
    void delete(long id) {
        require(id);
        long used = jdbc.sql("select count(*) from notice_delivery where channel_id = :id").param("id", id)
                .query(Long.class).single();
        if (used > 0) {
            jdbc.sql("update notice_channel set enabled = false, updated_at = :now where id = :id")
                    .param("now", clock.now()).param("id", id).update();
        } else {
            jdbc.sql("delete from notice_channel where id = :id").param("id", id).update();
        }
    }

    private record Checked(Map<String, Object> params) {
    }

    private Checked check(ChannelRequest r, Channel existing) {
        if (r == null) {
            throw DomainException.invalid("channel-required", "请提供通知渠道的设置");
        }
        String owner = required(r.owner(), "owner", "请填写渠道所属 owner：单位代码，或 discipline（纪工委）、dispatcher（创建办）、reporters（报告人短信）");
        if (!OFFICES.contains(owner) && catalog.unit(owner).isEmpty()) {
            throw DomainException.invalid("unknown-owner", "渠道所属“" + owner
                    + "”既不是单位代码，也不是 discipline、dispatcher 或 reporters");
        }
        String audience = r.audience() == null || r.audience().isBlank() ? "UNIT" : r.audience().strip();
        if (!Set.of("UNIT", "LEADER").contains(audience)) {
            throw DomainException.invalid("audience", "接收对象 audience 应为 UNIT（单位工作群）或 LEADER（单位负责人和包保领导）");
        }
        ChannelKind kind;
        try {
            kind = ChannelKind.valueOf(required(r.kind(), "kind", "请填写渠道类型 kind：WECOM、DINGTALK、SMS 或 EMAIL"));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("kind", "渠道类型 kind 应为 WECOM（企业微信）、DINGTALK（钉钉）、SMS（短信）或 EMAIL（邮件）");
        }
        String name = required(r.name(), "name", "请填写渠道名称 name");
        if (name.length() > 100) {
            throw DomainException.invalid("too-long", "渠道名称不能超过 100 个字");
        }
        String endpoint = required(r.endpoint(), "endpoint", kind == ChannelKind.EMAIL
                ? "请填写邮件服务器 endpoint，如 smtp://smtp.example.gov.cn:465" : "请填写接口地址 endpoint（http 或 https 地址）");
        checkEndpoint(kind, endpoint);
        String secret = keepOrSet(r.secret(), existing == null ? null : existing.secret());
        String signing = keepOrSet(r.signingSecret(), existing == null ? null : existing.signingSecret());
        if ((kind == ChannelKind.WECOM || kind == ChannelKind.DINGTALK) && secret == null) {
            throw DomainException.invalid("secret-required", kind == ChannelKind.WECOM
                    ? "请填写企业微信机器人的 key（secret）" : "请填写钉钉机器人的 access_token（secret）");
        }
        if (kind == ChannelKind.DINGTALK && signing == null) {
            throw DomainException.invalid("signing-secret-required", "请填写钉钉机器人“加签”的密钥（signingSecret，以 SEC 开头）");
        }
        String recipients = r.recipients() == null || r.recipients().isBlank() ? null : r.recipients().strip();
        if (kind == ChannelKind.EMAIL && recipients == null) {
            throw DomainException.invalid("recipients-required", "请填写收件人邮箱 recipients（多个用逗号分隔）");
        }
        if (kind == ChannelKind.SMS && recipients == null && !REPORTERS.equals(owner)) {
            throw DomainException.invalid("recipients-required", "请填写接收短信的手机号 recipients（多个用逗号分隔）");
        }
        if (kind != ChannelKind.SMS && REPORTERS.equals(owner)) {
            throw DomainException.invalid("reporters-sms-only", "报告人（reporters）只能设置短信渠道");
        }
        if (recipients != null && recipients.length() > 1000) {
            throw DomainException.invalid("too-long", "接收人不能超过 1000 个字符");
        }
        int rate = r.ratePerMinute() == null ? kind.defaultRatePerMinute() : r.ratePerMinute();
        if (rate < 1 || rate > 10000) {
            throw DomainException.invalid("rate", "每分钟发送上限 ratePerMinute 应在 1 到 10000 之间");
        }
        int batch = r.batchSize() == null ? 10 : r.batchSize();
        if (batch < 1 || batch > 50) {
            throw DomainException.invalid("batch-size", "每条消息合并的通知数 batchSize 应在 1 到 50 之间");
        }
        LocalTime quietStart = time(r.quietStart(), "quietStart");
        LocalTime quietEnd = time(r.quietEnd(), "quietEnd");
        if ((quietStart == null) != (quietEnd == null)) {
            throw DomainException.invalid("quiet-hours", "免打扰时段需同时填写开始 quietStart 和结束 quietEnd（如 22:00 和 07:00）");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("owner", owner);
        p.put("audience", audience);
        p.put("kind", kind.name());
        p.put("name", name);
        p.put("endpoint", endpoint);
        p.put("secret", secret);
        p.put("signing", signing);
        p.put("recipients", recipients);
        p.put("settings", toJson(r.settings() == null ? Map.of() : r.settings()));
        p.put("rate", rate);
        p.put("batch", batch);
        p.put("quietStart", quietStart);
        p.put("quietEnd", quietEnd);
        p.put("enabled", r.enabled() == null || r.enabled());
        return new Checked(p);
    }

    private static void checkEndpoint(ChannelKind kind, String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            boolean ok = kind == ChannelKind.EMAIL ? "smtp".equals(uri.getScheme()) || "smtps".equals(uri.getScheme())
                    : "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!ok || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("endpoint", kind == ChannelKind.EMAIL
                    ? "邮件服务器地址应形如 smtp://主机:端口 或 smtps://主机:端口"
                    : "接口地址应为完整的 http:// 或 https:// 地址");
        }
    }

    private static String required(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field + "-required", message);
        }
        return value.strip();
    }

    private static String keepOrSet(String given, String stored) {
        return given == null || given.isBlank() ? stored : given.strip();
    }

    private static LocalTime time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("quiet-hours", field + " 应为时:分，如 22:00");
        }
    }

    /** Enough to recognise a secret, never enough to use it. */
    static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        if (secret.length() <= 8) {
            return "****";
        }
        return secret.substring(0, 3) + "****" + secret.substring(secret.length() - 2);
    }

    private ChannelView view(Channel c) {
        long pending = jdbc.sql("select count(*) from notice_delivery where channel_id = :id and status in ('PENDING', 'SENDING')")
                .param("id", c.id()).query(Long.class).single();
        long failed = jdbc.sql("select count(*) from notice_delivery where channel_id = :id and status = 'FAILED'")
                .param("id", c.id()).query(Long.class).single();
        String ownerName = switch (c.owner()) {
            case DISCIPLINE -> "纪工委";
            case CAMPAIGN_OFFICE -> "创建办";
            case REPORTERS -> "报告人（短信）";
            default -> catalog.unitName(c.owner());
        };
        String state = !c.enabled() ? "已停用" : c.failures() > 0 ? "发送失败，等待重试" : "正常";
        return new ChannelView(c.id(), c.owner(), ownerName, c.audience(), c.kind().name(), c.kind().chineseLabel(),
                c.name(), c.endpoint(), mask(c.secret()), mask(c.signingSecret()), c.recipients(), c.settings(),
                c.ratePerMinute(), c.batchSize(), c.quietStart() == null ? null : c.quietStart().toString(),
                c.quietEnd() == null ? null : c.quietEnd().toString(), c.enabled(), state, c.failures(), c.retryAt(),
                c.lastError(), c.lastErrorAt(), c.lastSentAt(), pending, failed);
    }

    Channel map(ResultSet rs, int n) throws SQLException {
        return new Channel(rs.getLong(1), rs.getString(2), rs.getString(3), ChannelKind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                fromJson(rs.getString(10)), rs.getInt(11), rs.getInt(12), rs.getObject(13, LocalTime.class),
                rs.getObject(14, LocalTime.class), rs.getBoolean(15), rs.getInt(16),
                rs.getObject(17, OffsetDateTime.class), rs.getString(18), rs.getObject(19, OffsetDateTime.class),
                rs.getObject(20, OffsetDateTime.class));
    }

    private String toJson(Map<String, String> settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> fromJson(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
