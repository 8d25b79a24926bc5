package org.rectify.tasks;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rectify.cases.Photos;
import org.rectify.catalog.Catalog;
import org.rectify.clock.BusinessClock;
import org.rectify.calendar.WorkingCalendar;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * What each step of a task's process records, whichever door it came through (Tasklist, /engine-rest, the API or the
 * console): checked here, in the step's complete listener, so a bad submission is refused and changes nothing.
 */
@Component
class TaskSteps {

    static final int MAX_TEXT = 500;
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    /** A file handed in with a report. */
    record NewFile(String kind, String fileName, String contentType, byte[] content) {
    }

    private final TaskStore store;
    private final Catalog catalog;
    private final BusinessClock clock;
    private final WorkingCalendar calendar;
    private final Photos photos;
    private final TaskLadder ladder;
    private final TaskTransfers transfers;

    TaskSteps(TaskStore store, Catalog catalog, BusinessClock clock, WorkingCalendar calendar, Photos photos,
            TaskLadder ladder, TaskTransfers transfers) {
        this.photos = photos;
        this.ladder = ladder;
        this.transfers = transfers;
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
        this.calendar = calendar;
    }

    void acknowledged(long taskId, String actor) {
        store.lock(taskId);
        OffsetDateTime now = clock.now();
        store.acknowledged(taskId, now);
        store.event(taskId, now, actor, "ACKNOWLEDGED", "签收任务", null, 0, null);
    }

