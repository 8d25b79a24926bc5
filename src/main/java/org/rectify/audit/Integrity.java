package org.rectify.audit;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes the hash chains with the same payload functions the insert triggers use (V13) and names, for each
 * chain, the first row that does not fit: its content changed (its hash no longer matches), its link to the
 * previous row is broken (a row before it was changed or removed), or a row is missing (a gap in chain_seq).
 */
@Component
class Integrity {

    /** A chain-holding table and what a chain is within it. */
    private record Chained(String table, String label, String chainColumn) {
    }

    private static final List<Chained> TABLES = List.of(
            new Chained("audit_event", "审计日志（全局一条链）", "0::bigint"),
            new Chained("case_event", "案件全程记录（每案一条链）", "case_id"),
            new Chained("photo", "照片（每案一条链）", "case_id"),
            new Chained("document", "已发文书（每案一条链）", "case_id"));

    /** The first broken link of one chain. */
    record BrokenLink(long chain, long id, long chainSeq, String problem) {
    }

    record TableReport(String table, String label, long rows, long chains, boolean intact, List<BrokenLink> broken) {
    }

    record Report(boolean intact, List<TableReport> tables) {
    }

    private final JdbcClient jdbc;

    Integrity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Report check() {
        List<TableReport> tables = TABLES.stream().map(this::check).toList();
        return new Report(tables.stream().allMatch(TableReport::intact), tables);
    }

    private TableReport check(Chained t) {
        // Table and column names come from the constant list above, never from a request.
        String recomputed = """
                select id, %2$s as chain, chain_seq, row_hash, prev_hash,
                       chain_link(prev_hash, chain_payload(t)) as computed,
                       lag(row_hash) over w as expected_prev,
                       coalesce(lag(chain_seq) over w, 0) + 1 as expected_seq
                from %1$s t
                window w as (partition by %2$s order by chain_seq)""".formatted(t.table(), t.chainColumn());
        long[] counts = jdbc.sql("select count(*), count(distinct %s) from %s".formatted(t.chainColumn(), t.table()))
                .query(rs -> {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                });
        List<BrokenLink> broken = jdbc.sql("""
                select distinct on (chain) chain, id, chain_seq,
                       case when chain_seq <> expected_seq then 'missing'
                            when prev_hash is distinct from expected_prev then 'link'
                            else 'content' end as problem
                from (%s) c
                where row_hash is distinct from computed or prev_hash is distinct from expected_prev
                   or chain_seq <> expected_seq
                order by chain, chain_seq
                limit 1000""".formatted(recomputed))
                .query((rs, n) -> new BrokenLink(rs.getLong("chain"), rs.getLong("id"), rs.getLong("chain_seq"),
                        describe(rs.getString("problem"), t.table(), rs.getLong("id"), rs.getLong("chain_seq"))))
                .list();
        return new TableReport(t.table(), t.label(), counts[0], counts[1], broken.isEmpty(), broken);
    }

    private static String describe(String problem, String table, long id, long chainSeq) {
        return switch (problem) {
            case "missing" -> table + " 第 " + chainSeq + " 条（id " + id + "）之前缺少记录：有记录被删除";
            case "link" -> table + " id " + id + " 与前一条记录的哈希不符：前一条记录被修改或删除";
            default -> table + " id " + id + " 的内容与其哈希不符：该记录被修改";
        };
    }
}
