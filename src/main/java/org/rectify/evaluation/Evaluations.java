package org.rectify.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rectify.clock.BusinessClock;
import org.rectify.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored evaluations (一月一评比, 季度考核): each computation of a closed period is compared with the latest stored
 * version; the same result (same rule-set version, same rows and lines) stores nothing, a different one becomes the
 * next version and the older ones stay. The comparison and the insert run under an advisory lock on the period, and
 * {@code unique (kind, period, version)} backs it, so two nodes never store two versions of one result.
 */
@Service
public class Evaluations {

    private static final Logger log = LoggerFactory.getLogger(Evaluations.class);

    /** A stored version's header. */
    public record Version(int version, String ruleSetVersion, OffsetDateTime computedAt, String trigger,
            String triggeredBy, String reason, String resultHash) {
    }

    /** What a computation did: stored a new version, or found it identical to the latest one. */
    public record Recomputed(boolean stored, int identicalToVersion, Evaluation evaluation) {
    }

    /** A stored version with its row id, which the version's rows and lines hang on. */
    private record Run(long id, Version version) {
    }

    private final Scoring scoring;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final BusinessClock clock;
    private final ObjectMapper json;

    Evaluations(Scoring scoring, JdbcClient jdbc, TransactionTemplate transactions, BusinessClock clock, ObjectMapper json) {
        this.scoring = scoring;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    /** Computes a closed period and stores it unless the latest version is the same result. */
    public Recomputed recompute(Period period, String trigger, String actor) {
        OffsetDateTime now = clock.now();
        if (!period.isClosed(now)) {
            throw DomainException.unprocessable("period-not-over", period.label() + "尚未结束，"
                    + period.kind().chineseLabel() + "在周期结束后计算（可先查看试算结果）");
        }
        return transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                    .param("key", "evaluation:" + period.kind() + ":" + period.key()).query().listOfRows();
            long started = System.nanoTime();
            Scoring.Computed computed = scoring.compute(period);
            log.info("{} {} computed in {} ms ({} units)", period.kind(), period.key(),
                    (System.nanoTime() - started) / 1_000_000, computed.rows().size());
            Optional<Run> latestRun = latestRun(period);
            Optional<Version> latest = latestRun.map(Run::version);
            if (latest.isPresent() && latest.get().resultHash().equals(computed.hash())) {
                log.info("{} {}: same result as version {}, nothing stored", period.kind(), period.key(),
                        latest.get().version());
                return new Recomputed(false, latest.get().version(), load(period, latestRun.get()));
            }
            int version = latest.map(v -> v.version() + 1).orElse(1);
            String reason = latest.isEmpty() ? "FIRST"
                    : latest.get().ruleSetVersion().equals(computed.ruleSetVersion()) ? "DATA_CHANGED" : "RULES_CHANGED";
            long runId = jdbc.sql("""
                    insert into evaluation_run (kind, period, version, period_start, period_end, rule_set_version,
                                                result_hash, computed_at, trigger, triggered_by, reason)
                    values (:kind, :period, :version, :start, :end, :rules, :hash, :at, :trigger, :by, :reason)
                    returning id""")
                    .param("kind", period.kind().name()).param("period", period.key()).param("version", version)
                    .param("start", period.start()).param("end", period.end()).param("rules", computed.ruleSetVersion())
                    .param("hash", computed.hash()).param("at", now).param("trigger", trigger).param("by", actor)
                    .param("reason", reason).query(Long.class).single();
            for (Evaluation.Row row : computed.rows()) {
                jdbc.sql("""
                        insert into evaluation_row (run_id, unit_code, unit_name, rank, score, deductions, credits, indicators)
                        values (:run, :unit, :name, :rank, :score, :deductions, :credits, cast(:indicators as jsonb))""")
                        .param("run", runId).param("unit", row.unitCode()).param("name", row.unitName())
                        .param("rank", row.rank()).param("score", row.score()).param("deductions", row.deductions())
                        .param("credits", row.credits()).param("indicators", write(row.indicators())).update();
                int seq = 0;
                for (Evaluation.Line line : row.lines()) {
                    jdbc.sql("""
                            insert into evaluation_line (run_id, unit_code, seq, kind, case_id, case_number, points, rule, reason)
                            values (:run, :unit, :seq, :kind, :case, :number, :points, :rule, :reason)""")
                            .param("run", runId).param("unit", row.unitCode()).param("seq", ++seq)
                            .param("kind", line.kind()).param("case", line.caseId()).param("number", line.caseNumber())
                            .param("points", line.points()).param("rule", line.rule()).param("reason", line.reason())
                            .update();
                }
            }
            log.info("{} {}: version {} stored ({}, rule set {})", period.kind(), period.key(), version, reason,
                    computed.ruleSetVersion());
            Version stored = new Version(version, computed.ruleSetVersion(), now, trigger, actor, reason, computed.hash());
            return new Recomputed(true, 0, load(period, new Run(runId, stored)));
        });
    }

    /** The period computed now without storing anything: for a period not over yet, or not yet computed. */
    public Evaluation preview(Period period) {
        OffsetDateTime now = clock.now();
        Scoring.Computed computed = scoring.compute(period, now);
        return new Evaluation(period.key(), period.kind().name(), period.label(), 0, computed.ruleSetVersion(), now,
                null, null, "PREVIEW", computed.hash(), computed.rows());
    }

    public Optional<Evaluation> latest(Period period) {
        return latestRun(period).map(run -> load(period, run));
    }

    public Optional<Evaluation> version(Period period, int version) {
        return runs(period).stream().filter(run -> run.version().version() == version).findFirst()
                .map(run -> load(period, run));
    }

    public List<Version> versions(Period period) {
        return runs(period).stream().map(Run::version).toList();
    }

    private Optional<Run> latestRun(Period period) {
        List<Run> all = runs(period);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The period's stored versions, oldest first (a handful: one per change of data or rules). */
    private List<Run> runs(Period period) {
        return jdbc.sql("""
                select id, version, rule_set_version, computed_at, trigger, triggered_by, reason, result_hash
                from evaluation_run where kind = :kind and period = :period order by version""")
                .param("kind", period.kind().name()).param("period", period.key())
                .query((rs, n) -> new Run(rs.getLong("id"), new Version(rs.getInt("version"),
                        rs.getString("rule_set_version"), rs.getObject("computed_at", OffsetDateTime.class),
                        rs.getString("trigger"), rs.getString("triggered_by"), rs.getString("reason"),
                        rs.getString("result_hash"))))
                .list();
    }

    private Evaluation load(Period period, Run run) {
        long runId = run.id();
        Version v = run.version();
        Map<String, List<Evaluation.Line>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                select unit_code, kind, case_id, case_number, points, rule, reason
                from evaluation_line where run_id = :run order by unit_code, seq""")
                .param("run", runId)
                .query(rs -> {
                    Long caseId = rs.getObject("case_id", Long.class);
                    lines.computeIfAbsent(rs.getString("unit_code"), u -> new ArrayList<>()).add(new Evaluation.Line(
                            rs.getString("kind"), caseId, rs.getString("case_number"),
                            rs.getBigDecimal("points"), rs.getString("rule"), rs.getString("reason")));
                });
        List<Evaluation.Row> rows = jdbc.sql("""
                select unit_code, unit_name, rank, score, deductions, credits, indicators::text as indicators
                from evaluation_row where run_id = :run
                order by rank nulls last, score desc, unit_code""")
                .param("run", runId)
                .query((rs, n) -> {
                    Integer r = rs.getObject("rank", Integer.class);
                    return new Evaluation.Row(r, rs.getString("unit_code"), rs.getString("unit_name"),
                            rs.getBigDecimal("score"), rs.getBigDecimal("deductions"), rs.getBigDecimal("credits"),
                            read(rs.getString("indicators")), lines.getOrDefault(rs.getString("unit_code"), List.of()));
                })
                .list();
        return new Evaluation(period.key(), period.kind().name(), period.label(), v.version(), v.ruleSetVersion(),
                v.computedAt(), v.trigger(), v.triggeredBy(), v.reason(), v.resultHash(), rows);
    }

    private String write(Indicators indicators) {
        try {
            return json.writeValueAsString(indicators);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Indicators read(String text) {
        try {
            return json.readValue(text, Indicators.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
