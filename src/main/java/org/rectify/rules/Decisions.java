package org.rectify.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decisions the application asks the rules for, with the Chinese names of their facts' and answers'
 * fields, as scenario files use them in their column headers ({@code 类别代码}, {@code 期望时限}). A field
 * may also be written by its Java name ({@code categoryCode}).
 */
final class Decisions {

    static final String ROUTING = "routing";
    static final String TIME_LIMITS = "time-limits";
    static final String ESCALATION = "escalation";
    static final String PENALTIES = AccountabilityRules.DECISION;
    static final String DUPLICATES = "duplicates";
    static final String SCORES = "scores";
    static final String VOLUNTEER_POINTS = "volunteer-points";
    static final String FOLLOWUP = "followup";
    static final String TASK_LADDER = "task-ladder";
    static final String TASK_SCORES = "task-scores";
    static final String BULLETIN = "bulletin";

    /**
     * One decision: its facts and answer types, and the scenario column of each field (Chinese header → record
     * component). {@code defaults} are used when a scenario leaves a fact empty.
     */
    record Decision(String name, String chineseName, Class<? extends Record> factsType, Class<? extends Record> answerType,
            Map<String, String> factColumns, Map<String, String> answerColumns, Map<String, String> defaults,
            Map<String, String> aliases) {

        String factColumnOf(String component) {
            return factColumns.entrySet().stream().filter(e -> e.getValue().equals(component)).map(Map.Entry::getKey)
                    .findFirst().orElse(component);
        }
    }

