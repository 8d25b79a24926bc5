package org.rectify.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes and reads {@code audit_event}. Every write is a transaction of its own that does nothing else: a refusal is
 * kept although the work it refused rolls back, and the global chain's lock (see V13) is held only for the inserts of
 * that transaction (one line, or the few lines of one request) and its commit.
 */
@Component
class AuditLog {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The chain columns are filled in by the database (trigger audit_event_chain). */
    void record(AuditEntry entry) {
        ownTransaction.executeWithoutResult(status -> insert(entry, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /**
     * Several lines in one transaction of their own that does nothing else, in the given order (a request's done acts
     * and its WRITE line): one commit instead of one per line. If it fails, each line is tried again on its own, so
     * one bad line does not take the others with it.
     */
    void recordTogether(List<Pending> entries) {
        if (entries.size() == 1) {
            ownTransaction.executeWithoutResult(status -> insert(entries.get(0).entry(), entries.get(0).at()));
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> entries.forEach(p -> insert(p.entry(), p.at())));
        } catch (RuntimeException together) {
            RuntimeException first = null;
            for (Pending p : entries) {
                try {
                    ownTransaction.executeWithoutResult(status -> insert(p.entry(), p.at()));
                } catch (RuntimeException alone) {
                    first = first == null ? alone : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /** A line kept at {@code at}, written later. */
    record Pending(AuditEntry entry, OffsetDateTime at) {
        Pending(AuditEntry entry) {
            this(entry, OffsetDateTime.now(ZoneOffset.UTC));
        }
    }

    private void insert(AuditEntry entry, OffsetDateTime at) {
        jdbc.sql("""
                insert into audit_event (occurred_at, category, action, actor, outcome, case_id, http_method,
                                         path, http_status, client_address, user_agent, detail)
                values (:at, :category, :action, :actor, :outcome, :caseId, :method, :path, :status, :address,
                        :agent, :detail)""")
                .param("at", at)
                .param("category", entry.category())
                .param("action", cut(entry.action(), 80))
                .param("actor", cut(entry.actor() == null || entry.actor().isBlank() ? "匿名" : entry.actor(), 100))
                .param("outcome", entry.outcome())
                .param("caseId", entry.caseId())
                .param("method", entry.method())
                .param("path", cut(entry.path(), 500))
                .param("status", entry.status())
                .param("address", cut(entry.clientAddress(), 100))
                .param("agent", cut(entry.userAgent(), 300))
                .param("detail", cut(entry.detail(), 2000))
                .update();
    }

    /** A page of the log, newest first, filtered by whatever the reader gave. */
    List<Map<String, Object>> page(AuditQuery query) {
        StringBuilder where = new StringBuilder("where true");
        Map<String, Object> params = new java.util.HashMap<>();
        if (query.from() != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and occurred_at < :to");
            params.put("to", query.to());
        }
        if (query.actor() != null) {
            where.append(" and actor = :actor");
            params.put("actor", query.actor());
        }
        if (query.action() != null) {
            where.append(" and action like :action");
            params.put("action", query.action().replace("*", "%"));
        }
        if (query.category() != null) {
            where.append(" and category = :category");
            params.put("category", query.category());
        }
        if (query.outcome() != null) {
            where.append(" and outcome = :outcome");
            params.put("outcome", query.outcome());
        }
        if (query.caseId() != null) {
            where.append(" and case_id = :caseId");
            params.put("caseId", query.caseId());
        }
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.sql("""
                select id, chain_seq, occurred_at, category, action, actor, outcome, case_id, http_method, path,
                       http_status, client_address, user_agent, detail, prev_hash, row_hash
                from audit_event\s""" + where + " order by id desc limit :limit offset :offset")
                .params(params)
                .query(rs -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("id", rs.getLong("id"));
                    row.put("chainSeq", rs.getLong("chain_seq"));
                    row.put("occurredAt", rs.getObject("occurred_at", OffsetDateTime.class));
                    row.put("category", rs.getString("category"));
                    row.put("action", rs.getString("action"));
                    row.put("actor", rs.getString("actor"));
                    row.put("outcome", rs.getString("outcome"));
                    row.put("caseId", rs.getObject("case_id"));
                    row.put("method", rs.getString("http_method"));
                    row.put("path", rs.getString("path"));
                    row.put("status", rs.getObject("http_status"));
                    row.put("clientAddress", rs.getString("client_address"));
                    row.put("userAgent", rs.getString("user_agent"));
                    row.put("detail", rs.getString("detail"));
                    row.put("prevHash", rs.getString("prev_hash"));
                    row.put("rowHash", rs.getString("row_hash"));
                    rows.add(row);
                });
        return rows;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