    void reported(long taskId, String actor, int cycle, String kind, String text, Object figureValue, List<NewFile> files) {
        store.lock(taskId);
        Task task = store.task(taskId).orElseThrow();
        boolean completion = TaskVariables.COMPLETION.equals(kind);
        if (!completion && !TaskVariables.PROGRESS.equals(kind)) {
            throw DomainException.invalid("report-kind", "请选择“反馈进展”或“申报完成”");
        }
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) {
            throw DomainException.invalid("report-text", completion ? "请填写完成情况说明" : "请填写本周期进展情况");
        }
        if (note.length() > MAX_TEXT) {
            throw DomainException.invalid("report-text", "说明不能超过 " + MAX_TEXT + " 个字");
        }
        BigDecimal figure = figure(figureValue);
        List<String> missing = new ArrayList<>();
        if (completion) {
            if (task.evidence().contains(EvidenceKind.PHOTO) && files.stream().noneMatch(f -> f.kind().equals("PHOTO"))) {
                missing.add("照片");
            }
            if (task.evidence().contains(EvidenceKind.DOCUMENT) && files.stream().noneMatch(f -> f.kind().equals("DOCUMENT"))) {
                missing.add("文件");
            }
            if (task.needsFigure() && figure == null) {
                missing.add("完成数值（目标 " + task.targetText() + "）");
            }
        }
        if (!missing.isEmpty()) {
            throw DomainException.invalid("evidence-missing", "申报完成须提交佐证材料：" + String.join("、", missing));
        }
        List<NewFile> checked = new ArrayList<>();
        for (NewFile file : files) {
            if (file.kind().equals("PHOTO")) {
                checked.add(new NewFile("PHOTO", file.fileName(), photos.checkImage(file.fileName(), file.content()),
                        file.content()));
            } else if (file.content().length > MAX_FILE_BYTES) {
                throw DomainException.invalid("file-too-large", "文件“" + file.fileName() + "”超过 10 MB");
            } else {
                checked.add(file);
            }
        }
        OffsetDateTime now = clock.now();
        long eventId = store.event(taskId, now, actor, completion ? "COMPLETION" : "PROGRESS", note, figure, cycle, null);
        for (NewFile file : checked) {
            store.evidence(taskId, eventId, file.kind(), file.fileName(), file.contentType(), file.content(), now);
        }
        store.reported(taskId, now, figure, completion);
    }

    void reviewed(long taskId, String actor, int cycle, String outcome, String reason) {
        store.lock(taskId);
        boolean passed = TaskVariables.PASS.equals(outcome);
        if (!passed && !TaskVariables.FAIL.equals(outcome)) {
            throw DomainException.invalid("review-outcome", "请选择审核结论：通过或不通过");
        }
        String text = reason == null ? "" : reason.strip();
        if (!passed && text.isEmpty()) {
            throw DomainException.invalid("review-reason", "审核不通过须说明理由，责任单位据此继续整改");
        }
        if (text.length() > MAX_TEXT) {
            throw DomainException.invalid("review-reason", "审核意见不能超过 " + MAX_TEXT + " 个字");
        }
        store.event(taskId, clock.now(), actor, "REVIEW", text.isEmpty() ? "审核通过" : text, null, cycle, passed);
        if (!passed) {
            store.reviewFailed(taskId);
        }
    }

    void achieved(long taskId) {
        store.lock(taskId);
        Task task = store.task(taskId).orElseThrow();
        OffsetDateTime now = clock.now();
        OffsetDateTime submitted = task.submittedAt() == null ? now : task.submittedAt();
        boolean onTime = task.deadline() == null || !submitted.isAfter(calendar.closingTime(task.deadline()));
        store.achieved(taskId, now, onTime);
        transfers.achieved(task, now);
        store.event(taskId, now, "系统", "ACHIEVED", "审核通过，列入业绩清单" + (onTime ? "（按期完成）" : "（逾期完成）"),
                task.latestFigure(), 0, true);
    }

    /**
     * A ladder step of the current cycle (cycle 0: before acknowledgement); false if it was taken already. A step taken
     * later than planned (timers that fell due while the server was down) says so, and the time limit it sets runs from
     * the moment it is taken, so a late urging or supervision never gives the unit a date already past.
     */
    boolean ladderStep(long taskId, String kind, int cycle, OffsetDateTime plannedAt) {
        store.lock(taskId);
        Task task = store.task(taskId).orElseThrow();
        OffsetDateTime now = clock.now();
        String unit = catalog.unitName(task.leadUnitCode());
        boolean unacknowledged = task.status() == TaskStatus.ASSIGNED;
        String what = unacknowledged ? "签收" : "反馈进展或申报完成";
        String text = switch (kind) {
            case "WARNING" -> unacknowledged ? "任务签收即将到期：请" + unit + "及时签收"
                    : "任务即将到期：请" + unit + "按时反馈进展或申报完成";
            case "URGING" -> (unacknowledged ? "逾期未签收" : "逾期未反馈进展") + "，向" + unit + "催办，限"
                    + org.rectify.shared.ChineseTimes.text(ladder.limitFrom(now, 1)) + "前" + what;
            case "SUPERVISION" -> "催办后仍未" + (unacknowledged ? "签收" : "推进") + "，向" + unit + "下达督办，限"
                    + org.rectify.shared.ChineseTimes.text(ladder.limitFrom(now, 2)) + "前" + what
                    + (task.leaderName() == null ? "" : "，抄送包保领导" + task.leaderName());
            case "TRANSFER" -> "经预警、催办、督办仍未" + (unacknowledged ? "签收" : "推进") + "，移交纪工委";
            default -> throw new IllegalArgumentException(kind);
        };
        if (plannedAt != null && now.isAfter(plannedAt.plusMinutes(10))) {
            text += "（应于" + org.rectify.shared.ChineseTimes.text(plannedAt) + "执行，实际执行于"
                    + org.rectify.shared.ChineseTimes.text(now) + "）";
        }
        boolean taken = store.ladderStep(taskId, now, kind, text, cycle);
        if (taken && kind.equals("TRANSFER")) {
            String reason = "任务" + task.taskNo() + "（" + task.content() + "）" + text;
            long transferId = store.transfer(taskId, task.leadUnitCode(), reason, now);
            transfers.transfer(task, transferId, text, now);
        }
        return taken;
    }

    static String kindOfFile(String variableName, String contentType) {
        String lower = variableName.toLowerCase(Locale.ROOT);
        return lower.startsWith("photo") ? "PHOTO" : "DOCUMENT";
    }

    private static BigDecimal figure(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        String text = value.toString().strip().replace("%", "").replace("％", "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("report-figure", "完成数值“" + value + "”不是数字");
        }
    }
}
