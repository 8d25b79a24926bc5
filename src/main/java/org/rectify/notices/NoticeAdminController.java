package org.rectify.notices;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.rectify.cases.Cases;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators set channels ({@code /api/admin/notice-channels}) and see failed deliveries with their reasons; the
 * campaign office and administrators edit the texts ({@code /api/admin/notice-templates}).
 */
@RestController
class NoticeAdminController {

    record TemplateRequest(String subject, String body) {
    }

    record DeliveryView(long id, long noticeId, String kind, String kindLabel, String caseNumber, String subject,
            long channelId, String channelName, String status, int attempts, String lastError,
            OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    private final NoticeChannels channels;
    private final NoticeTemplates templates;
    private final CurrentUsers users;
    private final JdbcClient jdbc;
    private final Cases cases;

    NoticeAdminController(NoticeChannels channels, NoticeTemplates templates, CurrentUsers users, JdbcClient jdbc,
            Cases cases) {
        this.channels = channels;
        this.templates = templates;
        this.users = users;
        this.jdbc = jdbc;
        this.cases = cases;
    }

    @GetMapping("/api/admin/notice-channels")
    @PreAuthorize("hasRole('ADMIN')")
    List<NoticeChannels.ChannelView> channels() {
        return channels.list();
    }

    @GetMapping("/api/admin/notice-channels/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    NoticeChannels.ChannelView channel(@PathVariable long id) {
        return channels.show(id);
    }

    @PostMapping("/api/admin/notice-channels")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    NoticeChannels.ChannelView create(@RequestBody NoticeChannels.ChannelRequest request) {
        return channels.create(request, users.require().id());
    }

    @PutMapping("/api/admin/notice-channels/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    NoticeChannels.ChannelView update(@PathVariable long id, @RequestBody NoticeChannels.ChannelRequest request) {
        return channels.update(id, request);
    }

    @DeleteMapping("/api/admin/notice-channels/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        channels.delete(id);
    }

    /** Deliveries of a channel (or all), newest first; {@code status=FAILED} shows what did not arrive and why. */
    @GetMapping("/api/admin/notice-deliveries")
    @PreAuthorize("hasRole('ADMIN')")
    List<DeliveryView> deliveries(@RequestParam(required = false) Long channelId,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
        if (status != null && !List.of("PENDING", "SENDING", "SENT", "FAILED").contains(status)) {
            throw DomainException.invalid("status", "status 应为 PENDING、SENDING、SENT 或 FAILED");
        }
        return recentDeliveries(jdbc, cases, channelId, status, Math.max(1, Math.min(limit, 500)));
    }

    /** The case numbers come from the cases module, which owns them. */
    static List<DeliveryView> recentDeliveries(JdbcClient jdbc, Cases cases, Long channelId, String status, int limit) {
        record Row(long id, long noticeId, String kind, Long caseId, String subject, long channelId, String channelName,
                String status, int attempts, String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {
        }
        List<Row> rows = jdbc.sql("""
                select d.id, n.id, n.kind, n.case_id, n.subject, c.id, c.name, d.status, d.attempts, d.last_error,
                    n.created_at, d.sent_at
                from notice_delivery d join notice n on n.id = d.notice_id join notice_channel c on c.id = d.channel_id
                where (cast(:channel as bigint) is null or d.channel_id = :channel)
                    and (cast(:status as varchar) is null or d.status = :status)
                order by d.id desc limit :limit""")
                .param("channel", channelId).param("status", status).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                        rs.getString(10), rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class)))
                .list();
        Map<Long, String> numbers = cases.numbersOf(
                rows.stream().map(Row::caseId).filter(Objects::nonNull).collect(Collectors.toSet()));
        return rows.stream().map(r -> new DeliveryView(r.id(), r.noticeId(), r.kind(),
                NoticeKind.valueOf(r.kind()).chineseLabel(), r.caseId() == null ? null : numbers.get(r.caseId()),
                r.subject(), r.channelId(), r.channelName(), r.status(), r.attempts(), r.lastError(), r.createdAt(),
                r.sentAt())).toList();
    }

    @GetMapping("/api/admin/notice-templates")
    @PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER')")
    List<NoticeTemplates.TemplateView> templates() {
        return templates.list();
    }

    @GetMapping("/api/admin/notice-templates/{kind}")
    @PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER')")
    NoticeTemplates.TemplateView template(@PathVariable String kind) {
        return templates.view(kind(kind));
    }

    @GetMapping("/api/admin/notice-templates/{kind}/preview")
    @PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER')")
    NoticeTemplates.Text preview(@PathVariable String kind) {
        return templates.preview(kind(kind));
    }

    @PutMapping("/api/admin/notice-templates/{kind}")
    @PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER')")
    NoticeTemplates.TemplateView saveTemplate(@PathVariable String kind, @RequestBody TemplateRequest request) {
        return templates.save(kind(kind), request.subject(), request.body(), users.require().id());
    }

    @DeleteMapping("/api/admin/notice-templates/{kind}")
    @PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER')")
    NoticeTemplates.TemplateView resetTemplate(@PathVariable String kind) {
        return templates.reset(kind(kind));
    }

    static NoticeKind kind(String kind) {
        try {
            return NoticeKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("template-not-found", "没有“" + kind + "”这种通知");
        }
    }
}
