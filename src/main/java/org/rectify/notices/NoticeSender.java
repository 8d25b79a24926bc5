package org.rectify.notices;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rectify.clock.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, on any node. For each channel with work: (1) a short transaction locks the channel row
 * ({@code FOR UPDATE SKIP LOCKED}: another node busy with it is skipped, never waited for), checks the minute's rate
 * window, quiet hours and back-off, marks a batch SENDING and counts the message; (2) the message goes out with no
 * transaction open; (3) a second transaction marks the batch SENT, or PENDING again with the reason and the channel's
 * next try after a growing back-off. A batch left SENDING by a node that died is never resent (at most once): after
 * {@link #STALE} it is marked FAILED with that reason for the administrator.
 */
@Service
public class NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);
    static final Duration STALE = Duration.ofMinutes(10);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    /** After this many failed tries a delivery is given up (about a day of 15-minute retries). */
    static final int MAX_ATTEMPTS = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final BusinessClock clock;
    private final NoticeChannels channels;
    private final Map<ChannelKind, Transport> transports = new EnumMap<>(ChannelKind.class);

    NoticeSender(JdbcClient jdbc, TransactionTemplate transactions, BusinessClock clock, NoticeChannels channels,
            List<Transport> transports) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.channels = channels;
        transports.forEach(t -> this.transports.put(t.kind(), t));
    }

    private record Claim(Channel channel, List<Transport.Outgoing> notices) {
    }

    /** Sends everything due now; returns the number of messages sent. Safe to call from several threads and nodes. */
    public int sendDue() {
        expireStale();
        int sent = 0;
        List<Long> due = jdbc.sql("""
                select distinct d.channel_id from notice_delivery d join notice_channel c on c.id = d.channel_id
                where d.status = 'PENDING' and c.enabled and (c.retry_at is null or c.retry_at <= :now)""")
                .param("now", clock.now()).query(Long.class).list();
        for (long channelId : due) {
            for (int guard = 0; guard < 1000; guard++) {
                Claim claim = transactions.execute(status -> claim(channelId));
                if (claim == null) {
                    break;
                }
                if (deliver(claim)) {
                    sent++;
                } else {
                    break;
                }
            }
        }
        return sent;
    }

    private Claim claim(long channelId) {
        OffsetDateTime now = clock.now();
        Channel channel = jdbc.sql("select " + NoticeChannels.COLUMNS
                        + " from notice_channel where id = :id and enabled and (retry_at is null or retry_at <= :now)"
                        + " for update skip locked")
                .param("id", channelId).param("now", now).query(channels::map).optional().orElse(null);
        if (channel == null) {
            return null;
        }
        OffsetDateTime windowStart = jdbc.sql("select window_start from notice_channel where id = :id")
                .param("id", channelId).query(OffsetDateTime.class).optional().orElse(null);
        int count = jdbc.sql("select window_count from notice_channel where id = :id").param("id", channelId)
                .query(Integer.class).single();
        if (windowStart == null || !windowStart.plusMinutes(1).isAfter(now)) {
            windowStart = now;
            count = 0;
        }
        if (count >= channel.ratePerMinute()) {
            return null; // the minute's messages are used up: the rest waits and goes out batched
        }
        boolean quiet = channel.isQuietAt(now.atZoneSameInstant(clock.zone()).toLocalTime());
        int limit = channel.kind().batches() ? channel.batchSize() : 1;
        List<Transport.Outgoing> batch = jdbc.sql("""
                select d.id, n.kind, n.subject, n.body, n.phone from notice_delivery d join notice n on n.id = d.notice_id
                where d.channel_id = :channel and d.status = 'PENDING' and (n.urgent or not :quiet)
                order by d.id limit :limit""")
                .param("channel", channelId).param("quiet", quiet).param("limit", limit)
                .query((rs, n) -> new Transport.Outgoing(rs.getLong(1), NoticeKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        if (batch.isEmpty()) {
            return null;
        }
        jdbc.sql("""
                update notice_delivery set status = 'SENDING', claimed_at = :now, attempts = attempts + 1
                where id in (:ids)""")
                .param("now", now).param("ids", ids(batch)).update();
        jdbc.sql("update notice_channel set window_start = :start, window_count = :count where id = :id")
                .param("start", windowStart).param("count", count + 1).param("id", channelId).update();
        return new Claim(channel, batch);
    }

    private boolean deliver(Claim claim) {
        Transport transport = transports.get(claim.channel().kind());
        String failure = null;
        try {
            transport.send(claim.channel(), claim.notices());
        } catch (Transport.DeliveryFailed e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            failure = "发送出错：" + e.getClass().getSimpleName() + " " + HttpJson.abbreviate(e.getMessage());
        }
        String reason = failure;
        transactions.executeWithoutResult(status -> record(claim, reason));
        if (reason != null) {
            log.warn("notice channel {} ({}) failed: {}", claim.channel().id(), claim.channel().kind(), reason);
        }
        return reason == null;
    }

    private void record(Claim claim, String failure) {
        OffsetDateTime now = clock.now();
        List<Long> ids = ids(claim.notices());
        long channelId = claim.channel().id();
        if (failure == null) {
            jdbc.sql("update notice_delivery set status = 'SENT', sent_at = :now, last_error = null where id in (:ids)")
                    .param("now", now).param("ids", ids).update();
            jdbc.sql("update notice_channel set failures = 0, retry_at = null, last_sent_at = :now where id = :id")
                    .param("now", now).param("id", channelId).update();
            return;
        }
        jdbc.sql("""
                update notice_delivery set status = case when attempts >= :max then 'FAILED' else 'PENDING' end,
                    last_error = :error where id in (:ids)""")
                .param("max", MAX_ATTEMPTS).param("error", failure).param("ids", ids).update();
        int failures = jdbc.sql("""
                update notice_channel set failures = failures + 1, last_error = :error, last_error_at = :now
                where id = :id returning failures""")
                .param("error", failure).param("now", now).param("id", channelId).query(Integer.class).single();
        jdbc.sql("update notice_channel set retry_at = :at where id = :id")
                .param("at", now.plus(backoff(failures))).param("id", channelId).update();
    }

    /** 30 s, 1 min, 2 min, 4 min … at most 15 min between tries of a failing channel. */
    static Duration backoff(int failures) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private void expireStale() {
        jdbc.sql("""
                update notice_delivery set status = 'FAILED',
                    last_error = '发送结果未知（发送中的节点中断），为避免重复发送不再重试'
                where status = 'SENDING' and claimed_at < :before""")
                .param("before", clock.now().minus(STALE)).update();
    }

    private static List<Long> ids(List<Transport.Outgoing> batch) {
        return batch.stream().map(Transport.Outgoing::deliveryId).toList();
    }
}
