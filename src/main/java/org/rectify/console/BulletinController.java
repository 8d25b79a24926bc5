package org.rectify.console;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rectify.documents.HtmlPdf;
import org.rectify.clock.BusinessClock;
import org.rectify.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The weekly bulletins: the list of weeks, one week's bulletin (the stored one, or a live preview for a week
 * not yet generated), its PDF, and generating it on demand (campaign office, supervisors, admins).
 */
@Controller
class BulletinController {

    static final String LIST_VIEW = "console/bulletins";
    static final String VIEW = "console/bulletin";

    public record Week(String start, String title, String period, boolean stored, String generatedAt, String trigger,
            boolean current) {
    }

    private final Bulletins bulletins;
    private final HtmlPdf pdf;
    private final Directory directory;
    private final Viewers viewers;
    private final BusinessClock clock;

    BulletinController(Bulletins bulletins, HtmlPdf pdf, Directory directory, Viewers viewers, BusinessClock clock) {
        this.bulletins = bulletins;
        this.pdf = pdf;
        this.directory = directory;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/console/bulletins")
    String list(Model model) {
        readers();
        OffsetDateTime now = clock.now();
        LocalDate thisWeek = Bulletins.weekOf(now);
        Map<LocalDate, Bulletins.Stored> stored = bulletins.recent(12, thisWeek);
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LocalDate monday = thisWeek.minusWeeks(i);
            Bulletins.Stored s = stored.get(monday);
            weeks.add(new Week(monday.toString(), Bulletins.weekTitle(monday),
                    Texts.chineseDay(monday) + "—" + Texts.chineseDay(monday.plusDays(6)), s != null,
                    s == null ? "" : s.generatedAtText(), s == null ? "" : s.triggerLabel(), i == 0));
        }
        model.addAttribute("weeks", weeks);
        model.addAttribute("now", Texts.minute(now));
        return LIST_VIEW;
    }

    @GetMapping("/console/bulletins/{week}")
    String show(@PathVariable String week, Model model) {
        Viewer me = readers();
        OffsetDateTime now = clock.now();
        LocalDate monday = monday(week, now);
        Optional<Bulletins.Stored> stored = bulletins.find(monday);
        String html = html(stored, monday, now);
        model.addAttribute("week", monday.toString());
        model.addAttribute("title", Bulletins.weekTitle(monday));
        model.addAttribute("stored", stored.orElse(null));
        model.addAttribute("finished", weekOver(monday, now));
        model.addAttribute("canGenerate", mayGenerate(me));
        // Our own template wrote this HTML with every value escaped; it is shown as it was stored.
        model.addAttribute("document", Bulletins.body(html));
        model.addAttribute("now", Texts.minute(now));
        return VIEW;
    }

    @GetMapping("/console/bulletins/{week}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String week) {
        readers();
        OffsetDateTime now = clock.now();
        LocalDate monday = monday(week, now);
        String html = html(bulletins.find(monday), monday, now);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("整改工作通报-" + Bulletins.weekTitle(monday) + ".pdf", java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .body(pdf.render(html));
    }

    @PostMapping("/console/bulletins/{week}")
    String generate(@PathVariable String week, RedirectAttributes redirect) {
        Viewer me = readers();
        if (!mayGenerate(me)) {
            throw DomainException.forbidden("console-forbidden", "只有创建办、督查组和系统管理员可以生成通报");
        }
        OffsetDateTime now = clock.now();
        LocalDate monday = monday(week, now);
        if (!weekOver(monday, now)) {
            throw DomainException.conflict("week-not-over", "本周尚未结束，只能预览，下周一起才能生成并存档本周通报");
        }
        boolean existed = bulletins.find(monday).isPresent();
        bulletins.generate(monday, me.name(), "MANUAL", directory.snapshot(), now);
        redirect.addFlashAttribute("notice", existed ? "该周通报此前已生成，未作改动" : "已生成并存档" + Bulletins.weekTitle(monday) + "通报");
        return "redirect:/console/bulletins/" + monday;
    }

    /** The stored bulletin, or a live preview of a week not yet generated. */
    private String html(Optional<Bulletins.Stored> stored, LocalDate monday, OffsetDateTime now) {
        return stored.map(Bulletins.Stored::html)
                .orElseGet(() -> bulletins.render(bulletins.compute(monday, directory.snapshot(), now)));
    }

    private static boolean weekOver(LocalDate monday, OffsetDateTime now) {
        return !monday.plusDays(7).isAfter(now.atZoneSameInstant(Texts.ZONE).toLocalDate());
    }

    private Viewer readers() {
        Viewer me = viewers.require();
        if (me.isReporterOnly()) {
            throw Viewer.forbidden("工作通报");
        }
        return me;
    }

    private static boolean mayGenerate(Viewer me) {
        return me.isDispatcher() || me.isSupervisor();
    }

    private static LocalDate monday(String text, OffsetDateTime now) {
        try {
            LocalDate day = LocalDate.parse(text);
            LocalDate monday = day.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            if (monday.isAfter(Bulletins.weekOf(now))) {
                throw DomainException.notFound("future-week", "该周尚未开始，没有通报");
            }
            return monday;
        } catch (DateTimeParseException e) {
            throw DomainException.notFound("bad-week", "“" + text + "”不是有效日期，通报地址形如 /console/bulletins/2026-11-02");
        }
    }
}
