package org.rectify.notices;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sample data every template must render with: what an edited template is checked against and previewed with. */
final class NoticeSamples {

    private NoticeSamples() {
    }

    static Map<String, Object> of(NoticeKind kind) {
        Map<String, Object> m = new HashMap<>();
        m.put("caseNumber", "ZG-2026-000123");
        m.put("title", "星河路占道经营");
        m.put("address", "星河路88号");
        m.put("categoryName", "占道经营");
        m.put("severityLabel", "一般");
        m.put("leadUnitName", "高新区城市管理局");
        m.put("coUnitNames", "创新街道");
        m.put("deadlineText", "2026年9月22日18时");
        m.put("unitName", "高新区城市管理局");
        m.put("leaderName", "王建国");
        m.put("summary", "示例：操作说明");
        m.put("orderNumber", "高新创督〔2026〕12号");
        m.put("orderDeadline", "2026年9月29日18时");
        m.put("overdueDays", 3);
        m.put("reason", "督办令到期仍未整改");
        m.put("measure", "通报批评");
        m.put("target", "高新区城市管理局");
        m.put("reasons", "超期未整改");
        m.put("appealWorkingDays", 5);
        m.put("approved", true);
        m.put("decisionText", "同意延期至 2026年9月30日18时");
        m.put("followupLink", "https://rectify.example.gov.cn/followup/abc");
        m.put("followupDays", 7);
        m.put("date", "2026年9月22日");
        m.put("due", List.of(Map.of("caseNumber", "ZG-2026-000123", "title", "星河路占道经营", "deadlineText", "今天18时")));
        m.put("overdue", List.of(Map.of("caseNumber", "ZG-2026-000100", "title", "楼道杂物", "deadlineText", "2026年9月18日18时")));
        m.put("fresh", List.of(Map.of("caseNumber", "ZG-2026-000130", "title", "小广告", "deadlineText", "2026年9月25日18时")));
        m.put("kindLabel", kind.chineseLabel());
        return m;
    }
}
