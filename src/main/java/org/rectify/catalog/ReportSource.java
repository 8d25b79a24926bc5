package org.rectify.catalog;

/** Where a problem was found, from the lightest source to the heaviest. */
public enum ReportSource {
    PATROL("日常巡查", false),
    GRID("网格员", false),
    VOLUNTEER("志愿者", true),
    CITIZEN("市民随手拍", true),
    HOTLINE("12345热线", true),
    SUPERVISION("督查", false),
    PROVINCIAL_INSPECTION("省级检查", false),
    NATIONAL_INSPECTION("国家级检查", false);

    private final String chineseLabel;
    private final boolean needsCheck;

    ReportSource(String chineseLabel, boolean needsCheck) {
        this.chineseLabel = chineseLabel;
        this.needsCheck = needsCheck;
    }

    public String chineseLabel() {
        return chineseLabel;
    }

    /** Reports from the public go to the dispatcher to be checked and filed; officials' findings are filed at once. */
    public boolean needsCheck() {
        return needsCheck;
    }

    public boolean isHigherLevelInspection() {
        return this == PROVINCIAL_INSPECTION || this == NATIONAL_INSPECTION;
    }
}
