package org.rectify.tasks;

import java.util.Arrays;
import java.util.Optional;

/** What a task's evidence must hold (佐证材料). */
enum EvidenceKind {
    PHOTO("照片"), DOCUMENT("文件"), FIGURE("数据");

    private final String chineseLabel;

    EvidenceKind(String chineseLabel) {
        this.chineseLabel = chineseLabel;
    }

    public String chineseLabel() {
        return chineseLabel;
    }

    static Optional<EvidenceKind> parse(String text) {
        String t = text.strip();
        if (t.equals("图片") || t.equals("照片")) {
            return Optional.of(PHOTO);
        }
        if (t.equals("文档") || t.equals("文件") || t.equals("材料")) {
            return Optional.of(DOCUMENT);
        }
        if (t.equals("数值") || t.equals("数据") || t.equals("数字")) {
            return Optional.of(FIGURE);
        }
        return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(t)).findFirst();
    }
}
