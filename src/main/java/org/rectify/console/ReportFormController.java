package org.rectify.console;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rectify.cases.Cases;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;
import org.rectify.intake.IntakeGateway;
import org.rectify.shared.DomainException;
import org.rectify.web.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reporting a problem from a phone: category, description, address, a photo from the camera and the phone's
 * position if the person allows it. The text fields work without JavaScript; with it, photos are shrunk on
 * the phone before upload and the position is filled in. The report goes through the same intake as the API.
 */
@Controller
class ReportFormController {

    static final String FORM_VIEW = "console/report";
    static final String DONE_VIEW = "console/report-done";

    public record Choice(String code, String label) {
    }

    private final IntakeGateway intake;
    private final Cases cases;
    private final Directory directory;
    private final Viewers viewers;

    ReportFormController(IntakeGateway intake, Cases cases, Directory directory, Viewers viewers) {
        this.intake = intake;
        this.cases = cases;
        this.directory = directory;
        this.viewers = viewers;
    }

    @GetMapping("/console/report")
    String form(Model model) {
        Viewer me = viewers.require();
        Map<String, String> form = new HashMap<>();
        List<ReportSource> allowed = allowedSources(me);
        form.put("source", me.isSupervisor() && allowed.contains(ReportSource.SUPERVISION) ? ReportSource.SUPERVISION.name()
                : allowed.isEmpty() ? ReportSource.PATROL.name() : allowed.get(0).name());
        form.put("severity", Severity.GENERAL.name());
        form.put("requestKey", UUID.randomUUID().toString());
        return show(model, me, form, List.of());
    }

    @PostMapping("/console/report")
    String submit(@RequestParam Map<String, String> params,
            @RequestParam(name = "photos", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response) {
        Viewer me = viewers.require();
        Map<String, String> form = new HashMap<>(params);
        form.remove("_csrf");
        List<String> errors = new ArrayList<>();
        Directory.Snapshot d = directory.snapshot();
        String category = Texts.blankToNull(form.get("categoryCode"));
        if (category == null || d.categories().stream().noneMatch(c -> c.code().equals(category))) {
            errors.add("请选择问题类别");
        }
        String description = Texts.blankToNull(form.get("description"));
        if (description == null) {
            errors.add("请描述发现的问题");
        } else if (description.length() > 4000) {
            errors.add("问题描述不能超过 4000 字");
        }
        String address = Texts.blankToNull(form.get("address"));
        if (address == null) {
            errors.add("请填写问题地点（路名门牌或明显地标）");
        } else if (address.length() > 300) {
            errors.add("地点不能超过 300 字");
        }
        String title = Texts.blankToNull(form.get("title"));
        if (title != null && title.length() > 200) {
            errors.add("标题不能超过 200 字");
        }
        ReportSource source = parse(ReportSource.class, form.get("source"), ReportSource.PATROL);
        if (!allowedSources(me).contains(source)) {
            errors.add("您的账号不能以“" + source.chineseLabel() + "”为来源上报");
        }
        Severity severity = parse(Severity.class, form.get("severity"), Severity.GENERAL);
        BigDecimal latitude = decimal(form.get("latitude"));
        BigDecimal longitude = decimal(form.get("longitude"));
        String grid = Texts.blankToNull(form.get("gridCode"));
        String phone = Texts.blankToNull(form.get("reporterPhone"));
        if (phone != null && phone.length() > 30) {
            errors.add("联系电话过长");
        }
        List<IntakeGateway.Photo> photos = new ArrayList<>();
        try {
            CasePageController.read(files).forEach(p -> photos.add(new IntakeGateway.Photo(p.fileName(), p.bytes())));
        } catch (DomainException e) {
            errors.add(e.detail());
        }
        if (photos.size() > 9) {
            errors.add("一次最多上传 9 张照片");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return show(model, me, form, errors);
        }
        String categoryName = d.categoryName(category);
        String finalTitle = title != null ? title
                : categoryName + "：" + (address.length() > 40 ? address.substring(0, 40) + "…" : address);
        try {
            IntakeGateway.Receipt receipt = intake.report(new IntakeGateway.Report(category, source, severity, finalTitle,
                    description, address, latitude, longitude, grid, me.id(),
                    source == ReportSource.HOTLINE ? Texts.blankToNull(form.get("callerName")) : me.name(), phone, photos),
                    Texts.blankToNull(form.get("requestKey")));
            return "redirect:/console/report/" + receipt.caseId() + (receipt.linked() ? "?linked=true" : "");
        } catch (RuntimeException failure) {
            DomainException e = CasePageController.userFacing(failure);
            response.setStatus(Problems.statusOf(e).value());
            return show(model, me, form, List.of(e.detail()));
        }
    }

    @GetMapping("/console/report/{id}")
    String done(@PathVariable long id, @RequestParam(defaultValue = "false") boolean linked, Model model) {
        Viewer me = viewers.require();
        RectificationCase c = cases.require(id);
        boolean ownCase = me.seesAll() || c.submittedBy().equals(me.id()) || c.involvesAnyOf(me.units());
        // a report linked to an open case (重复上报): its reporter is told which case it joined
        String linkNotice = linked || !ownCase ? intake.linkNotice(id, me.id()).orElse(null) : null;
        if (!ownCase && linkNotice == null) {
            throw Viewer.forbidden("这份上报");
        }
        model.addAttribute("linkNotice", linkNotice == null ? "" : linkNotice);
        model.addAttribute("canOpenCase", ownCase);
        Directory.Snapshot d = directory.snapshot();
        model.addAttribute("caseId", c.id());
        model.addAttribute("caseNumber", c.caseNumber());
        model.addAttribute("statusLabel", c.status().chineseLabel());
        model.addAttribute("statusTone", Texts.statusTone(c.status().name()));
        model.addAttribute("unitName", c.leadUnitCode() == null ? "" : d.unitName(c.leadUnitCode()));
        model.addAttribute("deadline", Texts.minute(c.deadline()));
        model.addAttribute("needsCheck", c.source().needsCheck());
        model.addAttribute("title", c.title());
        return DONE_VIEW;
    }

    private String show(Model model, Viewer me, Map<String, String> form, List<String> errors) {
        Directory.Snapshot d = directory.snapshot();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", d.categories().stream().map(c -> new Choice(c.code(), c.name())).toList());
        model.addAttribute("grids", d.grids().stream()
                .map(g -> new Choice(g.code(), d.unitName(g.streetCode()) + " · " + g.name())).toList());
        model.addAttribute("sources", allowedSources(me).stream().map(s -> new Choice(s.name(), s.chineseLabel())).toList());
        model.addAttribute("severities", Arrays.stream(Severity.values())
                .map(s -> new Choice(s.name(), s.chineseLabel())).toList());
        if (!form.containsKey("requestKey")) {
            form.put("requestKey", UUID.randomUUID().toString());
        }
        return FORM_VIEW;
    }

    /** The sources the account's roles may use (rectify.intake.sources-by-role); the API holds to the same list. */
    List<ReportSource> allowedSources(Viewer me) {
        return intake.allowedSources(me.user());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(fallback);
    }

    private static BigDecimal decimal(String value) {
        try {
            return Texts.blankToNull(value) == null ? null : new BigDecimal(value.strip()).setScale(6, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
