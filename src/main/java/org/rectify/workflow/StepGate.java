package org.rectify.workflow;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rectify.cases.CaseHistory;
import org.rectify.cases.Cases;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.rectify.security.Roles;
import org.rectify.shared.AuditedAct;
import org.rectify.shared.DomainException;
import org.rectify.shared.TransactionMemo;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one gate every step of a case passes, whatever the door (the API, the console, Tasklist's engine API,
 * /engine-rest): the case is the one the task's process instance was started for (its business key, the case
 * number, which no task completion can change — never a variable a client could send); the completion sends only the
 * variables its step declares ({@link CaseStep}); the case is in a status the step belongs to; the actor may act for
 * the case's unit or role; a task claimed by someone else is theirs; and whoever accepted or fixed a case never
 * verifies it, whoever asked for more time or a suspension never decides on it. Every refusal is published as an
 * {@link AuditedAct} before it is thrown, so the audit trail keeps it although the refused transaction rolls back.
 */
@Component
public class StepGate {

    /** A task as any door knows it. */
    public record TaskAtHand(String taskId, String processKey, String taskKey, String processInstanceId,
            String businessKey, String assignee) {
    }

    /** Who acts: the engine's authentication (user id and group ids), whatever the door. */
    public record Actor(String id, Collection<String> groups) {
        boolean isAdmin() {
            return groups.contains(Roles.ADMIN_GROUP);
        }

        /** The application itself (a timer, a start-up task): no engine authentication, no person to check. */
        boolean isSystem() {
            return EngineActor.SYSTEM.equals(id);
        }
    }

    /** A completion the gate let through. */
    public record Admitted(CaseStep step, RectificationCase theCase) {
    }

    private final Cases cases;
    private final CaseHistory history;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    StepGate(Cases cases, CaseHistory history, Catalog catalog, ApplicationEventPublisher events) {
        this.cases = cases;
        this.history = history;
        this.catalog = catalog;
        this.events = events;
    }

    /**
     * Checks a completion (or a claim) of the task by the actor, locking the case's row first so that of two people
     * acting at once the second sees the first one's result. Empty if the task is not a step of a case.
     *
     * @param sent the variable names the client sent, or {@code null} where the door cannot tell (the engine's own
     *             listener, which sees only the merged variables; the doors that can tell check them first)
     */
    public Optional<Admitted> admit(TaskAtHand task, Actor actor, Collection<String> sent) {
        Optional<CaseStep> found = CaseStep.of(task.processKey(), task.taskKey());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CaseStep step = found.get();
        Map<String, Given> given = TransactionMemo.get(GIVEN, HashMap::new);
        Given earlier = given.get(task.taskId());
        if (sent == null && earlier != null && earlier.covers(task, actor)) {
            return Optional.of(earlier.admitted());
        }
        RectificationCase c = caseOf(task);
        try {
            check(step, c, task, actor, sent);
        } catch (DomainException refusal) {
            events.publishEvent(AuditedAct.refused(actor.id(), step.action(), c.id(), refusal.detail()));
            throw refusal;
        }
        Admitted admitted = new Admitted(step, c);
        if (sent != null) {
            given.put(task.taskId(), new Given(actor.id(), Set.copyOf(actor.groups()), admitted));
        }
        return Optional.of(admitted);
    }

    /**
     * Admissions given in this transaction by a door that saw what the client sent. The engine's complete listener
     * then asks again for the same task in the same transaction (it must, for the doors that cannot tell); with the
     * case's row locked by this transaction since the first answer, nothing the gate checks can have changed
     * meanwhile except the claim the door made for the same actor, so the first answer stands and the case is not
     * read and locked a second time.
     */
    private static final String GIVEN = "workflow.stepGate.given";

    private record Given(String actorId, Set<String> groups, Admitted admitted) {
        boolean covers(TaskAtHand task, Actor actor) {
            return actorId.equals(actor.id()) && groups.equals(Set.copyOf(actor.groups()))
                    && (task.assignee() == null || task.assignee().equals(actor.id()))
                    && admitted.step() == CaseStep.of(task.processKey(), task.taskKey()).orElse(null);
        }
    }

