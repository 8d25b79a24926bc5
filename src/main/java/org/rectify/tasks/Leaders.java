package org.rectify.tasks;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rectify.cases.CaseSearch;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Unit;
import org.rectify.clock.BusinessClock;
import org.rectify.documents.DocumentType;
import org.rectify.documents.Documents;
import org.rectify.documents.IssuedDocument;
import org.rectify.security.CurrentUser;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Service;

/**
 * 领导包保: the leaders who answer for units (the unit's 包保领导, as the documents name them), areas (a street with its
 * communities) and tasks (the breakdown table's 包保领导 column), and what each one answers for.
 */
@Service
public class Leaders {

    /** What a leader's page shows. */
    public record Page(TaskStore.Leader leader, List<String> answersFor, List<Task> tasks, List<Task> stalledTasks,
            List<RectificationCase> overdueCases, List<Order> supervisionOrders) {
    }

    /** A supervision order copied to the leader: on a case (督办令) or a task (任务督办). */
    public record Order(String subject, String number, OffsetDateTime issuedAt, String href, String text) {
    }

    private final TaskStore store;
    private final Catalog catalog;
    private final CaseSearch caseSearch;
    private final Documents documents;
    private final BusinessClock clock;

    Leaders(TaskStore store, Catalog catalog, CaseSearch caseSearch, Documents documents, BusinessClock clock) {
        this.store = store;
        this.catalog = catalog;
        this.caseSearch = caseSearch;
        this.documents = documents;
        this.clock = clock;
    }

    /** Whether the account belongs to a leader with a page of their own (for the console's navigation). */
    public boolean isLeader(String account) {
        return account != null && store.leaderByAccount(account).isPresent();
    }

    /** Every unit's leader (from the unit catalog) answers for the unit. */
    void seedFromCatalog() {
        for (Unit unit : catalog.units()) {
            if (unit.leaderName() != null && !unit.leaderName().isBlank()) {
                store.assign(store.leader(unit.leaderName().strip()), "UNIT", unit.code());
            }
        }
    }

