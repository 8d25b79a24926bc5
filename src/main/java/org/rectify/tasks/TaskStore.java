package org.rectify.tasks;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tasks module's tables (V20). */
@Repository
class TaskStore {

    public record Event(long id, long taskId, OffsetDateTime at, String actor, String kind, String text, BigDecimal figure,
            int cycle, Boolean passed) {

        String kindLabel() {
            return switch (kind) {
                case "CREATED" -> "下达任务";
                case "ACKNOWLEDGED" -> "签收";
                case "PROGRESS" -> "反馈进展";
                case "COMPLETION" -> "申报完成";
                case "REVIEW" -> Boolean.TRUE.equals(passed) ? "审核通过" : "审核不通过，退回";
                case "ACHIEVED" -> "列入业绩清单";
                case "WARNING" -> "预警";
                case "URGING" -> "催办";
                case "SUPERVISION" -> "督办";
                case "TRANSFER" -> "移交纪工委";
                case "DISCIPLINE_DECIDED" -> "纪工委审查意见";
                case "CASE_LINKED" -> "发现问题，转入问题清单";
                case "LEADER_ASSIGNED" -> "指定包保领导";
                default -> kind;
            };
        }
    }

    public record Evidence(long id, long taskId, long eventId, String kind, String fileName, String contentType, int size,
            OffsetDateTime createdAt) {
    }

    public record Transfer(long id, long taskId, String taskNo, String unitCode, String reason, OffsetDateTime transferredAt,
            OffsetDateTime decidedAt, String decidedBy, String decision, Long caseId, String disciplineProcessInstanceId) {
    }

    public record Leader(long id, String name, String title, String account) {
    }

    public record Assignment(long leaderId, String kind, String target) {
    }

    private static final String TASK_SELECT = """
            select t.*, b.name as breakdown_name, l.name as leader_name,
                   (select string_agg(u.unit_code, ',' order by u.unit_code) from task_unit u
                     where u.task_id = t.id and u.role = 'CO') as co_units
            from task t join task_breakdown b on b.id = t.breakdown_id left join task_leader l on l.id = t.leader_id
            """;

    private final JdbcClient jdbc;

    TaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long breakdown(String name, OffsetDateTime now, String by) {
        jdbc.sql("insert into task_breakdown (name, created_at, created_by) values (:name, :now, :by) on conflict (name) do nothing")
                .param("name", name).param("now", now).param("by", by).update();
        return jdbc.sql("select id from task_breakdown where name = :name").param("name", name).query(Long.class).single();
    }

    List<String> breakdownNames() {
        return jdbc.sql("select name from task_breakdown order by id").query(String.class).list();
    }

    Optional<Task> find(long breakdownId, String taskNo) {
        return jdbc.sql(TASK_SELECT + " where t.breakdown_id = :b and t.task_no = :no").param("b", breakdownId)
                .param("no", taskNo).query(TaskStore::task).optional();
    }

    Optional<Task> task(long id) {
        return jdbc.sql(TASK_SELECT + " where t.id = :id").param("id", id).query(TaskStore::task).optional();
    }

    Optional<Task> byProcessInstance(String processInstanceId) {
        return jdbc.sql(TASK_SELECT + " where t.process_instance_id = :p").param("p", processInstanceId)
                .query(TaskStore::task).optional();
    }

    /** Takes the task's row lock for the rest of the transaction, so two steps on one task run one after the other. */
    void lock(long id) {
        jdbc.sql("select id from task where id = :id for update").param("id", id).query(Long.class).single();
    }

    /** Tasks, optionally only those that concern a unit (lead or co-unit) or serve one 测评体系 item. */
    List<Task> tasks(String unitCode, String itemCode) {
        return jdbc.sql(TASK_SELECT + """
                 where (cast(:unit as varchar) is null or t.lead_unit_code = :unit
                        or exists (select 1 from task_unit u where u.task_id = t.id and u.unit_code = :unit))
                   and (cast(:item as varchar) is null or t.item_code = :item)
                 order by t.item_code, t.task_no, t.id""")
                .param("unit", unitCode).param("item", itemCode).query(TaskStore::task).list();
    }

