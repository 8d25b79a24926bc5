package org.rectify.console;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.rectify.calendar.WorkingCalendar;
import org.rectify.cases.Cases;
import org.rectify.cases.Photos;
import org.rectify.cases.RectificationCase;
import org.rectify.escalation.EscalationLadder;
import org.rectify.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * 我的待办: the open steps of the signed-in person and their units or offices, most urgent first, with what a
 * handler on the street needs to decide where to go next — the traffic light, the working time left, where the
 * problem is. The engine's task queries (the person's groups, or assigned to the person) are the truth of what can
 * be done; the case supplies the rest.
 */
@Component
class FieldQueue {

    /** At most this many steps are shown: the page must stay light on a phone's connection. */
    static final int LIMIT = 60;

    /** Traffic light of a step, most urgent first. */
    public enum Light {
        RED("已超期"), YELLOW("临近时限"), GREEN("时间充足"), NONE("停表");

        final String label;

        Light(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String css() {
            return name().toLowerCase();
        }
    }

    public record PhotoLink(String url, String fileName) {
    }

    public record Step(String taskId, String stepKey, String stepName, Long caseId, String caseNumber, String title,
            String categoryName, String address, String latitude, String longitude, Light light, String timeLeft,
            String deadline, String unitName, String waitingSince, String claimedBy, String tasklistUrl,
            List<PhotoLink> before, List<PhotoLink> after, boolean discipline, OffsetDateTime due, OffsetDateTime arrived) {

        /** The form this step gets on the phone; empty when it is done on the case page or in Tasklist. */
        public String form() {
            return switch (stepKey) {
                case ProcessVariables.TASK_ACCEPT, ProcessVariables.TASK_FIX, ProcessVariables.TASK_VERIFY,
                        ProcessVariables.TASK_DECIDE_EXTENSION, ProcessVariables.TASK_DECIDE_SUSPENSION -> stepKey;
                default -> "";
            };
        }
    }

