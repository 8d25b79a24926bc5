package org.rectify.tasks;

import static org.rectify.tasks.TaskVariables.*;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.variable.Variables;
import org.rectify.cases.Cases;
import org.rectify.cases.RectificationCase;
import org.rectify.clock.BusinessClock;
import org.rectify.intake.Intake;
import org.rectify.intake.ReportRequest;
import org.rectify.security.CurrentUser;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Service;

/**
 * The task list (任务清单) as the API and the console use it: who sees which task, and the steps of a task done for a
 * user through its process (so the step's listener checks and records it exactly as from Tasklist).
 */
@Service
class Tasks {

    /** A task with everything its page shows. */
    record Detail(Task task, List<TaskStore.Event> events, List<TaskStore.Evidence> evidence,
            List<RectificationCase> linkedCases, List<TaskStore.Transfer> transfers, List<TaskProcess.OpenStep> openSteps,
            String ladderStep) {
    }

    private final TaskStore store;
    private final TaskProcess process;
    private final Leaders leaders;
    private final Intake intake;
    private final Cases cases;
    private final BusinessClock clock;

    Tasks(TaskStore store, TaskProcess process, Leaders leaders, Intake intake, Cases cases, BusinessClock clock) {
        this.store = store;
        this.process = process;
        this.leaders = leaders;
        this.intake = intake;
        this.cases = cases;
        this.clock = clock;
    }

    /** The campaign office (and admins) import, review and file problems found on tasks. */
    static void requireOffice(CurrentUser user) {
        if (!user.isAdmin() && !user.isDispatcher()) {
            throw DomainException.forbidden("office-only", "只有创建办可以导入任务分解表、审核任务");
        }
    }

    static boolean seesAll(CurrentUser user) {
        return user.seesAllCases();
    }

    boolean canSee(CurrentUser user, Task task) {
        return seesAll(user) || user.unitCodes().stream().anyMatch(task::concerns)
                || leaders.answersFor(user, task);
    }

    /** The tasks the user may see: all for the offices; a unit's own (lead or co-unit); a leader's own. */
    List<Task> visible(CurrentUser user, String itemCode, String unitCode) {
        if (seesAll(user)) {
            return store.tasks(blank(unitCode), blank(itemCode));
        }
        Map<Long, Task> mine = new LinkedHashMap<>();
        for (String unit : user.unitCodes()) {
            if (unitCode == null || unitCode.isBlank() || unitCode.equals(unit)) {
                store.tasks(unit, blank(itemCode)).forEach(t -> mine.put(t.id(), t));
            }
        }
        leaders.tasksOf(user).stream()
                .filter(t -> itemCode == null || itemCode.isBlank() || t.itemCode().equals(itemCode))
                .filter(t -> unitCode == null || unitCode.isBlank() || t.concerns(unitCode))
                .forEach(t -> mine.putIfAbsent(t.id(), t));
        return List.copyOf(mine.values());
    }

    Task require(CurrentUser user, long id) {
        Task task = store.task(id).orElseThrow(() -> DomainException.notFound("no-such-task", "任务不存在"));
        if (!canSee(user, task)) {
            // a unit learns nothing about other units' tasks, not even that they exist
            throw DomainException.notFound("no-such-task", "任务不存在");
        }
        return task;
    }

    Detail detail(CurrentUser user, long id) {
        Task task = require(user, id);
        List<RectificationCase> linked = store.linkedCases(id).stream().map(cases::find).flatMap(Optional::stream).toList();
        return new Detail(task, store.events(id), store.evidence(id), linked, store.transfers(id),
                process.openSteps(task.processInstanceId()), store.currentLadderSteps().get(id));
    }

    void acknowledge(CurrentUser user, long id) {
        process.complete(require(user, id), STEP_ACKNOWLEDGE, "签收", user, Map.of());
    }

