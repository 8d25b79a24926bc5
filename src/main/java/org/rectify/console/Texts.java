package org.rectify.console;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rectify.cases.CaseStatus;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/**
 * How the console writes statuses, times and codes in Chinese. Every lookup tolerates a value this build
 * does not know (a status added by another feature, a row written by a newer node): it then shows the code.
 */
final class Texts {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter CHINESE_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** Decision kinds as people name them; unknown kinds show their code. */
    private static final Map<String, String> DECISION_KINDS = Map.ofEntries(
            Map.entry("ROUTING", "派遣规则"),
            Map.entry("TIME_LIMIT", "时限规则"),
            Map.entry("REWORK_TIME_LIMIT", "返工时限规则"),
            Map.entry("ESCALATION_PLAN", "督办升级规则"),
            Map.entry("EXTENSION", "延期规则"),
            Map.entry("SUSPENSION", "挂账规则"),
            Map.entry("ACCOUNTABILITY", "问责规则"),
            Map.entry("DISCIPLINE", "问责规则"),
            Map.entry("DUPLICATE", "重复上报规则"),
            Map.entry("ACCOUNTABILITY_PROPOSAL", "问责建议规则"),
            Map.entry("VOLUNTEER_POINTS", "志愿者积分规则"));

    private Texts() {
    }

    static String minute(OffsetDateTime at) {
        return org.rectify.shared.ChineseTimes.table(at);
    }

    static String day(OffsetDateTime at) {
        return at == null ? "" : DAY.format(at.atZoneSameInstant(ZONE));
    }

    static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    static String chineseDay(LocalDate date) {
        return date == null ? "" : CHINESE_DAY.format(date);
    }

    static Optional<CaseStatus> status(String code) {
        return Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(code)).findFirst();
    }

    /** Where a case stands on the escalation ladder (预警 … 已问责), or empty for a case no step has reached. */
    static String ladderStageLabel(String code) {
        org.rectify.escalation.LadderStage stage = org.rectify.escalation.LadderStage.parse(code);
        return stage == null ? "" : stage.chineseLabel();
    }

    static String statusLabel(String code) {
        return status(code).map(CaseStatus::chineseLabel).orElse(code == null ? "" : code);
    }

    /** A CSS class for the status badge: done, dropped, waiting on the office, stopped, or being worked on. */
    static String statusTone(String code) {
        if ("CLOSED".equals(code)) {
            return "done";
        }
        Optional<CaseStatus> status = status(code);
        if (status.isPresent() && !status.get().isOpen()) {
            return "dropped";
        }
        if (code != null && (code.startsWith("AWAITING") || code.startsWith("PENDING") || code.equals("RETURNED"))) {
            return "waiting";
        }
        if (code != null && code.contains("SUSPEND")) {
            return "stopped";
        }
        return "working";
    }

    /** Status codes of cases that are finished (closed, not filed, voided …): they never count as open. */
    static List<String> terminalStatuses() {
        return Arrays.stream(CaseStatus.values()).filter(s -> !s.isOpen()).map(Enum::name).toList();
    }

    /** Status codes whose deadline is running: only these can be overdue (a suspended case's clock stops). */
    static List<String> clockRunningStatuses() {
        return Arrays.stream(CaseStatus.values()).filter(CaseStatus::isClockRunning).map(Enum::name).toList();
    }

    /**
     * The terminal statuses as an SQL list literal ({@code 'REJECTED', 'CLOSED', 'VOIDED'}), written into queries
     * rather than bound: the partial indexes on open cases (V11, V21) are only used when the planner sees the same
     * list in the query, and a bound parameter hides it from generic plans.
     */
    static final String TERMINAL_SQL = sqlList(terminalStatuses());
    /** {@link #clockRunningStatuses()} as an SQL list literal, for the same reason. */
    static final String RUNNING_SQL = sqlList(clockRunningStatuses());

    private static String sqlList(List<String> codes) {
        // enum names: letters and underscores only, nothing to escape
        return codes.stream().map(c -> "'" + c + "'").collect(java.util.stream.Collectors.joining(", "));
    }

    static String sourceLabel(String code) {
        return Arrays.stream(ReportSource.values()).filter(s -> s.name().equals(code)).findFirst()
                .map(ReportSource::chineseLabel).orElse(code == null ? "" : code);
    }

    static String severityLabel(String code) {
        return Arrays.stream(Severity.values()).filter(s -> s.name().equals(code)).findFirst()
                .map(Severity::chineseLabel).orElse(code == null ? "" : code);
    }

    static String decisionKind(String kind) {
        // A kind added later and not named here still reads as words, never as its code.
        return DECISION_KINDS.getOrDefault(kind, "规则决定");
    }

    /** "3天5小时" for a duration in hours, as overdue lists say it. */
    static String hoursText(long hours) {
        if (hours < 24) {
            return Math.max(hours, 0) + "小时";
        }
        return (hours / 24) + "天" + (hours % 24 == 0 ? "" : (hours % 24) + "小时");
    }

    /** How long past its deadline a case is at {@code now}, e.g. "3天5小时". */
    static String overdueBy(OffsetDateTime deadline, OffsetDateTime now) {
        return hoursText(java.time.Duration.between(deadline, now).toHours());
    }

    static String percent(double ratio) {
        return String.format("%.1f%%", ratio * 100);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