    /** The case a process instance was started for, locked; from the business key, never from a variable. */
    RectificationCase caseOf(TaskAtHand task) {
        RectificationCase c = task.businessKey() == null ? null : cases.findByNumber(task.businessKey()).orElse(null);
        if (c == null || !task.processInstanceId().equals(c.processInstanceId())) {
            throw DomainException.conflict("no-case-for-task", "该任务不属于任何案件，不能办理");
        }
        CaseOfProcess.remember(c.caseNumber(), c.id());
        return cases.lock(c.id());
    }

    /** Publishes a step that was applied. */
    void done(Actor actor, CaseStep step, long caseId, String what) {
        events.publishEvent(AuditedAct.done(actor.id(), step.action(), caseId, what));
    }

    /** Publishes a refusal decided after the gate (a form value that does not fit). */
    void refused(Actor actor, CaseStep step, long caseId, String detail) {
        events.publishEvent(AuditedAct.refused(actor.id(), step.action(), caseId, detail));
    }

    private void check(CaseStep step, RectificationCase c, TaskAtHand task, Actor actor, Collection<String> sent) {
        if (sent != null) {
            List<String> undeclared = step.undeclared(sent);
            if (!undeclared.isEmpty()) {
                throw DomainException.invalid("undeclared-variables", "“" + step.stepName() + "”环节不接受以下内容："
                        + String.join("、", undeclared) + "。本环节只能提交：" + step.declaredText()
                        + "；案件由任务本身确定，不能指定");
            }
        }
        if (!c.status().isOpen()) {
            throw DomainException.conflict("case-finished", "案件 " + c.caseNumber() + " 已" + c.status().chineseLabel()
                    + "，不能再" + step.stepName());
        }
        if (!step.statuses().contains(c.status())) {
            throw DomainException.conflict("wrong-status", "案件 " + c.caseNumber() + " 当前为“"
                    + c.status().chineseLabel() + "”，不能" + step.stepName() + "；请刷新后查看最新状态");
        }
        if (actor.isSystem()) {
            return;
        }
        if (!actor.isAdmin()) {
            String group = step.isUnitStep() ? c.leadUnitCode() : step.role();
            if (group == null || !actor.groups().contains(group)) {
                String who = step.isUnitStep() ? catalog.unitName(c.leadUnitCode()) : roleName(step.role());
                throw DomainException.forbidden("not-your-step", "案件 " + c.caseNumber() + " 的“" + step.stepName()
                        + "”环节由" + who + "办理，您的账号无权办理");
            }
        }
        if (task.assignee() != null && !task.assignee().equals(actor.id())) {
            throw DomainException.conflict("claimed-by-other", "案件 " + c.caseNumber() + " 的“" + step.stepName()
                    + "”任务已由 " + task.assignee() + " 认领办理，您不能办理；如需接手，请其本人退回任务");
        }
        separateDuties(step, c, actor);
    }

    /** By person, not by group: an administrator is bound too. */
    private void separateDuties(CaseStep step, RectificationCase c, Actor actor) {
        switch (step) {
            case VERIFY -> {
                boolean ownWork = history.events(c.id()).stream()
                        .anyMatch(e -> ("ACCEPTED".equals(e.action()) || "RECTIFIED".equals(e.action()))
                                && actor.id().equals(e.actor()));
                if (ownWork) {
                    throw DomainException.forbidden("verifier-did-the-work", "您签收或整改过案件 " + c.caseNumber()
                            + "，不能再核查它；请由其他督查人员核查");
                }
            }
            case DECIDE_EXTENSION -> requireOtherRequester(c, actor, "EXTENSION_REQUESTED", "延期");
            case DECIDE_SUSPENSION -> requireOtherRequester(c, actor, "SUSPENSION_REQUESTED", "挂账");
            default -> { }
        }
    }

    private void requireOtherRequester(RectificationCase c, Actor actor, String requested, String what) {
        boolean ownRequest = history.events(c.id()).stream().filter(e -> requested.equals(e.action()))
                .reduce((first, second) -> second).map(e -> actor.id().equals(e.actor())).orElse(false);
        if (ownRequest) {
            throw DomainException.forbidden("decider-is-requester", "案件 " + c.caseNumber() + " 的" + what
                    + "申请是您提出的，不能由您审批；请由其他督查人员审批");
        }
    }

    private static String roleName(String role) {
        return switch (role) {
            case Roles.DISPATCHER -> "创建办";
            case Roles.SUPERVISOR -> "督查组";
            case Roles.DISCIPLINE -> "纪工委";
            default -> role;
        };
    }
}