    void report(CurrentUser user, long id, String kind, String text, String figure, List<TaskSteps.NewFile> files) {
        Task task = require(user, id);
        Map<String, Object> variables = new HashMap<>();
        variables.put(REPORT_KIND, kind == null ? null : kind.strip().toUpperCase(java.util.Locale.ROOT));
        variables.put(REPORT_TEXT, text);
        variables.put(REPORT_FIGURE, figure);
        int photos = 0;
        int documents = 0;
        for (TaskSteps.NewFile file : files) {
            String name = file.kind().equals("PHOTO") ? PHOTO + (++photos) : DOCUMENT + (++documents);
            variables.put(name, Variables.fileValue(file.fileName()).file(file.content()).mimeType(file.contentType()).create());
        }
        process.complete(task, STEP_REPORT, "反馈", user, variables);
    }

    void review(CurrentUser user, long id, String outcome, String reason) {
        Task task = require(user, id);
        Map<String, Object> variables = new HashMap<>();
        variables.put(REVIEW_OUTCOME, outcome == null ? null : outcome.strip().toUpperCase(java.util.Locale.ROOT));
        variables.put(REVIEW_REASON, reason);
        process.complete(task, STEP_REVIEW, "审核", user, variables);
    }

    /**
     * A problem found while checking a task (督查): filed through the intake as a case, then linked to the task
     * (问题清单 ↔ 任务清单). The campaign office and the supervisors file them.
     */
    Intake.Receipt reportProblem(CurrentUser user, long id, ReportRequest report, String idempotencyKey) {
        Task task = require(user, id);
        if (!user.isAdmin() && !user.isDispatcher() && !user.isSupervisor()) {
            throw DomainException.forbidden("checkers-only", "只有创建办和督查组可以登记检查任务时发现的问题");
        }
        Intake.Result result = intake.report(report, idempotencyKey, user);
        long caseId = result.receipt().id();
        store.link(task.id(), caseId, clock.now(), user.id());
        store.event(task.id(), clock.now(), user.id(), "CASE_LINKED", "检查中发现问题，立案 " + result.receipt().caseNumber()
                + "：" + report.title(), null, 0, null);
        return result.receipt();
    }

    /** The console's form for a problem found on a task: the same report as the API's, checked field by field. */
    Intake.Receipt reportProblem(CurrentUser user, long id, String categoryCode, String severity, String title,
            String address, String description, String gridCode, String requestKey) {
        require(user, id);
        List<String> errors = new java.util.ArrayList<>();
        String category = blank(categoryCode);
        if (category == null) {
            errors.add("请选择问题类别");
        }
        org.rectify.catalog.Severity level = null;
        try {
            level = org.rectify.catalog.Severity.valueOf(severity == null || severity.isBlank() ? "GENERAL" : severity.strip());
        } catch (IllegalArgumentException e) {
            errors.add("严重程度应为一般、较重或紧急");
        }
        String where = blank(address);
        if (where == null) {
            errors.add("请填写问题地点");
        } else if (where.length() > 300) {
            errors.add("地点不能超过 300 字");
        }
        String what = blank(description);
        if (what == null) {
            errors.add("请描述发现的问题");
        } else if (what.length() > 4000) {
            errors.add("问题描述不能超过 4000 字");
        }
        String heading = blank(title);
        if (heading != null && heading.length() > 200) {
            errors.add("标题不能超过 200 字");
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("problem-invalid", String.join("；", errors));
        }
        Task task = require(user, id);
        String finalTitle = heading != null ? heading : "任务" + task.taskNo() + "检查发现：" + (where.length() > 40
                ? where.substring(0, 40) + "…" : where);
        ReportRequest report = new ReportRequest(category, org.rectify.catalog.ReportSource.SUPERVISION, level, finalTitle,
                what, new ReportRequest.Location(where, null, null, blank(gridCode)), List.of(),
                new ReportRequest.Reporter(user.id(), null, null));
        return reportProblem(user, id, report, blank(requestKey));
    }

    byte[] evidenceContent(CurrentUser user, long taskId, long evidenceId) {
        require(user, taskId);
        return store.evidenceContent(taskId, evidenceId)
                .orElseThrow(() -> DomainException.notFound("no-such-evidence", "佐证材料不存在"));
    }

    List<TaskStore.Transfer> transfers(CurrentUser user) {
        if (!seesAll(user)) {
            throw DomainException.forbidden("offices-only", "只有创建办、督查组和纪工委可以查看任务移交");
        }
        return store.transfers(null);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
