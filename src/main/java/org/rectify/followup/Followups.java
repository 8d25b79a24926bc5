package org.rectify.followup;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.rectify.cases.CaseClosed;
import org.rectify.cases.CaseHistory;
import org.rectify.cases.CaseSteps;
import org.rectify.cases.Cases;
import org.rectify.cases.Photos;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.rectify.clock.BusinessClock;
import org.rectify.notices.NoticeKind;
import org.rectify.notices.Outbox;
import org.rectify.rules.FollowupFacts;
import org.rectify.rules.FollowupPolicy;
import org.rectify.rules.RuleEngine;
import org.rectify.rules.RuleOutcome;
import org.rectify.shared.DomainException;
import org.rectify.workflow.CaseProcess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The follow-up's steps: ask when a public report's case closes, take the answer, record silence, reopen on FAIL. */
@Service
public class Followups {

    static final String PROCESS_KEY = "followup";
    static final String MESSAGE_ANSWERED = "FollowupAnswered";
    static final String FOLLOWUP_ID = "followupId";
    static final String CASE_ID = "caseId";
    static final String CASE_NUMBER = "caseNumber";
    static final String TITLE = "title";
    static final String WAIT_UNTIL = "waitUntil";
    static final String ANSWER = "answer";
    static final String REVIEW_OUTCOME = "reviewOutcome";
    static final String REVIEW_COMMENT = "reviewComment";
    static final String DECISION = "FOLLOWUP";

