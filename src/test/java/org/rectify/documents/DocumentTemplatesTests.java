package org.rectify.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentTemplatesTests {

    @TempDir
    Path dir;

    @Test
    void aTemplateInTheAdministratorsFolderTakesPrecedenceOverTheBuiltInOne() throws IOException {
        Files.writeString(dir.resolve("urging-notice.ftlh"), "<p>${doc.number} ${particulars.overdueText}</p>");
        DocumentTemplates templates = new DocumentTemplates(dir.toString(), "Asia/Shanghai");

        assertThat(templates.render(DocumentType.URGING_NOTICE, Map.of("doc", Map.of("number", "催办〔2026〕3号"),
                "particulars", Map.of("overdueText", "<已到期>")))).isEqualTo("<p>催办〔2026〕3号 &lt;已到期&gt;</p>");
        // the others stay built in
        assertThat(templates.render(DocumentType.RECTIFICATION_NOTICE, model("整改通知书"))).contains("整改通知书", "整改〔2026〕1号");
    }

    @Test
    void aBrokenTemplateFailsLoudlyAndNamesItself() throws IOException {
        Files.writeString(dir.resolve("supervision-order.ftlh"), "<p>${particulars.nothing}</p>");
        DocumentTemplates templates = new DocumentTemplates(dir.toString(), "Asia/Shanghai");

        assertThatThrownBy(() -> templates.render(DocumentType.SUPERVISION_ORDER, model("督办令")))
                .hasMessageContaining("supervision-order.ftlh");
    }

    @Test
    void withoutAFolderTheBuiltInTemplatesAreUsed() {
        DocumentTemplates templates = new DocumentTemplates("", "Asia/Shanghai");

        assertThat(templates.render(DocumentType.ACCOUNTABILITY_DECISION, model("问责决定书")))
                .contains("<!DOCTYPE html>", "问责决定书", "予以<strong>问责</strong>");
    }

    private static Map<String, Object> model(String title) {
        return Map.of(
                "doc", Map.of("number", "整改〔2026〕1号", "title", title, "issuedDate", "2026年11月22日",
                        "addressedTo", "高新区城市管理局", "copiedTo", List.of()),
                "case", Map.ofEntries(Map.entry("caseNumber", "ZG-2026-000001"), Map.entry("title", "占道"),
                        Map.entry("description", "描述"), Map.entry("address", "星河路88号"), Map.entry("category", "占道经营"),
                        Map.entry("severity", "一般"), Map.entry("source", "日常巡查"),
                        Map.entry("reportedAt", "2026年11月22日10时"), Map.entry("leadUnit", "高新区城市管理局"),
                        Map.entry("coUnits", List.of()), Map.entry("reworkCount", 0)),
                "offices", Map.of("campaign", "云岭高新区创建文明城市工作办公室", "discipline", "中共云岭高新区纪律检查工作委员会"),
                "particulars", Map.of());
    }
}
