package org.rectify.console;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.rectify.cases.CaseSteps;
import org.rectify.cases.CaseViews;
import org.rectify.cases.Cases;
import org.rectify.cases.Photos;
import org.rectify.cases.RectificationCase;
import org.rectify.clock.BusinessClock;
import org.rectify.intake.IntakeGateway;
import org.rectify.shared.DomainException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page, its photos, and the forms for the step the case waits at. */
@Controller
class CasePageController {

    static final String VIEW = "console/case";

    private final Cases cases;
    private final CaseViews views;
    private final CasePage page;
    private final CaseActions actions;
    private final Photos photos;
    private final Directory directory;
    private final Viewers viewers;
    private final BusinessClock clock;
    private final IntakeGateway intake;

    CasePageController(Cases cases, CaseViews views, CasePage page, CaseActions actions, Photos photos,
            Directory directory, Viewers viewers, BusinessClock clock, IntakeGateway intake) {
        this.intake = intake;
        this.cases = cases;
        this.views = views;
        this.page = page;
        this.actions = actions;
        this.photos = photos;
        this.directory = directory;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/console/cases/{id}")
    String show(@PathVariable long id, Model model) {
        Viewer me = viewers.require();
        RectificationCase c = cases.require(id);
        views.requireVisible(c, me.user());
        CaseViews.Duplicates duplicates = views.duplicates(c);
        model.addAttribute("view", page.build(c, me, directory.snapshot(), clock.now(), duplicates));
        model.addAttribute("unlinkable", page.unlinkable(duplicates, me));
        model.addAttribute("now", Texts.minute(clock.now()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return VIEW;
    }

    /** By case number, for links written by hand or pasted from a document. */
    @GetMapping("/console/cases/by-number/{number}")
    String byNumber(@PathVariable String number) {
        RectificationCase c = cases.findByNumber(number.strip()).orElseThrow(() ->
                DomainException.notFound("case-not-found", "案件编号“" + number + "”不存在"));
        return "redirect:/console/cases/" + c.id();
    }

    @GetMapping("/console/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long photoId) {
        Viewer me = viewers.require();
        Photos.PhotoContent photo = photos.content(photoId)
                .orElseThrow(() -> DomainException.notFound("photo-not-found", "照片不存在"));
        views.requireVisible(cases.require(photo.caseId()), me.user());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                .body(photo.bytes());
    }

    @PostMapping("/console/cases/{id}/check")
    String check(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Viewer me = viewers.require();
        return act(id, form, redirect, () -> actions.check(id, me, form.get("decision"), form.get("correctedCategory"),
                form.get("correctedAddress"), form.get("correctedGrid"), form.get("rejectionReason"),
                form.get("comment"), form.get("duplicateOf")));
    }

    @PostMapping("/console/cases/{id}/accept")
    String accept(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Viewer me = viewers.require();
        return act(id, form, redirect, () -> actions.accept(id, me, form.get("outcome"), form.get("reason")));
    }

    @PostMapping("/console/cases/{id}/reassign")
    String reassign(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Viewer me = viewers.require();
        return act(id, form, redirect, () -> actions.reassign(id, me, form.get("unit"), form.get("reason")));
    }

    @PostMapping("/console/cases/{id}/rectification")
    String rectify(@PathVariable long id, @RequestParam Map<String, String> form,
            @RequestParam(name = "photos", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        Viewer me = viewers.require();
        return act(id, form, redirect, () -> actions.rectify(id, me, form.get("note"), read(files)));
    }

    @PostMapping("/console/cases/{id}/verification")
    String verify(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Viewer me = viewers.require();
        return act(id, form, redirect, () -> actions.verify(id, me, form.get("outcome"), form.get("comment")));
    }

    /** The campaign office undoes a wrong duplicate match: the report becomes a case of its own. */
    @PostMapping("/console/cases/{id}/unlink-duplicate")
    String unlink(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Viewer me = viewers.require();
        return act(id, form, redirect, () -> {
            long reportId;
            try {
                reportId = Long.parseLong(form.getOrDefault("report", "").strip());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("report-required", "请选择要解除关联的重复上报");
            }
            IntakeGateway.Unlinked unlinked = intake.unlink(id, reportId, form.get("reason"), me.user());
            return "已解除关联，该报告另立为案件 " + unlinked.newCaseNumber() + "；本案件累计上报 "
                    + unlinked.originalReportCount() + " 次";
        });
    }

    private String act(long id, Map<String, String> form, RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (RuntimeException failure) {
            DomainException e = userFacing(failure);
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.detail());
            Map<String, String> kept = new java.util.HashMap<>(form);
            kept.remove("_csrf");
            redirect.addFlashAttribute("form", kept);
        }
        return "redirect:/console/cases/" + id;
    }

    /** A refusal raised inside the engine (a task listener's check) keeps its message; anything else is a failure. */
    static DomainException userFacing(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException userFacing) {
                return userFacing;
            }
        }
        throw failure;
    }

    static List<CaseSteps.NewPhoto> read(List<MultipartFile> files) {
        List<CaseSteps.NewPhoto> photos = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                if (file == null || file.isEmpty()) {
                    continue;
                }
                try {
                    photos.add(new CaseSteps.NewPhoto(file.getOriginalFilename(), file.getBytes()));
                } catch (IOException e) {
                    throw DomainException.invalid("photo-unreadable", "照片“" + file.getOriginalFilename()
                            + "”上传不完整，请重新选择后提交");
                }
            }
        }
        return photos;
    }
}
