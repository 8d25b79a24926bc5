package org.rectify.tasks;

/** Where a task stands in its process. */
enum TaskStatus {
    ASSIGNED("待签收", "muted"), IN_PROGRESS("推进中", "info"), SUBMITTED("待审核", "warn"), ACHIEVED("已完成", "ok");

    private final String chineseLabel;
    private final String tone;

    TaskStatus(String chineseLabel, String tone) {
        this.chineseLabel = chineseLabel;
        this.tone = tone;
    }

    public String chineseLabel() {
        return chineseLabel;
    }

    public String tone() {
        return tone;
    }
}
