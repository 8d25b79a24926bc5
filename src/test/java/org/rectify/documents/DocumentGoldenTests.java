package org.rectify.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rectify.support.PdfText;

/**
 * Golden tests: each document type, rendered for fixed facts, reads exactly as the approved text in
 * {@code src/test/resources/golden/documents/}; no page ends with a heading and no case number is broken. The
 * facts are long enough (a long description, co-units, reworks) that a document runs onto a second page.
 */
class DocumentGoldenTests {

    private static final Pattern HEADINGS = Pattern.compile("<(h1|h2|h3)[^>]*>(.*?)</\\1>|<p class=\"heading\">(.*?)</p>");

    private final DocumentTemplates templates = new DocumentTemplates("", "Asia/Shanghai");
    private final PdfRenderer renderer = new PdfRenderer();

    @ParameterizedTest
    @EnumSource(DocumentType.class)
    void readsAsApprovedWithNoStrandedHeadingAndNoBrokenCaseNumber(DocumentType type) {
        String html = templates.render(type, model(type));
        List<String> pages = PdfText.pages(PdfText.keep(renderer.render(html), type.name().toLowerCase()));

        PdfText.assertMatchesGolden(PdfText.text(pages), "documents/" + type.name().toLowerCase() + ".txt");
        PdfText.assertNoStrandedHeading(pages, headings(html));
        PdfText.assertCaseNumbersUnbroken(pages);
    }

    @ParameterizedTest
    @EnumSource(value = DocumentType.class, names = "ACCOUNTABILITY_DECISION")
    void theDecisionStandsOnThePageOneAndNoInternalNoteIsPrinted(DocumentType type) {
        List<String> pages = PdfText.pages(renderer.render(templates.render(type, model(type))));

        assertThat(pages.get(0).replace("\n", "")).contains("决定对高新区城市管理局主要负责人局长彭志强同志予以诫勉谈话");
        assertThat(String.join("", pages)).doesNotContain("未采纳规则建议", "理由：", "cgj-handler", "supervisor");
    }

    private static List<String> headings(String html) {
        Matcher m = HEADINGS.matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add((m.group(2) != null ? m.group(2) : m.group(3)).replaceAll("<[^>]+>", "").strip());
        }
        return found;
    }

    /** Fixed facts, as {@link Documents#issue} would put them for case ZG-2026-000004. */
    static Map<String, Object> model(DocumentType type) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("number", type.number(2026, 2));
        doc.put("type", type.name());
        doc.put("title", type.chineseLabel());
        doc.put("issuedDate", "2026年12月2日");
        doc.put("addressedTo", type == DocumentType.SUPERVISION_ORDER ? "高新区城市管理局主要负责同志" : "高新区城市管理局");
        doc.put("copiedTo", type == DocumentType.ACCOUNTABILITY_DECISION
                ? List.of("云岭高新区创建文明城市工作办公室", "王建国同志（包保领导）")
                : type == DocumentType.SUPERVISION_ORDER ? List.of("王建国同志（包保领导）", "创新街道办事处")
                : List.of("创新街道办事处"));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", 4L);
        c.put("caseNumber", "ZG-2026-000004");
        c.put("title", "星河路与云谷大道交叉口东北角水果摊长期占道经营");
        c.put("description", "星河路与云谷大道交叉口东北角人行道上有两处水果摊和一处早餐摊长期占道经营，摊位延伸至盲道和非机动车道，"
                + "早晚高峰时段行人被迫绕行机动车道，存在安全隐患；摊位周边地面油污明显，垃圾未及时清运，群众多次通过12345热线反映。"
                + "经现场核实，摊主已被多次劝离，但劝离后反复回潮，需责任单位会同属地街道建立长效管理机制。");
        c.put("address", "星河路88号东侧人行道（星河路与云谷大道交叉口东北角）");
        c.put("grid", "星河社区第一网格");
        c.put("category", "占道经营、店外经营");
        c.put("severity", "较重");
        c.put("source", "日常巡查");
        c.put("reportedAt", "2026年11月20日9时30分");
        c.put("leadUnit", "高新区城市管理局");
        c.put("coUnits", List.of("创新街道办事处", "星河社区居委会"));
        c.put("leaderName", "王建国");
        c.put("deadline", "2026年11月25日18时");
        c.put("deadlineProvisional", false);
        c.put("reworkCount", type == DocumentType.ACCOUNTABILITY_DECISION ? 2 : 0);
        c.put("status", "整改中");
        Map<String, Object> particulars = new LinkedHashMap<>();
        switch (type) {
            case RECTIFICATION_NOTICE -> { }
            case URGING_NOTICE -> particulars.put("overdueText", "已超过整改期限5个工作日仍未完成整改");
            case SUPERVISION_ORDER -> {
                particulars.put("overdueWorkingDays", 5);
                particulars.put("orderDeadline", "2026年12月7日18时");
            }
            case ACCOUNTABILITY_DECISION -> {
                particulars.put("measure", "诫勉谈话");
                particulars.put("target", "高新区城市管理局主要负责人局长彭志强同志");
                particulars.put("reasons", "经查，该问题存在以下情节：超期7个工作日；返工2次；经督办仍不落实。");
                particulars.put("basis", "《云岭高新区创建文明城市工作问责办法》");
                particulars.put("appealWorkingDays", 5);
                particulars.put("decidedBy", "纪工委会议");
            }
        }
        return Map.of("doc", doc, "case", c,
                "offices", Map.of("campaign", "云岭高新区创建文明城市工作办公室", "discipline", "中共云岭高新区纪律检查工作委员会"),
                "particulars", particulars);
    }
}
