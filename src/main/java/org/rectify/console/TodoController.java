package org.rectify.console;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.rectify.cases.CaseSteps;
import org.rectify.cases.Cases;
import org.rectify.cases.RectificationCase;
import org.rectify.clock.BusinessClock;
import org.rectify.shared.DomainException;
import org.rectify.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 我的待办, phone first: the person's open steps and the actions on them in place. The actions are sent by the
 * page's script (fetch, retried on a poor connection with one Idempotency-Key per submission) and answered in JSON:
 * the Chinese confirmation, or problem+json with the reason. They take the same path as the case page's forms
 * (CaseActions → workflow's CaseTasks), so a step done here is the step done in Tasklist or over the API.
 */
@Controller
class TodoController {

    static final String VIEW = "console/todo";

    record Done(String message, String caseNumber, boolean replayed) {
    }

    private final FieldQueue queue;
    private final CaseActions actions;
    private final Submissions submissions;
    private final Cases cases;
    private final Directory directory;
    private final Viewers viewers;
    private final BusinessClock clock;

    TodoController(FieldQueue queue, CaseActions actions, Submissions submissions, Cases cases, Directory directory,
            Viewers viewers, BusinessClock clock) {
        this.queue = queue;
        this.actions = actions;
        this.submissions = submissions;
        this.cases = cases;
        this.directory = directory;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/console/todo")
    String todo(Model model) {
        Viewer me = viewers.require();
        OffsetDateTime now = clock.now();
        FieldQueue.Queue q = queue.of(me, directory.snapshot(), now);
        model.addAttribute("steps", q.steps());
        model.addAttribute("total", q.total());
        model.addAttribute("limit", FieldQueue.LIMIT);
        model.addAttribute("now", Texts.minute(now));
        model.addAttribute("today", now.atZoneSameInstant(Texts.ZONE).toLocalDate().toString());
        return VIEW;
    }

    record Light(String light, String label, String timeLeft) {
    }

    /** The traffic lights of some of the person's tasks, for Tasklist's list (its custom script asks). */
    @GetMapping(path = "/console/todo/lights", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    Map<String, Light> lights(@RequestParam(defaultValue = "") String tasks) {
        Viewer me = viewers.require();
        java.util.Set<String> wanted = java.util.Set.of(tasks.split(","));
        Map<String, Light> lights = new HashMap<>();
        for (FieldQueue.Step s : queue.of(me, directory.snapshot(), clock.now()).all()) {
            if (wanted.contains(s.taskId()) && s.caseId() != null) {
                lights.put(s.taskId(), new Light(s.light().css(), s.light().label(), s.timeLeft()));
            }
        }
        return lights;
    }

    @PostMapping("/console/todo/{id}/{action}")
    ResponseEntity<?> act(@PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> params,
            @RequestParam(name = "photos", required = false) List<MultipartFile> files,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Viewer me = viewers.require();
        try {
            Map<String, String> form = new HashMap<>(params);
            form.remove("_csrf");
            List<CaseSteps.NewPhoto> photos = CasePageController.read(files);
            Map<String, String> content = new HashMap<>(form);
            content.put("#action", action);
            content.put("#case", Long.toString(id));
            for (int i = 0; i < photos.size(); i++) {
                content.put("#photo" + i, Submissions.sha256(photos.get(i).bytes()));
            }
            RectificationCase c = cases.require(id);
            Supplier<String> step = switch (action) {
                case "accept" -> () -> actions.accept(id, me, "ACCEPT", null);
                case "return" -> () -> actions.accept(id, me, "RETURN", form.get("reason"));
                case "rectification" -> () -> actions.rectify(id, me, withPosition(form.get("note"), form, c), photos);
                case "extension" -> () -> actions.requestExtension(id, me, form.getOrDefault("until", ""), form.get("reason"));
                case "suspension" -> () -> actions.requestSuspension(id, me, form.get("reason"));
                case "verification" -> () -> actions.verify(id, me, form.get("outcome"), form.get("comment"));
                case "extension-decision" -> () -> actions.decideExtension(id, me, form.get("decision"), form.get("until"),
                        form.get("comment"));
                case "suspension-decision" -> () -> actions.decideSuspension(id, me, form.get("decision"), form.get("comment"));
                default -> throw DomainException.notFound("no-such-action", "没有这个操作：" + action);
            };
            Submissions.Outcome done = submissions.once(me.id(), key, c.caseNumber(), content, step);
            return ResponseEntity.ok()
                    .header("Idempotent-Replayed", Boolean.toString(done.replayed()))
                    .body(new Done(done.message() + "（案件 " + done.caseNumber() + "）", done.caseNumber(), done.replayed()));
        } catch (RuntimeException failure) {
            DomainException e = CasePageController.userFacing(failure);
            ProblemDetail problem = Problems.of(e);
            return ResponseEntity.status(problem.getStatus()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }

    /**
     * The phone's position when the fix was submitted goes into the record with the note (the step itself knows no
     * position), with its distance from the problem's position: evidence that the fix was reported on site.
     */
    static String withPosition(String note, Map<String, String> form, RectificationCase c) {
        BigDecimal lat = decimal(form.get("latitude"));
        BigDecimal lng = decimal(form.get("longitude"));
        if (note == null || note.isBlank() || lat == null || lng == null) {
            return note;
        }
        StringBuilder where = new StringBuilder("\n（提交时手机定位：北纬 ").append(lat.toPlainString()).append("，东经 ")
                .append(lng.toPlainString());
        BigDecimal accuracy = decimal(form.get("accuracy"));
        if (accuracy != null) {
            where.append("，精度约 ").append(accuracy.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString()).append(" 米");
        }
        if (c.latitude() != null && c.longitude() != null) {
            where.append("；距问题位置约 ").append(Math.round(metres(lat.doubleValue(), lng.doubleValue(),
                    c.latitude().doubleValue(), c.longitude().doubleValue()))).append(" 米");
        }
        where.append("）");
        String text = note.strip() + where;
        return text.length() <= 2000 ? text : note;
    }

    /** Great-circle distance in metres (the page's script computes the same for the distance shown). */
    static double metres(double lat1, double lng1, double lat2, double lng2) {
        double r = 6_371_000;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static BigDecimal decimal(String value) {
        try {
            return Texts.blankToNull(value) == null ? null : new BigDecimal(value.strip()).setScale(6, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
