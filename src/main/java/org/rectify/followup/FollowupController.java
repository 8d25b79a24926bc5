package org.rectify.followup;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The reporter's page {@code /followup/{token}} (no sign-in: the token is 256 random bits), and for the offices the
 * follow-ups of a case and the supervisor's re-verification through the API.
 */
@Controller
class FollowupController {

    static final String PAGE = "followup/answer";

    record ReviewRequest(String outcome, String comment) {
    }

    private final Followups followups;
    private final TaskService tasks;
    private final IdentityService identity;
    private final CurrentUsers users;

    FollowupController(Followups followups, TaskService tasks, IdentityService identity, CurrentUsers users) {
        this.followups = followups;
        this.tasks = tasks;
        this.identity = identity;
        this.users = users;
    }

    @GetMapping("/followup/{token}")
    String page(@PathVariable String token, Model model) {
        model.addAttribute("followup", followups.byToken(token).orElse(null));
        model.addAttribute("token", token);
        return PAGE;
    }

    @PostMapping(value = "/followup/{token}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String answerWithPhoto(@PathVariable String token, @RequestParam String answer,
            @RequestParam(required = false) String comment, @RequestParam(required = false) MultipartFile photo,
            Model model) throws IOException {
        byte[] bytes = photo == null || photo.isEmpty() ? null : photo.getBytes();
        return answer(token, answer, comment, photo == null ? null : photo.getOriginalFilename(), bytes, model);
    }

    @PostMapping(value = "/followup/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String answerPlain(@PathVariable String token, @RequestParam String answer,
            @RequestParam(required = false) String comment, Model model) {
        return answer(token, answer, comment, null, null, model);
    }

    private String answer(String token, String answer, String comment, String photoName, byte[] photo, Model model) {
        model.addAttribute("token", token);
        try {
            if (!"FIXED".equals(answer) && !"NOT_FIXED".equals(answer)) {
                throw DomainException.invalid("answer", "请选择“已解决”或“未解决”");
            }
            model.addAttribute("followup", followups.answer(token, "FIXED".equals(answer), comment, photoName, photo));
            model.addAttribute("thanks", true);
        } catch (DomainException e) {
            model.addAttribute("followup", followups.byToken(token).orElse(null));
            model.addAttribute("error", e.getMessage());
            model.addAttribute("comment", comment);
        }
        return PAGE;
    }

    @GetMapping("/api/cases/{caseId}/followups")
    @PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER', 'SUPERVISOR', 'DISCIPLINE')")
    @ResponseBody
    List<Followups.Followup> ofCase(@PathVariable long caseId) {
        return followups.ofCase(caseId);
    }

    @GetMapping("/api/followups/{id}/photo")
    @PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER', 'SUPERVISOR', 'DISCIPLINE')")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        var photo = followups.photo(id).orElseThrow(() -> DomainException.notFound("photo-not-found", "该回访没有照片"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType())).body(photo.bytes());
    }

    /** The supervisor's 复核, the same step as the Tasklist task UserTask_FollowupReview. */
    @PostMapping("/api/followups/{id}/review")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @ResponseBody
    Followups.Followup review(@PathVariable long id, @RequestBody ReviewRequest request) {
        Followups.Followup f = followups.require(id);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(f.caseNumber() + "-HF" + f.round())
                .taskDefinitionKey(FollowupForms.TASK_REVIEW).singleResult();
        if (task == null) {
            throw DomainException.conflict("no-review", "该回访当前没有待复核的任务");
        }
        CurrentUser user = users.require();
        identity.setAuthentication(user.id(), user.groupIds());
        try {
            tasks.complete(task.getId(), Map.of(Followups.REVIEW_OUTCOME, request.outcome() == null ? "" : request.outcome(),
                    Followups.REVIEW_COMMENT, request.comment() == null ? "" : request.comment()));
        } finally {
            identity.clearAuthentication();
        }
        return followups.require(id);
    }
}