    /** The steps shown ({@link #LIMIT} at most) and all of them. */
    /**
     * Red, yellow, green, stopped. Among red and yellow the nearest deadline first; among the others the newest step
     * first, so that a case just assigned is seen (and accepted or returned) at once.
     */
    static final Comparator<Step> URGENCY = Comparator.comparing(Step::light).thenComparing((a, b) -> {
        if (a.light() == Light.RED || a.light() == Light.YELLOW) {
            return Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()).compare(a.due(), b.due());
        }
        return Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()).compare(a.arrived(), b.arrived());
    });

    record Queue(List<Step> steps, List<Step> all) {

        int total() {
            return all.size();
        }
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final Cases cases;
    private final Photos photos;
    private final WorkingCalendar calendar;
    private final EscalationLadder ladder;

    FieldQueue(TaskService taskService, RuntimeService runtimeService, Cases cases, Photos photos,
            WorkingCalendar calendar, EscalationLadder ladder) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.cases = cases;
        this.photos = photos;
        this.calendar = calendar;
        this.ladder = ladder;
    }

    Queue of(Viewer me, Directory.Snapshot d, OffsetDateTime now) {
        Map<String, Task> tasks = new LinkedHashMap<>();
        List<String> groups = me.user().groupIds();
        if (!groups.isEmpty()) {
            taskService.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().active()
                    .orderByTaskCreateTime().asc().listPage(0, 500).forEach(t -> tasks.put(t.getId(), t));
        }
        taskService.createTaskQuery().taskAssignee(me.id()).active().listPage(0, 500)
                .forEach(t -> tasks.putIfAbsent(t.getId(), t));
        Set<String> instanceIds = tasks.values().stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, String> businessKeys = new HashMap<>();
        Map<String, OffsetDateTime> warnings = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            String[] ids = instanceIds.toArray(String[]::new);
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
                businessKeys.put(instance.getId(), instance.getBusinessKey());
            }
            for (VariableInstance v : runtimeService.createVariableInstanceQuery()
                    .variableName(ProcessVariables.WARNING_AT).processInstanceIdIn(ids).list()) {
                if (v.getValue() instanceof Date at) {
                    warnings.put(v.getProcessInstanceId(), at.toInstant().atOffset(ZoneOffset.ofHours(8)));
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        for (Task task : tasks.values()) {
            String key = businessKeys.get(task.getProcessInstanceId());
            // A discipline process's key is the case number with "-JJ<n>" appended.
            String number = key == null ? null : key.replaceFirst("-JJ\\d+$", "");
            Optional<RectificationCase> found = number == null ? Optional.empty() : cases.findByNumber(number);
            steps.add(step(task, found.orElse(null), key != null && !key.equals(number), me, d, now,
                    warnings.get(task.getProcessInstanceId())));
        }
        steps.sort(URGENCY);
        return new Queue(steps.stream().limit(LIMIT).map(this::withPhotos).toList(), steps);
    }

    private Step step(Task task, RectificationCase c, boolean discipline, Viewer me, Directory.Snapshot d,
            OffsetDateTime now, OffsetDateTime warningAt) {
        String stepName = task.getName() == null ? task.getTaskDefinitionKey() : task.getName().split("：", 2)[0];
        String tasklist = me.isReporterOnly() ? null : "/camunda/app/tasklist/default/#/?task=" + task.getId();
        OffsetDateTime arrived = task.getCreateTime() == null ? null
                : task.getCreateTime().toInstant().atOffset(ZoneOffset.ofHours(8));
        String waiting = Texts.minute(arrived);
        String claimedBy = task.getAssignee() == null || task.getAssignee().equals(me.id()) ? "" : task.getAssignee();
        if (c == null) {
            return new Step(task.getId(), task.getTaskDefinitionKey(), stepName, null, "", task.getName(), "", "", null,
                    null, Light.NONE, "", "", "", waiting, claimedBy, tasklist, List.of(), List.of(), discipline, null, arrived);
        }
        Light light = light(c, now, warningAt);
        String left = "";
        if (light == Light.RED) {
            left = "已超期 " + Texts.overdueBy(c.deadline(), now);
        } else if (light != Light.NONE && c.deadline() != null) {
            left = "剩余 " + workingTime(calendar.workingTimeBetween(now.toInstant(), c.deadline().toInstant()));
        } else if (c.status().name().equals("SUSPENDED")) {
            left = "挂账停表中";
        }
        return new Step(task.getId(), task.getTaskDefinitionKey(), stepName, c.id(), c.caseNumber(), c.title(),
                d.categoryName(c.categoryCode()), c.address(), coordinate(c.latitude()), coordinate(c.longitude()), light,
                left, Texts.minute(c.deadline()), d.unitName(c.leadUnitCode()), waiting, claimedBy, tasklist, List.of(),
                List.of(), discipline, c.deadline(), arrived);
    }

    /** A step to verify shows the photos before and after side by side. */
    private Step withPhotos(Step s) {
        if (!ProcessVariables.TASK_VERIFY.equals(s.stepKey()) || s.caseId() == null) {
            return s;
        }
        List<PhotoLink> before = new ArrayList<>();
        List<PhotoLink> after = new ArrayList<>();
        for (Photos.PhotoInfo p : photos.list(s.caseId())) {
            (p.stage() == Photos.Stage.BEFORE ? before : after).add(new PhotoLink("/console/photos/" + p.id(), p.fileName()));
        }
        return new Step(s.taskId(), s.stepKey(), s.stepName(), s.caseId(), s.caseNumber(), s.title(), s.categoryName(),
                s.address(), s.latitude(), s.longitude(), s.light(), s.timeLeft(), s.deadline(), s.unitName(),
                s.waitingSince(), s.claimedBy(), s.tasklistUrl(), before, after, s.discipline(), s.due(), s.arrived());
    }

    /**
     * Red once the deadline has passed, yellow from the ladder's warning point (planned per round of rectification
     * and kept in the process as {@code warningAt}); before the ladder is planned (the step 签收) the escalation
     * rules' warning share of the working time since the deadline was set stands in for it.
     */
    Light light(RectificationCase c, OffsetDateTime now, OffsetDateTime warningAt) {
        if (!c.status().isClockRunning() || c.deadline() == null) {
            return Light.NONE;
        }
        if (now.isAfter(c.deadline())) {
            return Light.RED;
        }
        OffsetDateTime warning = warningAt;
        if (warning == null) {
            OffsetDateTime start = c.deadlineSetAt() != null ? c.deadlineSetAt() : c.createdAt();
            Duration working = calendar.workingTimeBetween(start.toInstant(), c.deadline().toInstant());
            Duration share = Duration.ofSeconds((long) (working.toSeconds() * ladder.policy(c).warningShare()));
            warning = calendar.addWorkingTime(start.toInstant(), share).at();
        }
        return now.isBefore(warning) ? Light.GREEN : Light.YELLOW;
    }

    /** Working time as people say it: hours and minutes of office time, never days of 24 hours. */
    static String workingTime(Duration left) {
        long minutes = Math.max(0, left.toMinutes());
        if (minutes < 60) {
            return minutes + " 分钟（工作时间）";
        }
        return (minutes / 60) + " 个工作小时" + (minutes % 60 == 0 ? "" : " " + (minutes % 60) + " 分");
    }

    private static String coordinate(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