    private static final List<Decision> ALL = List.of(
            new Decision(ROUTING, "派遣", RoutingFacts.class, RoutingDecision.class,
                    columns("类别代码", "categoryCode", "类别名称", "categoryName", "行业部门", "categoryDefaultUnit",
                            "严重程度", "severity", "来源", "source", "所在街道", "streetUnit", "所在社区", "communityUnit",
                            "已退回单位", "excludedUnits"),
                    columns("牵头单位", "leadUnit", "配合单位", "coUnits", "理由", "reason"),
                    Map.of("severity", "一般", "source", "日常巡查"), Map.of()),
            new Decision(TIME_LIMITS, "时限", TimeLimitFacts.class, TimeLimitDecision.class,
                    columns("阶段", "stage", "类别代码", "categoryCode", "类别名称", "categoryName", "严重程度", "severity",
                            "来源", "source", "返工次数", "reworkCount", "原时限", "initialAmount", "原时限单位", "initialUnit",
                            "专项整治", "campaignName", "清零时限", "clearanceAt"),
                    columns("时限", "amount", "单位", "unit", "理由", "reason", "不得晚于", "capAt"),
                    Map.of("stage", "首次交办", "severity", "一般", "source", "日常巡查"), Map.of()),
            new Decision(ESCALATION, "升级", EscalationFacts.class, EscalationPolicy.class,
                    columns("类别代码", "categoryCode", "类别名称", "categoryName", "严重程度", "severity", "来源", "source",
                            "返工次数", "reworkCount"),
                    columns("预警比例", "warningShare", "督办（超期工作日）", "supervisionAfterWorkingDays",
                            "移交纪检（超期工作日）", "transferAfterWorkingDays", "督办令时限（工作日）", "supervisionOrderWorkingDays",
                            "返工几次移交纪检", "transferAfterReworks", "可延期次数", "maxExtensions",
                            "延期最长比例", "extensionMaxShare", "挂账复核间隔（天）", "suspensionReviewDays", "理由", "reason"),
                    Map.of("severity", "一般", "source", "日常巡查"), Map.of()),
            new Decision(PENALTIES, "问责", AccountabilityFacts.class, MeasureProposal.class,
                    columns("单位名称", "unitName", "移交原因", "trigger", "来源", "source", "严重程度", "severity",
                            "超期工作日", "overdueWorkingDays", "返工次数", "reworkCount", "督办次数", "supervisionOrders",
                            "本季度已被问责次数", "priorInQuarter", "本年度已被问责次数", "priorInYear"),
                    columns("措施", "measure", "对象", "target", "申诉期限（工作日）", "appealWorkingDays", "分值", "score",
                            "理由", "reason"),
                    Map.of("unitName", "某责任单位", "trigger", "OVERDUE", "severity", "一般", "source", "日常巡查"),
                    // the discipline office's words for the transfer triggers (org.rectify.discipline.TransferTrigger)
                    Map.of("超期未整改", "OVERDUE", "多次返工仍未通过核查", "REWORKED",
                            "督办期满仍未落实", "SUPERVISION_ORDER_EXPIRED", "问题清单清零期限已过仍未整改", "CLEARANCE_DATE_PASSED")),
            new Decision(DUPLICATES, "重复上报", DuplicateFacts.class, DuplicateDecision.class,
                    columns("类别代码", "categoryCode", "来源", "source", "严重程度", "severity",
                            "案件类别代码", "candidateCategoryCode", "距离（米）", "distanceMetres", "同一网格", "sameGrid",
                            "案件上报后小时数", "hoursSinceReported", "累计上报次数（含本次）", "reportCount",
                            "案件严重程度", "candidateSeverity"),
                    columns("重复", "duplicate", "严重程度", "severity", "范围（米）", "radiusMetres",
                            "时间窗口（小时）", "windowHours", "理由", "reason"),
                    Map.of("severity", "一般", "source", "日常巡查", "candidateSeverity", "一般", "reportCount", "2"),
                    Map.of()),
            new Decision(SCORES, "考核评分", ScoreFacts.class, ScoreLine.class,
                    columns("计分事项", "kind", "单位名称", "unitName", "案件编号", "caseNumber", "关系", "relation",
                            "来源", "source", "严重程度", "severity", "超期工作日", "overdueWorkingDays",
                            "提前工作日", "workingDaysEarly", "应结案数", "dueCases", "超期数", "overdueCases",
                            "按期结案率", "onTimeClosureRate", "返工率", "reworkRate", "满意率", "satisfactionRate"),
                    columns("分值", "points", "理由", "reason"),
                    Map.of("unitName", "某责任单位", "relation", "牵头单位", "severity", "一般", "source", "日常巡查",
                            "satisfactionRate", "100%"), Map.of()),
            new Decision(VOLUNTEER_POINTS, "志愿者积分", VolunteerFacts.class, VolunteerAward.class,
                    columns("来源", "source", "严重程度", "severity", "此前积分", "pointsBefore"),
                    columns("积分", "points", "累计积分", "totalAfter", "星级", "stars", "理由", "reason"),
                    Map.of("severity", "一般", "source", "志愿者"), Map.of()),
            new Decision(FOLLOWUP, "回访", FollowupFacts.class, FollowupPolicy.class,
                    columns("来源", "source", "严重程度", "severity"),
                    columns("等待天数", "waitDays", "理由", "reason"),
                    Map.of("severity", "一般", "source", "市民随手拍"), Map.of()),
            // tasks of the breakdown table (org.rectify.tasks)
            new Decision(TASK_LADDER, "任务升级", TaskLadderFacts.class, TaskLadderPolicy.class,
                    columns("反馈周期", "recurrence", "测评项目代码", "itemCode", "分值", "weight", "最后期限", "finalStretch",
                            "环节", "stage"),
                    columns("签收期限（工作日）", "dueWorkingDays", "宽限（工作日）", "graceWorkingDays", "预警（提前工作日）", "warningBeforeWorkingDays",
                            "督办（催办后工作日）", "supervisionAfterWorkingDays", "移交纪检（催办后工作日）",
                            "transferAfterWorkingDays", "理由", "reason"),
                    Map.of("recurrence", "每周", "weight", "1", "stage", "反馈"), Map.of()),
            new Decision(TASK_SCORES, "任务考核评分", TaskScoreFacts.class, ScoreLine.class,
                    columns("计分事项", "kind", "单位名称", "unitName", "任务编号", "taskNumber", "分值", "weight",
                            "超期工作日", "overdueWorkingDays", "应完成任务数", "dueTasks", "任务完成率", "completionRate",
                            "按期完成率", "onTimeRate"),
                    columns("分值", "points", "理由", "reason"),
                    Map.of("unitName", "某责任单位", "completionRate", "100%", "onTimeRate", "100%"), Map.of()),
            // the weekly bulletin's praise and criticism (org.rectify.console.Bulletins)
            new Decision(BULLETIN, "每周通报", BulletinFacts.class, BulletinListing.class,
                    columns("单位名称", "unitName", "本周销号数", "closed", "其中按期", "onTime", "当前超期数", "overdueNow",
                            "本周返工次数", "reworked", "本周督办次数", "orders"),
                    columns("通报", "listing", "排序分值", "weight", "理由", "reason"),
                    Map.of("unitName", "某责任单位", "closed", "0", "onTime", "0", "overdueNow", "0", "reworked", "0",
                            "orders", "0"), Map.of()));

    private Decisions() {
    }

    static Optional<Decision> named(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    static List<Decision> all() {
        return ALL;
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(columns);
    }
}
