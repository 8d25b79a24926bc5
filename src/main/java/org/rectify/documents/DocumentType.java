package org.rectify.documents;

/** The kinds of official document (公文) a case can receive, each with its own number series per year. */
public enum DocumentType {
    RECTIFICATION_NOTICE("整改通知书", "整改", "rectification-notice.ftlh"),
    URGING_NOTICE("催办通知书", "催办", "urging-notice.ftlh"),
    SUPERVISION_ORDER("督办令", "督办", "supervision-order.ftlh"),
    ACCOUNTABILITY_DECISION("问责决定书", "问责", "accountability-decision.ftlh");

    private final String chineseLabel;
    private final String numberPrefix;
    private final String templateName;

    DocumentType(String chineseLabel, String numberPrefix, String templateName) {
        this.chineseLabel = chineseLabel;
        this.numberPrefix = numberPrefix;
        this.templateName = templateName;
    }

    public String chineseLabel() {
        return chineseLabel;
    }

    /** The document number (发文字号), such as 督办〔2026〕17号: the year in hexagonal brackets, no leading zeros. */
    String number(int year, int sequence) {
        return numberPrefix + "〔" + year + "〕" + sequence + "号";
    }

    /** The key of this type's series in {@code number_sequence}. */
    String sequenceKind() {
        return "DOC_" + name();
    }

    String templateName() {
        return templateName;
    }
}
