package org.rectify.notices;

/** What a notice is about; each has its template ({@code notices/<KIND>.ftl}) and whom it reaches. */
public enum NoticeKind {
    NEW_CASE("新案件交办", false),
    WARNING("预警", false),
    URGING("催办", false),
    SUPERVISION_ORDER("督办令", true),
    TRANSFER("移交纪检", false),
    ACCOUNTABILITY("问责决定", false),
    EXTENSION_DECIDED("延期审批结果", false),
    SUSPENSION_DECIDED("挂账审批结果", false),
    REPORT_RECEIVED("报告已受理（告知报告人）", false),
    REPORT_CLOSED("问题已办结及回访（告知报告人）", false),
    CASE_REOPENED("回访未解决重新交办", false),
    DAILY_DIGEST("每日待办摘要", false);

    private final String chineseLabel;
    private final boolean urgent;

    NoticeKind(String chineseLabel, boolean urgent) {
        this.chineseLabel = chineseLabel;
        this.urgent = urgent;
    }

    public String chineseLabel() {
        return chineseLabel;
    }

    /** Urgent notices (the supervision order) pass a channel's quiet hours. */
    public boolean urgent() {
        return urgent;
    }
}
