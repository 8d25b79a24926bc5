package org.rectify.notices;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rectify.clock.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a notice and one pending delivery per matching channel, in the caller's transaction: a step that rolls back
 * leaves no notice, a step that commits cannot lose its notice. Sending happens after commit ({@link NoticeSender}).
 */
@Service
public class Outbox {

    public static final Set<String> UNIT = Set.of("UNIT");
    public static final Set<String> UNIT_AND_LEADER = Set.of("UNIT", "LEADER");

    private final JdbcClient jdbc;
    private final NoticeTemplates templates;
    private final NoticeChannels channels;
    private final BusinessClock clock;
    private final NoticePump pump;

    Outbox(JdbcClient jdbc, NoticeTemplates templates, NoticeChannels channels, BusinessClock clock, NoticePump pump) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.channels = channels;
        this.clock = clock;
        this.pump = pump;
    }

    /**
     * A notice to an owner's channels (a unit code, {@code discipline}, {@code dispatcher}). Returns the notice's id, or
     * 0 when there is nobody to tell (a case without a lead unit yet): a notice must never fail its step.
     */
    public long post(NoticeKind kind, Long caseId, String owner, Set<String> audiences, Map<String, Object> model) {
        if (owner == null) {
            return 0;
        }
        return write(kind, caseId, owner, audiences, null, model, channels.of(owner, audiences));
    }

    /** A notice to a reporter's own phone, through the reporters' SMS channel. */
    public long postToReporter(NoticeKind kind, long caseId, String phone, Map<String, Object> model) {
        List<Channel> sms = phone == null || phone.isBlank() ? List.of()
                : channels.of(NoticeChannels.REPORTERS, UNIT).stream().filter(c -> c.kind() == ChannelKind.SMS).toList();
        return write(kind, caseId, NoticeChannels.REPORTERS, UNIT, phone, model, sms);
    }

    private long write(NoticeKind kind, Long caseId, String owner, Set<String> audiences, String phone,
            Map<String, Object> model, List<Channel> targets) {
        NoticeTemplates.Text text = templates.render(kind, model);
        long id = jdbc.sql("""
                insert into notice (kind, case_id, owner, audiences, phone, subject, body, urgent, created_at)
                values (:kind, :caseId, :owner, :audiences, :phone, :subject, :body, :urgent, :at) returning id""")
                .param("kind", kind.name()).param("caseId", caseId).param("owner", owner)
                .param("audiences", String.join(",", audiences.stream().sorted().toList())).param("phone", phone)
                .param("subject", truncate(text.subject(), 300)).param("body", text.body())
                .param("urgent", kind.urgent()).param("at", clock.now())
                .query(Long.class).single();
        for (Channel channel : targets) {
            jdbc.sql("insert into notice_delivery (notice_id, channel_id) values (:notice, :channel)")
                    .param("notice", id).param("channel", channel.id()).update();
        }
        if (!targets.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    pump.nudge();
                }
            });
        }
        return id;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