    /** What the reporter's page and the supervisor see; never the reporter's name or phone. */
    public record Followup(long id, long caseId, String caseNumber, String title, String address, int round,
            OffsetDateTime askedAt, int waitDays, String answer, OffsetDateTime answeredAt, String comment,
            boolean hasPhoto, String reviewOutcome) {

        public boolean open() {
            return answer == null;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CaseSteps steps;
    private final CaseHistory history;
    private final CaseProcess caseProcess;
    private final RuntimeService runtime;
    private final RuleEngine rules;
    private final Photos photos;
    private final Outbox outbox;
    private final Catalog catalog;
    private final BusinessClock clock;
    private final String publicUrl;

    Followups(JdbcClient jdbc, Cases cases, CaseSteps steps, CaseHistory history, CaseProcess caseProcess,
            RuntimeService runtime, RuleEngine rules, Photos photos, Outbox outbox, Catalog catalog, BusinessClock clock,
            @Value("${rectify.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.steps = steps;
        this.history = history;
        this.caseProcess = caseProcess;
        this.runtime = runtime;
        this.rules = rules;
        this.photos = photos;
        this.outbox = outbox;
        this.catalog = catalog;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** A public report's case closed: ask its reporter, in the closing transaction. */
    @EventListener
    void on(CaseClosed closed) {
        RectificationCase c = cases.require(closed.caseId());
        if (!c.source().needsCheck()) {
            return;
        }
        RuleOutcome<FollowupPolicy> policy = rules.followup(new FollowupFacts(c.source(), c.severity()));
        int days = policy.decision().waitDays();
        OffsetDateTime now = closed.at();
        history.recordDecision(c.id(), DECISION, now, policy.ruleSetVersion(), policy.firedRules(),
                Map.of("来源", c.source().chineseLabel(), "严重程度", c.severity().chineseLabel()),
                Map.of("waitDays", days), "回访：" + policy.decision().reason());
        int round = jdbc.sql("select coalesce(max(round), 0) + 1 from followup where case_id = :id").param("id", c.id())
                .query(Integer.class).single();
        String token = token();
        long id = jdbc.sql("""
                insert into followup (case_id, round, token, asked_at, wait_days) values (:caseId, :round, :token, :at, :days)
                returning id""")
                .param("caseId", c.id()).param("round", round).param("token", token).param("at", now).param("days", days)
                .query(Long.class).single();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(FOLLOWUP_ID, id);
        variables.put(CASE_ID, c.id());
        variables.put(CASE_NUMBER, c.caseNumber());
        variables.put(TITLE, c.title());
        variables.put(WAIT_UNTIL, Date.from(now.plusDays(days).toInstant()));
        String pi = runtime.startProcessInstanceByKey(PROCESS_KEY, c.caseNumber() + "-HF" + round, variables).getId();
        jdbc.sql("update followup set process_instance_id = :pi where id = :id").param("pi", pi).param("id", id).update();
        history.record(c.id(), now, "系统", "FOLLOWUP_ASKED", "向报告人发出回访（" + days + "天内未答复视为满意）",
                Map.of("followupId", id, "waitDays", days));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("caseNumber", c.caseNumber());
        model.put("title", c.title());
        model.put("leadUnitName", c.leadUnitCode() == null ? "" : catalog.unitName(c.leadUnitCode()));
        model.put("followupLink", publicUrl + "/followup/" + token);
        model.put("followupDays", days);
        outbox.postToReporter(NoticeKind.REPORT_CLOSED, c.id(), c.reporterPhone(), model);
    }

    public Optional<Followup> byToken(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where f.token = :token").param("token", token).query(this::map).optional();
    }

    public Followup require(long id) {
        return jdbc.sql(SELECT + " where f.id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("followup-not-found", "回访 " + id + " 不存在"));
    }

    public List<Followup> ofCase(long caseId) {
        return jdbc.sql(SELECT + " where f.case_id = :id order by f.round").param("id", caseId).query(this::map).list();
    }

    /** The reporter's answer through the link: FIXED, or NOT_FIXED with a photo of the problem as it still is. */
    @Transactional
    public Followup answer(String token, boolean fixed, String comment, String photoName, byte[] photo) {
        Followup f = byToken(token).orElseThrow(() -> DomainException.notFound("followup-not-found", "回访链接无效或已失效"));
        jdbc.sql("select id from followup where id = :id for update").param("id", f.id()).query(Long.class).single();
        f = require(f.id());
        if (!f.open()) {
            throw DomainException.conflict("followup-closed", "SILENT".equals(f.answer())
                    ? "本次回访已结束（逾期未答复视为满意）" : "您已答复过本次回访，谢谢");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 500) {
            throw DomainException.invalid("too-long", "补充说明不能超过 500 个字");
        }
        String type = null;
        if (!fixed) {
            if (photo == null || photo.length == 0) {
                throw DomainException.invalid("photo-required", "选择“未解决”时，请上传一张现场照片");
            }
            type = photos.checkImage(photoName == null ? "photo.jpg" : photoName, photo);
        }
        OffsetDateTime now = clock.now();
        String answer = fixed ? "FIXED" : "NOT_FIXED";
        jdbc.sql("""
                update followup set answer = :answer, answered_at = :at, comment = :comment, photo = :photo, photo_type = :type
                where id = :id""")
                .param("answer", answer).param("at", now).param("comment", text).param("photo", fixed ? null : photo)
                .param("type", type).param("id", f.id()).update();
        history.record(f.caseId(), now, "报告人", fixed ? "FOLLOWUP_FIXED" : "FOLLOWUP_NOT_FIXED",
                fixed ? "回访：报告人确认问题已解决" : "回访：报告人反映问题未解决" + (text == null ? "" : "，" + text)
                        + "（附现场照片），转督查组复核", Map.of("followupId", f.id(), "answer", answer));
        String pi = jdbc.sql("select process_instance_id from followup where id = :id").param("id", f.id())
                .query(String.class).single();
        try {
            runtime.createMessageCorrelation(MESSAGE_ANSWERED).processInstanceId(pi)
                    .setVariable(ANSWER, answer).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw DomainException.conflict("followup-closed", "本次回访已结束，请刷新页面");
        }
        return require(f.id());
    }

    /** The answer period passed without an answer: satisfied by silence. */
    void recordSilence(long id) {
        OffsetDateTime now = clock.now();
        int updated = jdbc.sql("update followup set answer = 'SILENT', answered_at = :at where id = :id and answer is null")
                .param("at", now).param("id", id).update();
        if (updated > 0) {
            Followup f = require(id);
            history.record(f.caseId(), now, "系统", "FOLLOWUP_SILENT", "回访：报告人" + f.waitDays() + "天内未答复，视为满意",
                    Map.of("followupId", id));
        }
    }

    /** The supervisor's re-verification: PASS keeps the case closed, FAIL reopens it to its unit. */
    void review(long id, String outcome, String comment, String actor) {
        Followup f = require(id);
        OffsetDateTime now = clock.now();
        jdbc.sql("update followup set review_outcome = :outcome, reviewed_by = :by, reviewed_at = :at where id = :id")
                .param("outcome", outcome).param("by", actor).param("at", now).param("id", id).update();
        String note = comment == null || comment.isBlank() ? "" : "：" + comment.strip();
        if ("PASS".equals(outcome)) {
            history.record(f.caseId(), now, actor, "FOLLOWUP_REVIEW_PASSED", "回访复核：问题已解决，维持销号" + note,
                    Map.of("followupId", id));
            return;
        }
        RectificationCase reopened = steps.reopen(f.caseId(), "回访复核不通过" + note, actor, now);
        String pi = caseProcess.restartAtRework(reopened);
        cases.setProcessInstance(reopened.id(), pi);
        RectificationCase c = cases.require(reopened.id());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("caseNumber", c.caseNumber());
        model.put("title", c.title());
        model.put("address", c.address() == null ? "" : c.address());
        model.put("leadUnitName", catalog.unitName(c.leadUnitCode()));
        model.put("deadlineText", c.deadline() == null ? "未定" : org.rectify.cases.Deadlines.format(c.deadline()));
        model.put("reason", "回访复核不通过" + note);
        outbox.post(NoticeKind.CASE_REOPENED, c.id(), c.leadUnitCode(), Outbox.UNIT_AND_LEADER, model);
    }

    public Optional<Photos.PhotoContent> photo(long id) {
        return jdbc.sql("select photo, photo_type, case_id from followup where id = :id and photo is not null")
                .param("id", id)
                .query((rs, n) -> new Photos.PhotoContent("followup-" + id, rs.getString(2), rs.getBytes(1), rs.getLong(3)))
                .optional();
    }

    private static final String SELECT = """
            select f.id, f.case_id, f.round, f.asked_at, f.wait_days, f.answer, f.answered_at, f.comment,
                f.photo is not null, f.review_outcome
            from followup f""";

    private Followup map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        RectificationCase c = cases.require(rs.getLong(2));
        return new Followup(rs.getLong(1), c.id(), c.caseNumber(), c.title(), c.address(), rs.getInt(3),
                rs.getObject(4, OffsetDateTime.class), rs.getInt(5), rs.getString(6),
                rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getBoolean(9), rs.getString(10));
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
