package org.rectify.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.security.WebappSessions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in and out. The form checks the password against Camunda's users and opens the Camunda webapp
 * session, so the same sign-in also opens Tasklist and Cockpit; a person already signed in to Tasklist
 * never sees this form.
 */
@Controller
class SignInController {

    static final String LOGIN_VIEW = "console/login";

    private final WebappSessions sessions;
    private final Viewers viewers;

    SignInController(WebappSessions sessions, Viewers viewers) {
        this.sessions = sessions;
        this.viewers = viewers;
    }

    /**
     * Where a person lands after signing in: whoever has steps to take (units, campaign office, supervisors, the
     * discipline office) on 我的待办; reporters on their reports; administrators on the dashboard.
     */
    @GetMapping({"/console", "/console/"})
    String home() {
        Viewer me = viewers.require();
        if (me.isReporterOnly()) {
            return "redirect:/console/ledger";
        }
        return "redirect:" + (me.user().isAdmin() && !me.isHandler() ? "/console/dashboard" : "/console/todo");
    }

    @GetMapping(ConsoleSecurityConfiguration.LOGIN)
    String loginForm(@RequestParam(required = false) String next, @RequestParam(required = false) String out,
            Model model) {
        if (viewers.current().isPresent()) {
            return "redirect:" + ConsoleSecurityConfiguration.safeNext(next);
        }
        model.addAttribute("next", ConsoleSecurityConfiguration.safeNext(next));
        model.addAttribute("signedOut", out != null);
        model.addAttribute("username", "");
        return LOGIN_VIEW;
    }

    @PostMapping(ConsoleSecurityConfiguration.LOGIN)
    String login(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        if (sessions.signIn(request, username, password)) {
            return "redirect:" + ConsoleSecurityConfiguration.safeNext(next);
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        model.addAttribute("next", ConsoleSecurityConfiguration.safeNext(next));
        model.addAttribute("signedOut", false);
        model.addAttribute("username", username.strip());
        model.addAttribute("error", username.isBlank() || password.isEmpty() ? "请填写用户名和密码"
                : "用户名或密码不正确（连续输错多次后账号会被暂时锁定，请稍后再试）");
        return LOGIN_VIEW;
    }

    @PostMapping("/console/logout")
    String logout(HttpServletRequest request) {
        sessions.signOut(request);
        return "redirect:" + ConsoleSecurityConfiguration.LOGIN + "?out";
    }

    @RequestMapping("/console/forbidden")
    String forbidden(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("status", 403);
        model.addAttribute("message", "您的账号无权打开这个页面。如需开通，请联系系统管理员。");
        return "console/error";
    }
}
