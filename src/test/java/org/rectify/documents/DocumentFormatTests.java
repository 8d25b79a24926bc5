package org.rectify.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DocumentFormatTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void numbersUseHexagonalBracketsAndNoLeadingZeros() {
        assertThat(DocumentType.RECTIFICATION_NOTICE.number(2026, 12)).isEqualTo("整改〔2026〕12号");
        assertThat(DocumentType.URGING_NOTICE.number(2026, 3)).isEqualTo("催办〔2026〕3号");
        assertThat(DocumentType.SUPERVISION_ORDER.number(2026, 17)).isEqualTo("督办〔2026〕17号");
        assertThat(DocumentType.ACCOUNTABILITY_DECISION.number(2026, 2)).isEqualTo("问责〔2026〕2号");
    }

    @Test
    void labelsAreTheDocumentsChineseNames() {
        assertThat(DocumentType.values()).extracting(DocumentType::chineseLabel)
                .containsExactly("整改通知书", "催办通知书", "督办令", "问责决定书");
    }

    @Test
    void datesReadTheWayOfficialDocumentsWriteThemInBeijingTime() {
        OffsetDateTime utcEvening = OffsetDateTime.parse("2026-11-21T16:30:00Z");
        assertThat(ChineseDates.date(utcEvening, SHANGHAI)).isEqualTo("2026年11月22日");
        assertThat(ChineseDates.dateTime(utcEvening, SHANGHAI)).isEqualTo("2026年11月22日0时30分");
        assertThat(ChineseDates.dateTime(OffsetDateTime.parse("2026-03-05T18:00:00+08:00"), SHANGHAI))
                .isEqualTo("2026年3月5日18时");
    }

    @Test
    void radicalsDrawnWithAnIdeographsGlyphAreMappedBackToTheIdeograph() throws IOException {
        ToUnicodeRepair repair;
        try (InputStream font = getClass().getClassLoader().getResourceAsStream("fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf")) {
            repair = ToUnicodeRepair.forFont(font.readAllBytes());
        }
        // ⾼ KANGXI RADICAL HIGH, ⼯ KANGXI RADICAL WORK, ⻔ CJK RADICAL C-SIMPLIFIED GATE
        assertThat(repair.unified("云岭\u2FBC新区\u2F2F作部\u2ED4")).isEqualTo("云岭高新区工作部门");
        assertThat(repair.unified("整改〔2026〕12号 ZG-2026-000001")).isEqualTo("整改〔2026〕12号 ZG-2026-000001");
    }

    @Test
    void fileNamesAreEncodedPerRfc5987() {
        assertThat(DocumentController.rfc5987("督办〔2026〕17号.pdf"))
                .isEqualTo("%E7%9D%A3%E5%8A%9E%E3%80%942026%E3%80%9517%E5%8F%B7.pdf");
        assertThat(DocumentController.rfc5987("a b'c\"(1).pdf")).isEqualTo("a%20b%27c%22%281%29.pdf");
    }
}
