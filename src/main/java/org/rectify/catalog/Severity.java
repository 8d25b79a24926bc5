package org.rectify.catalog;

/** How bad a problem is; the rules read it to set time limits. */
public enum Severity {
    GENERAL("一般"),
    SERIOUS("较重"),
    URGENT("紧急");

    private final String chineseLabel;

    Severity(String chineseLabel) {
        this.chineseLabel = chineseLabel;
    }

    public String chineseLabel() {
        return chineseLabel;
    }
}
