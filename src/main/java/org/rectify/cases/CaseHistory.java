package org.rectify.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.rectify.rules.RuleSetLabels;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The append-only trace of a case (全程留痕): steps and rule decisions. The database refuses edits. */
@Component
public class CaseHistory {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    private final RuleSetLabels ruleSetLabels;

    CaseHistory(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events, RuleSetLabels ruleSetLabels) {
        this.ruleSetLabels = ruleSetLabels;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** One step: who did what, in Chinese words a unit understands, with machine-readable details. */
    /** {@code actorName} is what people read (the account's name); {@code actor} the account itself. */
    public record Event(long id, OffsetDateTime occurredAt, String actor, String action, String summary,
            Map<String, Object> details, String actorName) {

        Event(long id, OffsetDateTime occurredAt, String actor, String action, String summary,
                Map<String, Object> details) {
            this(id, occurredAt, actor, action, summary, details, actor);
        }

        public Event named(Map<String, String> names) {
            return new Event(id, occurredAt, actor, action, summary, details, names.getOrDefault(actor, actor));
        }

        public Event withoutDetails() {
            return new Event(id, occurredAt, actor, action, summary, Map.of(), actorName);
        }
    }

    /** A rule decision with its explanation. */
    /** {@code ruleSetLabel} is the version as people read it ("2026-12-01 第3版"); the hash is for administrators. */
    public record Decision(long id, String kind, OffsetDateTime madeAt, String ruleSetVersion, List<String> firedRules,
            Map<String, Object> inputs, Map<String, Object> outcome, String explanation, String ruleSetLabel) {

        /** The same decision without the rule set's hash, for everyone but administrators. */
        public Decision withoutHash() {
            return new Decision(id, kind, madeAt, null, firedRules, inputs, outcome, explanation, ruleSetLabel);
        }
    }

    /** The discipline office's steps on a case; shown to others only as {@code CaseViews} allows. */
    public static boolean isDisciplineAction(String action) {
        return action != null && (action.startsWith("ACCOUNTABILITY_") || action.startsWith("DISCIPLINE_"));
    }

    /** The steps of a decision once issued to the unit, which the unit itself may follow. */
    public static final java.util.Set<String> ISSUED_DECISION_ACTIONS = java.util.Set.of("ACCOUNTABILITY_DECIDED",
            "ACCOUNTABILITY_ACKNOWLEDGED", "ACCOUNTABILITY_APPEALED", "ACCOUNTABILITY_REVIEWED",
            "ACCOUNTABILITY_EFFECTIVE");

    public static boolean isDisciplineDecision(String kind) {
        return kind != null && kind.startsWith("ACCOUNTABILITY_");
    }

    public void record(long caseId, OffsetDateTime at, String actor, String action, String summary,
            Map<String, ?> details) {
        jdbc.sql("""
                insert into case_event (case_id, occurred_at, actor, action, summary, details)
                values (:caseId, :at, :actor, :action, :summary, cast(:details as jsonb))""")
                .param("caseId", caseId).param("at", at).param("actor", actor).param("action", action)
                .param("summary", summary).param("details", toJson(details))
                .update();
        events.publishEvent(new CaseEventRecorded(caseId, at, actor, action, summary));
    }

    public void recordDecision(long caseId, String kind, OffsetDateTime at, String ruleSetVersion,
            List<String> firedRules, Map<String, ?> inputs, Map<String, ?> outcome, String explanation) {
        jdbc.sql("""
                insert into decision (case_id, kind, made_at, rule_set_version, fired_rules, inputs, outcome, explanation)
                values (:caseId, :kind, :at, :version, :fired, cast(:inputs as jsonb), cast(:outcome as jsonb), :explanation)""")
                .param("caseId", caseId).param("kind", kind).param("at", at).param("version", ruleSetVersion)
                .param("fired", firedRules.toArray(String[]::new)).param("inputs", toJson(inputs))
                .param("outcome", toJson(outcome)).param("explanation", explanation)
                .update();
    }

    /** A step of some case, with the case's number: what feeds an update feed (Open311's servicerequestupdates). */
    public record Update(long caseId, String caseNumber, String caseStatus, Event event) {
    }

    /**
     * Steps of the given actions on cases from the given sources, oldest first, from {@code from} (inclusive) to
     * {@code to} (exclusive), at most {@code limit}.
     */
    public List<Update> updates(OffsetDateTime from, OffsetDateTime to, java.util.Collection<String> sources,
            java.util.Collection<String> actions, int limit) {
        return jdbc.sql("""
                select e.id, e.occurred_at, e.actor, e.action, e.summary, e.details::text, c.id, c.case_number, c.status
                from case_event e join rectification_case c on c.id = e.case_id
                where e.occurred_at >= :from and e.occurred_at < :to and c.source in (:sources) and e.action in (:actions)
                order by e.occurred_at, e.id limit :limit""")
                .param("from", from).param("to", to).param("sources", sources).param("actions", actions)
                .param("limit", limit)
                .query((rs, n) -> new Update(rs.getLong(7), rs.getString(8), rs.getString(9),
                        new Event(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                                rs.getString(4), rs.getString(5), fromJson(rs.getString(6)))))
                .list();
    }

    public List<Event> events(long caseId) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, summary, details::text from case_event
                where case_id = :caseId order by id""")
                .param("caseId", caseId)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), fromJson(rs.getString(6))))
                .list();
    }

    public List<Decision> decisions(long caseId) {
        List<Decision> decisions = jdbc.sql("""
                select id, kind, made_at, rule_set_version, fired_rules, inputs::text, outcome::text, explanation
                from decision where case_id = :caseId order by id""")
                .param("caseId", caseId)
                .query((rs, n) -> new Decision(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), List.of((String[]) rs.getArray(5).getArray()), fromJson(rs.getString(6)),
                        fromJson(rs.getString(7)), rs.getString(8), null))
                .list();
        Map<String, String> labels = ruleSetLabels.labels(decisions.stream().map(Decision::ruleSetVersion)
                .filter(v -> v != null).collect(java.util.stream.Collectors.toSet()));
        return decisions.stream().map(d -> new Decision(d.id(), d.kind(), d.madeAt(), d.ruleSetVersion(), d.firedRules(),
                d.inputs(), d.outcome(), d.explanation(), labels.getOrDefault(d.ruleSetVersion(), ""))).toList();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store history details as JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fromJson(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("History details are not JSON", e);
        }
    }
}
