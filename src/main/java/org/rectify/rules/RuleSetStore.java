package org.rectify.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.rectify.shared.Hashes;

/**
 * The rule-set tables: rule_set (one row per version), rule_set_file (its files), rule_set_activation (each
 * time a version became active), rule_set_active (the one row all nodes poll) and rule_set_attempt (every
 * gate run). Rows are never changed or deleted (the database refuses).
 */
@Repository
class RuleSetStore {

    /** How a version became active. */
    enum How { STARTUP, FOLDER, UPLOAD, REACTIVATION }

    enum Outcome { ACTIVATED, REJECTED, UNCHANGED, NOT_REACTIVATED }

    record Active(long activationId, String version, OffsetDateTime activatedAt, String activatedBy, How how) {
    }

    record Version(String version, String contentHash, OffsetDateTime firstActivatedAt, String firstActivatedBy,
            int files, int activations, OffsetDateTime lastActivatedAt) {
    }

    record Activation(long id, String version, OffsetDateTime activatedAt, String activatedBy, How how,
            String previousVersion, String comment) {
    }

    record Attempt(long id, OffsetDateTime attemptedAt, String attemptedBy, How how, String version, Outcome outcome,
            List<RuleSetProblem> problems, Integer scenariosRun, Integer scenariosPassed) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    RuleSetStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Active> active() {
        return jdbc.sql("""
                select a.id, a.version, a.activated_at, a.activated_by, a.how
                from rule_set_active r join rule_set_activation a on a.id = r.activation_id""")
                .query((rs, n) -> new Active(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), How.valueOf(rs.getString(5))))
                .optional();
    }

    boolean exists(String version) {
        return jdbc.sql("select count(*) from rule_set where version = :v").param("v", version).query(Long.class).single() > 0;
    }

    /** Whether the version was ever the active one (a version from before activations were recorded counts too). */
    boolean wasActivated(String version) {
        return exists(version);
    }

    /** The files of a version; null if the version is unknown. Versions stored before V7 have their text only. */
    RuleSetFiles files(String version) {
        Map<String, byte[]> files = new TreeMap<>();
        jdbc.sql("select path, content from rule_set_file where version = :v").param("v", version)
                .query((rs, n) -> files.put(rs.getString(1), rs.getBytes(2))).list();
        if (!files.isEmpty()) {
            return RuleSetFiles.of(files);
        }
        Optional<String> legacy = jdbc.sql("select files::text from rule_set where version = :v").param("v", version)
                .query(String.class).optional();
        if (legacy.isEmpty()) {
            return null;
        }
        try {
            Map<String, String> texts = json.readValue(legacy.get(), new TypeReference<TreeMap<String, String>>() { });
            return RuleSetFiles.ofText(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule_set.files of " + version + " is not a JSON object of texts", e);
        }
    }

    /**
     * Makes the files the active rule set, in one transaction: stores the version and its files if they are new,
     * records the activation and points rule_set_active at it. Concurrent activations (two nodes, two admins)
     * are serialised; the last one wins.
     */
    @Transactional
    Activation activate(RuleSetFiles files, String who, How how, String comment, OffsetDateTime now) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('rule_set_active'))").query(Object.class).list();
        String version = files.version();
        int inserted = jdbc.sql("""
                insert into rule_set (version, content_hash, activated_at, activated_by, files)
                values (:version, :hash, :at, :by, cast(:files as jsonb))
                on conflict (version) do nothing""")
                .param("version", version).param("hash", files.contentHash()).param("at", now).param("by", who)
                .param("files", toJson(readable(files)))
                .update();
        if (inserted == 1 || jdbc.sql("select count(*) from rule_set_file where version = :v").param("v", version)
                .query(Long.class).single() == 0) {
            files.asMap().forEach((path, bytes) -> jdbc.sql("""
                    insert into rule_set_file (version, path, content, sha256) values (:v, :path, :content, :sha)
                    on conflict do nothing""")
                    .param("v", version).param("path", path).param("content", bytes)
                    .param("sha", Hashes.sha256(bytes)).update());
        }
        String previous = active().map(Active::version).orElse(null);
        long id = jdbc.sql("""
                insert into rule_set_activation (version, activated_at, activated_by, how, previous_version, comment)
                values (:version, :at, :by, :how, :previous, :comment) returning id""")
                .param("version", version).param("at", now).param("by", who).param("how", how.name())
                .param("previous", previous).param("comment", comment)
                .query(Long.class).single();
        jdbc.sql("""
                insert into rule_set_active (singleton, activation_id) values (true, :id)
                on conflict (singleton) do update set activation_id = excluded.activation_id""")
                .param("id", id).update();
        return new Activation(id, version, now, who, how, previous, comment);
    }

    void recordAttempt(String version, String who, How how, Outcome outcome, List<RuleSetProblem> problems,
            Scenarios.Report scenarios, OffsetDateTime now) {
        jdbc.sql("""
                insert into rule_set_attempt (attempted_at, attempted_by, how, version, outcome, problems,
                    scenarios_run, scenarios_passed)
                values (:at, :by, :how, :version, :outcome, cast(:problems as jsonb), :run, :passed)""")
                .param("at", now).param("by", who).param("how", how.name()).param("version", version)
                .param("outcome", outcome.name()).param("problems", toJson(problems))
                .param("run", scenarios == null ? null : scenarios.total())
                .param("passed", scenarios == null ? null : scenarios.passed())
                .update();
    }

    List<Version> versions() {
        return jdbc.sql("""
                select s.version, s.content_hash, s.activated_at, s.activated_by,
                       (select count(*) from rule_set_file f where f.version = s.version),
                       (select count(*) from rule_set_activation a where a.version = s.version),
                       (select max(a.activated_at) from rule_set_activation a where a.version = s.version)
                from rule_set s order by coalesce((select max(a.id) from rule_set_activation a where a.version = s.version), 0) desc,
                    s.activated_at desc""")
                .query((rs, n) -> new Version(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    Optional<Version> version(String version) {
        return versions().stream().filter(v -> v.version().equals(version)).findFirst();
    }

    List<Activation> activations(String version, int limit) {
        return jdbc.sql("""
                select id, version, activated_at, activated_by, how, previous_version, comment from rule_set_activation
                where cast(:version as varchar) is null or version = cast(:version as varchar) order by id desc limit :limit""")
                .param("version", version).param("limit", limit)
                .query((rs, n) -> new Activation(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), How.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7)))
                .list();
    }

    List<Attempt> attempts(int limit) {
        return jdbc.sql("""
                select id, attempted_at, attempted_by, how, version, outcome, problems::text, scenarios_run, scenarios_passed
                from rule_set_attempt order by id desc limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Attempt(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        How.valueOf(rs.getString(4)), rs.getString(5), Outcome.valueOf(rs.getString(6)),
                        fromJson(rs.getString(7)), (Integer) rs.getObject(8), (Integer) rs.getObject(9)))
                .list();
    }

    /** Text files as they are; each sheet of a workbook as CSV; for reading a version with SQL. */
    static Map<String, String> readable(RuleSetFiles files) {
        Map<String, String> texts = new LinkedHashMap<>();
        files.asMap().forEach((path, bytes) -> {
            if (Sheets.isWorkbook(path)) {
                StringBuilder text = new StringBuilder();
                try {
                    Sheets.readAll(path, bytes).forEach((sheet, rows) -> text.append("# 工作表：").append(sheet).append('\n')
                            .append(Sheets.Csv.write(rows)));
                } catch (RuleSetException e) {
                    text.append("（无法读取：").append(e.getMessage()).append('）');
                }
                texts.put(path, text.toString());
            } else {
                texts.put(path, TextFiles.decode(bytes));
            }
        });
        return texts;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<RuleSetProblem> fromJson(String text) {
        try {
            return json.readValue(text, new TypeReference<List<RuleSetProblem>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