    List<Task> tasksByIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(TASK_SELECT + " where t.id in (:ids) order by t.item_code, t.task_no").param("ids", ids)
                .query(TaskStore::task).list();
    }

    long insert(long breakdownId, BreakdownRow row, Long leaderId, OffsetDateTime now) {
        long id = jdbc.sql("""
                insert into task (breakdown_id, task_no, content, standard, target_value, target_unit, item_code, item_name,
                                  lead_unit_code, leader_id, deadline, recurrence, weight, evidence_required, status, created_at)
                values (:b, :no, :content, :standard, :target, :targetUnit, :itemCode, :itemName, :lead, :leader,
                        :deadline, :recurrence, :weight, :evidence, 'ASSIGNED', :now)
                returning id""")
                .param("b", breakdownId).param("no", row.taskNo()).param("content", row.content())
                .param("standard", row.standard()).param("target", row.targetValue()).param("targetUnit", row.targetUnit())
                .param("itemCode", row.itemCode()).param("itemName", row.itemName()).param("lead", row.leadUnitCode())
                .param("leader", leaderId).param("deadline", row.deadline()).param("recurrence", row.recurrence().name())
                .param("weight", row.weight())
                .param("evidence", row.evidence().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("now", now).query(Long.class).single();
        jdbc.sql("insert into task_unit (task_id, unit_code, role) values (:t, :u, 'LEAD')").param("t", id)
                .param("u", row.leadUnitCode()).update();
        for (String co : row.coUnitCodes()) {
            jdbc.sql("insert into task_unit (task_id, unit_code, role) values (:t, :u, 'CO') on conflict do nothing")
                    .param("t", id).param("u", co).update();
        }
        return id;
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update task set process_instance_id = :p where id = :id").param("p", processInstanceId).param("id", id).update();
    }

    void acknowledged(long id, OffsetDateTime at) {
        jdbc.sql("update task set status = 'IN_PROGRESS', acknowledged_at = :at where id = :id").param("at", at)
                .param("id", id).update();
    }

    void reported(long id, OffsetDateTime at, BigDecimal figure, boolean completion) {
        jdbc.sql("""
                update task set last_report_at = :at, latest_figure = coalesce(:figure, latest_figure),
                       status = case when :completion then 'SUBMITTED' else status end,
                       submitted_at = case when :completion then :at else submitted_at end
                where id = :id""")
                .param("at", at).param("figure", figure).param("completion", completion).param("id", id).update();
    }

    void reviewFailed(long id) {
        jdbc.sql("update task set status = 'IN_PROGRESS' where id = :id").param("id", id).update();
    }

    void achieved(long id, OffsetDateTime at, boolean onTime) {
        jdbc.sql("update task set status = 'ACHIEVED', achieved_at = :at, achieved_on_time = :onTime where id = :id")
                .param("at", at).param("onTime", onTime).param("id", id).update();
    }

    long event(long taskId, OffsetDateTime at, String actor, String kind, String text, BigDecimal figure, int cycle,
            Boolean passed) {
        return jdbc.sql("""
                insert into task_event (task_id, at, actor, kind, text, figure, cycle, passed)
                values (:t, :at, :actor, :kind, :text, :figure, :cycle, :passed) returning id""")
                .param("t", taskId).param("at", at).param("actor", actor).param("kind", kind).param("text", text)
                .param("figure", figure).param("cycle", cycle).param("passed", passed).query(Long.class).single();
    }

    /** A ladder step of one reporting cycle, once: false if it was already taken (a retried job, another node). */
    boolean ladderStep(long taskId, OffsetDateTime at, String kind, String text, int cycle) {
        return jdbc.sql("""
                insert into task_event (task_id, at, actor, kind, text, cycle) values (:t, :at, '系统', :kind, :text, :cycle)
                on conflict (task_id, kind, cycle) where kind in ('WARNING', 'URGING', 'SUPERVISION', 'TRANSFER') do nothing""")
                .param("t", taskId).param("at", at).param("kind", kind).param("text", text).param("cycle", cycle)
                .update() == 1;
    }

    List<Event> events(long taskId) {
        return jdbc.sql("select * from task_event where task_id = :t order by at, id").param("t", taskId)
                .query((rs, n) -> event(rs)).list();
    }

    /** Ladder events of all tasks in a period, for the scores. */
    List<Event> eventsOfKinds(Set<String> kinds, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("select * from task_event where kind in (:kinds) and at >= :from and at < :to order by task_id, at")
                .param("kinds", kinds).param("from", from).param("to", to).query((rs, n) -> event(rs)).list();
    }

    private static final List<String> LADDER_ORDER = List.of("WARNING", "URGING", "SUPERVISION", "TRANSFER");

    /** The highest ladder step of each task's current cycle, by task id. */
    java.util.Map<Long, String> currentLadderSteps() {
        java.util.Map<Long, String> steps = new java.util.HashMap<>();
        jdbc.sql("""
                select e.task_id, e.kind from task_event e join task t on t.id = e.task_id
                where e.kind in ('WARNING', 'URGING', 'SUPERVISION', 'TRANSFER') and t.status <> 'ACHIEVED'
                  and e.cycle = (select coalesce(max(x.cycle), 0) from task_event x where x.task_id = e.task_id)
                order by e.at, e.id""")
                .query(rs -> {
                    // steps that fell due together may run in any order: the highest one counts
                    steps.merge(rs.getLong("task_id"), rs.getString("kind"),
                            (a, b) -> LADDER_ORDER.indexOf(b) > LADDER_ORDER.indexOf(a) ? b : a);
                });
        return steps;
    }

    long evidence(long taskId, long eventId, String kind, String fileName, String contentType, byte[] content,
            OffsetDateTime at) {
        return jdbc.sql("""
                insert into task_evidence (task_id, event_id, kind, file_name, content_type, content, created_at)
                values (:t, :e, :kind, :name, :type, :content, :at) returning id""")
                .param("t", taskId).param("e", eventId).param("kind", kind).param("name", fileName)
                .param("type", contentType).param("content", content).param("at", at).query(Long.class).single();
    }

    List<Evidence> evidence(long taskId) {
        return jdbc.sql("""
                select id, task_id, event_id, kind, file_name, content_type, length(content) as size, created_at
                from task_evidence where task_id = :t order by id""")
                .param("t", taskId).query((rs, n) -> new Evidence(rs.getLong("id"), rs.getLong("task_id"),
                        rs.getLong("event_id"), rs.getString("kind"), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getInt("size"), rs.getObject("created_at", OffsetDateTime.class))).list();
    }

    Optional<byte[]> evidenceContent(long taskId, long evidenceId) {
        return jdbc.sql("select content from task_evidence where id = :id and task_id = :t").param("id", evidenceId)
                .param("t", taskId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    long transfer(long taskId, String unitCode, String reason, OffsetDateTime at) {
        return jdbc.sql("""
                insert into task_transfer (task_id, unit_code, reason, transferred_at) values (:t, :u, :r, :at) returning id""")
                .param("t", taskId).param("u", unitCode).param("r", reason).param("at", at).query(Long.class).single();
    }

    List<Transfer> transfers(Long taskId) {
        return jdbc.sql("""
                select x.*, t.task_no from task_transfer x join task t on t.id = x.task_id
                where cast(:t as bigint) is null or x.task_id = :t order by x.transferred_at desc, x.id desc""")
                .param("t", taskId).query((rs, n) -> new Transfer(rs.getLong("id"), rs.getLong("task_id"),
                        rs.getString("task_no"), rs.getString("unit_code"), rs.getString("reason"),
                        rs.getObject("transferred_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class),
                        rs.getString("decided_by"), rs.getString("decision"), rs.getObject("case_id", Long.class),
                        rs.getString("discipline_process_instance_id"))).list();
    }

    void transferredToDiscipline(long transferId, long caseId, String processInstanceId) {
        jdbc.sql("update task_transfer set case_id = :c, discipline_process_instance_id = :p where id = :id")
                .param("c", caseId).param("p", processInstanceId).param("id", transferId).update();
    }

    List<Long> tasksOfTransferCase(long caseId) {
        return jdbc.sql("select task_id from task_transfer where case_id = :c").param("c", caseId).query(Long.class).list();
    }

    /** Records the discipline office's decision on the task's open transfer; false if there was none. */
    boolean decideTransfer(long taskId, String decision, String by, OffsetDateTime at) {
        return jdbc.sql("""
                update task_transfer set decision = :d, decided_by = :by, decided_at = :at
                where id = (select id from task_transfer where task_id = :t and decided_at is null order by id limit 1)""")
                .param("d", decision).param("by", by).param("at", at).param("t", taskId).update() == 1;
    }

    void link(long taskId, long caseId, OffsetDateTime at, String by) {
        jdbc.sql("insert into task_case (task_id, case_id, created_at, created_by) values (:t, :c, :at, :by) on conflict do nothing")
                .param("t", taskId).param("c", caseId).param("at", at).param("by", by).update();
    }

    List<Long> linkedCases(long taskId) {
        return jdbc.sql("select case_id from task_case where task_id = :t order by created_at").param("t", taskId)
                .query(Long.class).list();
    }

    /** Linked case ids by task id, for tasks of one item (or all). */
    java.util.Map<Long, List<Long>> linkedCasesByTask() {
        java.util.Map<Long, List<Long>> links = new java.util.HashMap<>();
        jdbc.sql("select task_id, case_id from task_case order by created_at").query(rs -> {
            links.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2));
        });
        return links;
    }

    long leader(String name) {
        jdbc.sql("insert into task_leader (name) values (:n) on conflict (name) do nothing").param("n", name).update();
        return jdbc.sql("select id from task_leader where name = :n").param("n", name).query(Long.class).single();
    }

    void leaderAccount(long leaderId, String title, String account) {
        jdbc.sql("update task_leader set title = :title, account = :account where id = :id").param("title", title)
                .param("account", account).param("id", leaderId).update();
    }

    Optional<Leader> leaderById(long id) {
        return jdbc.sql("select * from task_leader where id = :id").param("id", id).query(TaskStore::leader).optional();
    }

    Optional<Leader> leaderByAccount(String account) {
        return jdbc.sql("select * from task_leader where account = :a").param("a", account).query(TaskStore::leader).optional();
    }

    List<Leader> leaders() {
        return jdbc.sql("select * from task_leader order by id").query(TaskStore::leader).list();
    }

    void setTaskLeader(long taskId, long leaderId) {
        jdbc.sql("update task set leader_id = :l where id = :t").param("l", leaderId).param("t", taskId).update();
    }

    void assign(long leaderId, String kind, String target) {
        jdbc.sql("insert into task_leader_assignment (leader_id, kind, target) values (:l, :k, :t) on conflict do nothing")
                .param("l", leaderId).param("k", kind).param("t", target).update();
    }

    List<Assignment> assignments(long leaderId) {
        return jdbc.sql("select * from task_leader_assignment where leader_id = :l order by kind, target").param("l", leaderId)
                .query((rs, n) -> new Assignment(rs.getLong("leader_id"), rs.getString("kind"), rs.getString("target"))).list();
    }

    List<Long> tasksOfLeader(long leaderId) {
        return jdbc.sql("select id from task where leader_id = :l union select cast(target as bigint) from task_leader_assignment "
                + "where leader_id = :l and kind = 'TASK'").param("l", leaderId).query(Long.class).list();
    }

    void importRecord(long breakdownId, String fileName, OffsetDateTime at, String by, int total, int created, int unchanged,
            int rejected, String report) {
        jdbc.sql("""
                insert into task_import (breakdown_id, file_name, imported_at, imported_by, total_rows, created, unchanged,
                                         rejected, report)
                values (:b, :f, :at, :by, :total, :created, :unchanged, :rejected, :report)""")
                .param("b", breakdownId).param("f", fileName).param("at", at).param("by", by).param("total", total)
                .param("created", created).param("unchanged", unchanged).param("rejected", rejected).param("report", report)
                .update();
    }

    private static Leader leader(ResultSet rs, int n) throws SQLException {
        return new Leader(rs.getLong("id"), rs.getString("name"), rs.getString("title"), rs.getString("account"));
    }

    private static Event event(ResultSet rs) throws SQLException {
        return new Event(rs.getLong("id"), rs.getLong("task_id"), rs.getObject("at", OffsetDateTime.class),
                rs.getString("actor"), rs.getString("kind"), rs.getString("text"), rs.getBigDecimal("figure"),
                rs.getInt("cycle"), (Boolean) rs.getObject("passed"));
    }

    private static Task task(ResultSet rs, int n) throws SQLException {
        String co = rs.getString("co_units");
        Set<EvidenceKind> evidence = EnumSet.noneOf(EvidenceKind.class);
        for (String kind : rs.getString("evidence_required").split(",")) {
            if (!kind.isBlank()) {
                evidence.add(EvidenceKind.valueOf(kind));
            }
        }
        Object leaderId = rs.getObject("leader_id");
        return new Task(rs.getLong("id"), rs.getLong("breakdown_id"), rs.getString("breakdown_name"), rs.getString("task_no"),
                rs.getString("content"), rs.getString("standard"), rs.getBigDecimal("target_value"),
                rs.getString("target_unit"), rs.getString("item_code"), rs.getString("item_name"),
                rs.getString("lead_unit_code"), co == null ? List.of() : Arrays.asList(co.split(",")),
                leaderId == null ? null : ((Number) leaderId).longValue(), rs.getString("leader_name"), rs.getObject("deadline", LocalDate.class),
                Recurrence.valueOf(rs.getString("recurrence")), rs.getBigDecimal("weight"), evidence,
                TaskStatus.valueOf(rs.getString("status")), rs.getString("process_instance_id"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("acknowledged_at", OffsetDateTime.class),
                rs.getObject("last_report_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getObject("achieved_at", OffsetDateTime.class), (Boolean) rs.getObject("achieved_on_time"),
                rs.getBigDecimal("latest_figure"));
    }
}
