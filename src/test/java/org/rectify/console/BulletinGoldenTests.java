package org.rectify.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rectify.documents.HtmlPdf;
import org.rectify.rules.ShippedRules;
import org.rectify.support.PdfText;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfigurer;

/**
 * The weekly bulletin, for fixed figures long enough to run over several pages, reads as the approved text in
 * {@code src/test/resources/golden/bulletin/}; no page ends with a section heading and no case number is broken.
 */
class BulletinGoldenTests {

    @Test
    void readsAsApprovedWithNoStrandedHeadingAndNoBrokenCaseNumber() throws Exception {
        FreeMarkerConfigurer freemarker = new FreeMarkerConfigurer();
        freemarker.setTemplateLoaderPath("classpath:/templates/");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.afterPropertiesSet();
        String html = new Bulletins(null, null, freemarker, null, null).render(content());

        List<String> pages = PdfText.pages(PdfText.keep(HtmlPdf.standalone().render(html), "bulletin"));

        PdfText.assertMatchesGolden(PdfText.text(pages), "bulletin/2026-W49.txt");
        PdfText.assertNoStrandedHeading(pages, headings(html));
        PdfText.assertCaseNumbersUnbroken(pages);
    }

    private static List<String> headings(String html) {
        Matcher m = Pattern.compile("<h2>(.*?)</h2>").matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1).strip());
        }
        return found;
    }

    private static Bulletins.Content content() {
        String[] names = {"高新区城市管理局", "高新区市场监督管理局", "高新区卫生健康局", "高新区教育局", "高新区交警大队",
                "高新区生态环境分局", "高新区住房和城乡建设局", "高新区消防救援大队", "创新街道办事处", "科技城街道办事处",
                "云谷街道办事处"};
        List<Bulletins.UnitLine> units = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            units.add(new Bulletins.UnitLine(names[i], 10 + i, 8 + i % 3, 7 + i % 3, "87.5%", i % 4, i % 3, i % 2));
        }
        Bulletins.Selection selection = Bulletins.select(units, ShippedRules.engine());
        List<Bulletins.UnitLine> worst = selection.worst();
        List<Bulletins.UnitLine> best = selection.best();
        List<Bulletins.OverdueItem> overdue = new ArrayList<>();
        List<Bulletins.OrderItem> orders = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String number = String.format("ZG-2026-%06d", i);
            overdue.add(new Bulletins.OverdueItem(number, "星河路第" + i + "段人行道占道经营、乱堆乱放问题长期未整改",
                    names[i % names.length], "2026-11-" + String.format("%02d", 10 + i % 15) + " 18:00", (i + 2) + "个工作日"));
            if (i <= 12) {
                orders.add(new Bulletins.OrderItem(number, "云谷大道沿线第" + i + "处建筑工地渣土运输车辆未密闭",
                        names[(i + 3) % names.length], "2026-12-0" + (1 + i % 5) + " 18:00",
                        "督办：超期 3 个工作日仍未整改，下发督办令，限2026年12月7日18时前整改到位"));
            }
        }
        return new Bulletins.Content("创文创卫问题整改工作通报（2026年第49周）", "2026年第49周", "2026年11月30日至2026年12月6日",
                "2026年12月7日8时", "2026年12月7日", 126, 98, 85, "86.7%", 312, 23, 9, 12, 3, units, best, worst,
                overdue, 23, orders, "2026-12-01 第3版", selection);
    }
}
