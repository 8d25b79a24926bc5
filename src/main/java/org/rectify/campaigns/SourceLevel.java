package org.rectify.campaigns;

import java.util.Arrays;
import java.util.Optional;
import org.rectify.catalog.ReportSource;

/** Who raised the campaign's list; its cases carry the matching report source, which the rules weigh. */
public enum SourceLevel {
    DISTRICT("区级", ReportSource.SUPERVISION),
    CITY("市级", ReportSource.SUPERVISION),
    PROVINCIAL("省级", ReportSource.PROVINCIAL_INSPECTION),
    NATIONAL("国家级", ReportSource.NATIONAL_INSPECTION);

    private final String chineseLabel;
    private final ReportSource reportSource;

    SourceLevel(String chineseLabel, ReportSource reportSource) {
        this.chineseLabel = chineseLabel;
        this.reportSource = reportSource;
    }

    public String chineseLabel() {
        return chineseLabel;
    }

    public ReportSource reportSource() {
        return reportSource;
    }

    /** By code (PROVINCIAL) or by its Chinese label (省级). */
    static Optional<SourceLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(l -> l.name().equalsIgnoreCase(t) || l.chineseLabel.equals(t)
                || (l.chineseLabel + "检查").equals(t)).findFirst();
    }
}
