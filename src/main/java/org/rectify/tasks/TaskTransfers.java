package org.rectify.tasks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;
import org.rectify.cases.CaseHistory;
import org.rectify.cases.CaseStatus;
import org.rectify.cases.Cases;
import org.rectify.cases.NumberSequences;
import org.rectify.catalog.Catalog;
import org.rectify.clock.BusinessClock;
import org.rectify.discipline.AccountabilityDecided;
import org.rectify.discipline.Discipline;
import org.rectify.discipline.TransferTrigger;
import org.rectify.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The top of a task's ladder: the task goes to the discipline office through the discipline module's own door
 * ({@link Discipline#transfer}), exactly as a case does, so it shows in the office's inbox and in Tasklist with a dossier.
 * The discipline module holds cases to account, so the task is put on the problem list (问题清单) as a case "任务未落实",
 * assigned to the task's lead unit and linked to the task (问题清单 ↔ 任务清单); that case is transferred, and closed
 * when the task is finally achieved. The office's decision is written back to the task.
 */
@Component
class TaskTransfers {

    static final String CASE_NUMBER_SEQUENCE = "CASE";

    private final Cases cases;
    private final CaseHistory history;
    private final NumberSequences numbers;
    private final Discipline discipline;
    private final TaskStore store;
    private final Catalog catalog;
    private final String category;
    private final BusinessClock clock;

    TaskTransfers(Cases cases, CaseHistory history, NumberSequences numbers, Discipline discipline, TaskStore store,
            Catalog catalog, BusinessClock clock, @Value("${rectify.tasks.transfer-category:TASK_NOT_DONE}") String category) {
        this.cases = cases;
        this.history = history;
        this.numbers = numbers;
        this.discipline = discipline;
        this.store = store;
        this.catalog = catalog;
        this.category = category;
        this.clock = clock;
    }

    /** Runs in the ladder step's transaction: the case, its transfer and the discipline process commit together. */
    void transfer(Task task, long transferId, String reason, OffsetDateTime now) {
        if (catalog.category(category).isEmpty()) {
            throw DomainException.unprocessable("no-transfer-category", "问题类别“" + category
                    + "”不存在：请管理员在类别目录中登记“任务未落实”类别（rectify.tasks.transfer-category）");
        }
        String unitName = catalog.unitName(task.leadUnitCode());
        String caseNumber = "ZG-%d-%06d".formatted(now.getYear(), numbers.nextWithGaps(CASE_NUMBER_SEQUENCE, now.getYear()));
        String title = "任务未落实：" + task.taskNo() + " " + task.content();
        long caseId = cases.insert(new Cases.NewCase(caseNumber, CaseStatus.IN_RECTIFICATION, category, Severity.SERIOUS,
                ReportSource.SUPERVISION, title.length() > 200 ? title.substring(0, 199) + "…" : title,
                "任务分解表“" + task.breakdownName() + "”任务 " + task.taskNo() + "：" + task.content() + "。完成标准："
                        + task.standard() + "。" + reason,
                unitName, null, null, null, "系统", "任务清单", null, "系统", now, null));
        cases.assign(caseId, task.leadUnitCode(), task.coUnitCodes(), null, false, CaseStatus.IN_RECTIFICATION, now);
        history.record(caseId, now, "系统", "TASK_NOT_DONE", "任务 " + task.taskNo() + " 经预警、催办、督办仍未推进，列入问题清单，责任单位"
                + unitName, Map.of("taskId", task.id(), "taskNo", task.taskNo()));
        store.link(task.id(), caseId, now, "系统");
        String processInstanceId = discipline.transfer(caseId, TransferTrigger.SUPERVISION_ORDER_EXPIRED,
                "任务 " + task.taskNo() + "（" + task.content() + "）：" + reason);
        store.transferredToDiscipline(transferId, caseId, processInstanceId);
    }

    /** The task is done at last: its 任务未落实 case leaves the problem list. */
    void achieved(Task task, OffsetDateTime now) {
        for (TaskStore.Transfer t : store.transfers(task.id())) {
            if (t.caseId() != null && cases.find(t.caseId()).map(c -> c.status().isOpen()).orElse(false)) {
                cases.setStatus(t.caseId(), CaseStatus.CLOSED, now);
                history.record(t.caseId(), now, "系统", "TASK_ACHIEVED", "任务 " + task.taskNo() + " 经审核通过，列入业绩清单，销号",
                        Map.of("taskId", task.id()));
            }
        }
    }

    /** The office decided on a transferred task's case: the decision is written to the task's transfer and history. */
    @EventListener
    void on(AccountabilityDecided decided) {
        List<Long> tasks = store.tasksOfTransferCase(decided.caseId());
        for (long taskId : tasks) {
            String text = "纪工委决定：对" + decided.target() + decided.measure() + "（" + decided.reasons() + "）";
            String shortText = text.length() > 1000 ? text.substring(0, 999) + "…" : text;
            if (store.decideTransfer(taskId, shortText, decided.decidedBy(), clock.now())) {
                store.event(taskId, clock.now(), decided.decidedBy(), "DISCIPLINE_DECIDED", shortText, null, 0, null);
            }
        }
    }
}
