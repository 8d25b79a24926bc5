package org.rectify.console;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The work waiting for an office: its open Camunda tasks (whatever process they belong to), grouped by step,
 * each with its case and the latest step of the case's history. Tasks are the truth of what can be done now.
 */
@Component
class Queues {

    public record Item(String taskId, String taskName, String waitingSince, Long caseId, String caseNumber, String title,
            String unitName, String categoryName, String statusLabel, String statusTone, String deadline,
            boolean overdue, String lastStep, String tasklistUrl, boolean consoleForm) {
    }

    public record Section(String name, List<Item> items) {
    }

    private static final int LIMIT = 500;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;

    Queues(TaskService taskService, RuntimeService runtimeService, JdbcClient jdbc) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
    }

    List<Section> forGroup(String group, Directory.Snapshot d, OffsetDateTime now) {
        List<Task> tasks = taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().active()
                .orderByTaskCreateTime().asc().listPage(0, LIMIT);
        Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, String> businessKeys = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
                businessKeys.put(instance.getId(), instance.getBusinessKey());
            }
        }
        Map<String, String> caseNumberOfTask = new HashMap<>();
        for (Task task : tasks) {
            String key = businessKeys.get(task.getProcessInstanceId());
            if (key != null) {
                // A discipline process's key is the case number with "-JJ<n>" appended.
                caseNumberOfTask.put(task.getId(), key.replaceFirst("-JJ\\d+$", ""));
            }
        }
        Map<String, CaseRow> casesByNumber = cases(Set.copyOf(caseNumberOfTask.values()));
        Map<String, String> unitNames = d.unitNames();
        Map<String, String> categoryNames = d.categoryNames();
        List<String> running = Texts.clockRunningStatuses();
        Map<String, List<Item>> sections = new LinkedHashMap<>();
        for (Task task : tasks) {
            CaseRow c = casesByNumber.get(caseNumberOfTask.get(task.getId()));
            boolean overdue = c != null && running.contains(c.status) && c.deadline != null && now.isAfter(c.deadline);
            Item item = new Item(task.getId(), task.getName(),
                    Texts.minute(task.getCreateTime() == null ? null
                            : task.getCreateTime().toInstant().atZone(Texts.ZONE).toOffsetDateTime()),
                    c == null ? null : c.id, c == null ? caseNumberOfTask.getOrDefault(task.getId(), "") : c.number,
                    c == null ? task.getName() : c.title,
                    c == null || c.leadUnit == null ? "" : unitNames.getOrDefault(c.leadUnit, c.leadUnit),
                    c == null ? "" : categoryNames.getOrDefault(c.category, c.category),
                    c == null ? "" : Texts.statusLabel(c.status), c == null ? "" : Texts.statusTone(c.status),
                    c == null ? "" : Texts.minute(c.deadline), overdue,
                    c == null ? "" : (overdue ? "已超期 " + Texts.overdueBy(c.deadline, now) + "；" : "")
                            + c.lastStep,
                    "/camunda/app/tasklist/default/#/?task=" + task.getId(),
                    CasePage.CONSOLE_FORMS.contains(task.getTaskDefinitionKey()));
            sections.computeIfAbsent(section(task.getName()), k -> new ArrayList<>()).add(item);
        }
        return sections.entrySet().stream().map(e -> new Section(e.getKey(), e.getValue())).toList();
    }

    /**
     * The step a task is at, for grouping: task names carry their case number and unit ("审查并决定问责 ·
     * ZG-2026-000004 城管局") so that Tasklist rows differ; the queue groups by what comes before the number.
     */
    static String section(String taskName) {
        if (taskName == null || taskName.isBlank()) {
            return "其他任务";
        }
        String step = taskName.replaceFirst("\\s*[·:：\\-（(]?\\s*ZG-\\d{4}-\\d+.*$", "").strip();
        return step.isEmpty() ? taskName : step;
    }

    private record CaseRow(long id, String number, String title, String status, String leadUnit, String category,
            OffsetDateTime deadline, String lastStep) {
    }

    private Map<String, CaseRow> cases(Set<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                select c.id, c.case_number, c.title, c.status, c.lead_unit_code, c.category_code, c.deadline,
                       (select e.summary from case_event e where e.case_id = c.id order by e.id desc limit 1) as last_step
                from rectification_case c where c.case_number in (:numbers)""")
                .param("numbers", numbers)
                .query((rs, n) -> new CaseRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                        rs.getString(8) == null ? "" : rs.getString(8)))
                .list().stream().collect(Collectors.toMap(CaseRow::number, r -> r, (a, b) -> a));
    }
}
