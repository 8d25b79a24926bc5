package org.rectify.tasks;

/** Where a task stands in its process. */
enum TaskStatus {
    ASSIGNED("待签收", "waiting"), IN_PROGRESS("推进中", "working"), SUBMITTED("待审核", "waiting"), ACHIEVED("已完成", "done");

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
