package org.rectify.escalation;

/**
 * Where a case stands on the escalation ladder, as officials say it: the highest rung it has reached. It is shown
 * beside the case's status (the rectification state), never instead of it: a case under a supervision order is
 * still 整改中.
 */
public enum LadderStage {
    WARNED("预警"), URGED("催办"), SUPERVISED("督办中"), TRANSFERRED("已移交纪工委"), DECIDED("已问责");

    private final String chineseLabel;

    LadderStage(String chineseLabel) {
        this.chineseLabel = chineseLabel;
    }

    public String chineseLabel() {
        return chineseLabel;
    }

    /** 1 for 预警 up to 5 for 已问责, as stored in {@code case_ladder_stage.stage_rank}. */
    public int rank() {
        return ordinal() + 1;
    }

    static LadderStage of(EscalationStepTaken.Step step) {
        return switch (step) {
            case WARNING -> WARNED;
            case URGING -> URGED;
            case SUPERVISION -> SUPERVISED;
            case TRANSFER -> TRANSFERRED;
        };
    }

    /** The stage named by a stored value, or null for none (a case no step has reached). */
    public static LadderStage parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (LadderStage stage : values()) {
            if (stage.name().equals(value) || stage.chineseLabel.equals(value)) {
                return stage;
            }
        }
        return null;
    }
}