    /**
     * The campaign office names a leader for a unit, an area (a street and its communities) or a task; a leader not yet
     * known is added. For a task the leader becomes its 包保领导 (named in its supervision steps). Returns the leader.
     *
     * @param target {@code UNIT:code}, {@code AREA:code} (a street) or {@code TASK:id}
     */
    @org.springframework.transaction.annotation.Transactional
    TaskStore.Leader assign(CurrentUser user, String name, String title, String target) {
        Tasks.requireOffice(user);
        List<String> errors = new ArrayList<>();
        String leaderName = name == null ? "" : name.strip();
        if (leaderName.isEmpty()) {
            errors.add("请填写包保领导姓名");
        } else if (leaderName.length() > 50) {
            errors.add("包保领导姓名不能超过 50 个字");
        }
        String leaderTitle = title == null || title.isBlank() ? null : title.strip();
        if (leaderTitle != null && leaderTitle.length() > 100) {
            errors.add("职务不能超过 100 个字");
        }
        String text = target == null ? "" : target.strip();
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon);
        String code = colon < 0 ? "" : text.substring(colon + 1).strip();
        Long taskId = null;
        switch (kind) {
            case "UNIT" -> {
                if (catalog.unit(code).isEmpty()) {
                    errors.add("单位“" + code + "”不在单位名录中");
                }
            }
            case "AREA" -> {
                if (catalog.unit(code).filter(u -> u.kind() == Unit.Kind.STREET).isEmpty()) {
                    errors.add("片区应为街道（“" + code + "”不是单位名录中的街道）");
                }
            }
            case "TASK" -> {
                taskId = code.matches("\\d{1,18}") ? Long.parseLong(code) : null;
                if (taskId == null || store.task(taskId).isEmpty()) {
                    errors.add("任务不存在");
                }
            }
            default -> errors.add("请选择包保对象：单位、片区（街道）或任务");
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("leader-assignment", String.join("；", errors));
        }
        long leaderId = store.leader(leaderName);
        TaskStore.Leader leader = store.leaderById(leaderId).orElseThrow();
        if (leaderTitle != null && !leaderTitle.equals(leader.title())) {
            store.leaderAccount(leaderId, leaderTitle, leader.account());
        }
        store.assign(leaderId, kind, code);
        if (taskId != null) {
            store.setTaskLeader(taskId, leaderId);
            store.event(taskId, clock.now(), user.id(), "LEADER_ASSIGNED", "包保领导：" + leaderName
                    + (leaderTitle == null ? "" : "（" + leaderTitle + "）"), null, 0, null);
        }
        return store.leaderById(leaderId).orElseThrow();
    }

    /** What can be assigned to a leader: the units and the streets (areas), for the console's form. */
    List<Unit> units() {
        return catalog.units();
    }

    Optional<TaskStore.Leader> of(CurrentUser user) {
        return store.leaderByAccount(user.id());
    }

    List<TaskStore.Leader> all() {
        return store.leaders();
    }

    /** The units the leader answers for: assigned units, and every unit in an assigned area (street and its communities). */
    Set<String> units(long leaderId) {
        Set<String> units = new LinkedHashSet<>();
        for (TaskStore.Assignment a : store.assignments(leaderId)) {
            if (a.kind().equals("UNIT")) {
                units.add(a.target());
            } else if (a.kind().equals("AREA")) {
                units.add(a.target());
                catalog.units().stream().filter(u -> a.target().equals(u.parentCode())).forEach(u -> units.add(u.code()));
            }
        }
        return units;
    }

    boolean answersFor(CurrentUser user, Task task) {
        return of(user).map(leader -> answersFor(leader.id(), task)).orElse(false);
    }

    private boolean answersFor(long leaderId, Task task) {
        return (task.leaderId() != null && task.leaderId() == leaderId) || store.tasksOfLeader(leaderId).contains(task.id())
                || units(leaderId).stream().anyMatch(task::concerns);
    }

    List<Task> tasksOf(CurrentUser user) {
        return of(user).map(leader -> tasksOf(leader.id())).orElse(List.of());
    }

    List<Task> tasksOf(long leaderId) {
        Map<Long, Task> tasks = new LinkedHashMap<>();
        store.tasksByIds(store.tasksOfLeader(leaderId)).forEach(t -> tasks.put(t.id(), t));
        for (String unit : units(leaderId)) {
            store.tasks(unit, null).forEach(t -> tasks.putIfAbsent(t.id(), t));
        }
        return List.copyOf(tasks.values());
    }

    /** The page of the signed-in leader. */
    Page page(CurrentUser user) {
        TaskStore.Leader leader = of(user).orElseThrow(() -> DomainException.notFound("not-a-leader",
                "您的账号没有登记为包保领导；包保领导由创建办在任务分解表和单位名录中登记"));
        return page(leader);
    }

    /** Any leader's page, for the offices. */
    Page page(CurrentUser user, long leaderId) {
        if (!user.seesAllCases() && of(user).map(l -> l.id() != leaderId).orElse(true)) {
            throw DomainException.forbidden("offices-only", "只有创建办、督查组和纪工委可以查看其他领导的包保责任");
        }
        return page(store.leaderById(leaderId).orElseThrow(() -> DomainException.notFound("no-such-leader", "包保领导不存在")));
    }

    private Page page(TaskStore.Leader leader) {
        OffsetDateTime now = clock.now();
        Set<String> units = units(leader.id());
        List<String> answersFor = new ArrayList<>();
        for (TaskStore.Assignment a : store.assignments(leader.id())) {
            String name = catalog.unitName(a.target());
            answersFor.add(switch (a.kind()) {
                case "UNIT" -> "单位：" + name;
                case "AREA" -> "片区：" + name + "及所属社区";
                default -> "任务：" + store.task(Long.parseLong(a.target())).map(Task::taskNo).orElse(a.target());
            });
        }
        List<Task> tasks = tasksOf(leader.id());
        Map<Long, String> ladder = store.currentLadderSteps();
        List<Task> stalled = tasks.stream().filter(t -> ladder.containsKey(t.id())).toList();
        List<RectificationCase> overdue = new ArrayList<>();
        for (String unit : units) {
            overdue.addAll(caseSearch.search(new CaseSearch.Filter(null, unit, null, null, true, null, null, null), 0, 50, now)
                    .items());
        }
        List<RectificationCase> overdueCases = overdue.stream().filter(c -> units.contains(c.leadUnitCode()))
                .collect(java.util.stream.Collectors.toMap(RectificationCase::id, c -> c, (a, b) -> a, LinkedHashMap::new))
                .values().stream().toList();
        List<Order> orders = new ArrayList<>();
        for (RectificationCase c : overdueCases) {
            for (IssuedDocument d : documents.forCase(c.id())) {
                if (d.type() == DocumentType.SUPERVISION_ORDER && d.copiedTo().stream().anyMatch(cc -> cc.contains(leader.name()))) {
                    orders.add(new Order(c.caseNumber() + " " + c.title(), d.number(), d.issuedAt(),
                            "/console/cases/" + c.id(), "督办令，抄送" + leader.name() + "同志"));
                }
            }
        }
        for (Task t : tasks) {
            for (TaskStore.Event e : store.events(t.id())) {
                if (e.kind().equals("SUPERVISION") || e.kind().equals("TRANSFER")) {
                    orders.add(new Order("任务 " + t.taskNo() + " " + t.content(), e.kindLabel(), e.at(),
                            "/console/tasks/" + t.id(), e.text()));
                }
            }
        }
        orders.sort(java.util.Comparator.comparing(Order::issuedAt).reversed());
        return new Page(leader, answersFor, tasks, stalled, overdueCases, orders);
    }
}
