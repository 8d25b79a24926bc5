package org.rectify.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rectify.web.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One guard in front of every door that checks a password: HTTP Basic on {@code /api} and {@code /engine-rest}, the
 * console's sign-in form, and Camunda's webapp login. A throttled account or client address is answered 429 with
 * {@code Retry-After} before any password is checked; afterwards the answer tells whether the password was right,
 * which is counted, published for the audit trail, and (if right) used to upgrade an old hash.
 *
 * <p>It also closes Camunda Admin's first-user setup for good: the first administrator comes from configuration
 * ({@link FirstAdministrator}), and a setup page open to anyone while nobody is administrator is a takeover.
 */
class SignInGuard extends OncePerRequestFilter {

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login(?:/.*)?$");
    private static final Pattern SETUP = Pattern.compile("^/camunda/(?:api/admin/setup(?:/|$)|app/admin/[^/]+/setup(?:/|$))");

    /** Set by {@link WebappSessions#signIn} when the form's password was checked and right. */
    static final String VERIFIED = SignInGuard.class.getName() + ".verified";

    private final SignInThrottle throttle;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    SignInGuard(SignInThrottle throttle, Accounts accounts, ApplicationEventPublisher events, ObjectMapper json) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.events = events;
        this.json = json;
    }

    /** A sign-in attempt as this door carries it. */
    private record Attempt(String door, String account, String password) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (SETUP.matcher(path).find()) {
            Problems.write(response, json, HttpStatus.FORBIDDEN, "setup-closed",
                    "初始管理员由部署配置（RECTIFY_ADMIN_USER / RECTIFY_ADMIN_PASSWORD）创建，此处不提供初始设置", path, false);
            return;
        }
        Optional<Attempt> attempt = attemptOf(request, path);
        if (attempt.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Attempt a = attempt.get();
        String address = request.getRemoteAddr();
        String agent = request.getHeader("User-Agent");
        SignInThrottle.Standing standing = throttle.standing(a.account(), address);
        Optional<Duration> locked = standing.lockedFor();
        if (locked.isPresent()) {
            long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
            events.publishEvent(new SignInAttempt(a.door(), a.account(), SignInAttempt.Outcome.THROTTLED, address, agent,
                    seconds));
            response.setHeader("Retry-After", String.valueOf(seconds));
            if (a.door().equals("console")) {
                tooManyPage(response, seconds);
                return;
            }
            Problems.write(response, json, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-attempts",
                    "登录失败次数过多，请 " + seconds + " 秒后再试", path, false);
            return;
        }
        chain.doFilter(request, response);
        int status = response.getStatus();
        boolean failed = status == HttpServletResponse.SC_UNAUTHORIZED;
        boolean interactive = !a.door().endsWith("basic");
        // Only a checked password counts as a success (a form refused for its CSRF token must not clear the count).
        boolean succeeded = switch (a.door()) {
            case "console" -> Boolean.TRUE.equals(request.getAttribute(VERIFIED));
            case "tasklist" -> status >= 200 && status < 300;
            default -> !failed && status < 500;
        };
        if (failed) {
            throttle.failed(a.account(), address);
            events.publishEvent(new SignInAttempt(a.door(), a.account(), SignInAttempt.Outcome.FAILED, address, agent, 0));
        } else if (succeeded) {
            if (standing.accountHasFailures()) {
                throttle.succeeded(a.account());
            }
            accounts.upgradeHash(a.account(), a.password());
            // Basic authenticates every API call: its successes would drown the log (each write is recorded anyway).
            if (interactive) {
                events.publishEvent(new SignInAttempt(a.door(), a.account(), SignInAttempt.Outcome.DONE, address, agent, 0));
            }
        }
    }

    private static void tooManyPage(HttpServletResponse response, long seconds) throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>请稍后再试</title>
                <link rel="stylesheet" href="/console/assets/console.css"></head>
                <body><main class="login"><h1>登录失败次数过多</h1><p>为防止密码被猜测，请 %d 秒后再试。</p>
                <p><a href="/console/login">返回登录</a></p></main></body></html>""".formatted(seconds));
    }

    private static Optional<Attempt> attemptOf(HttpServletRequest request, String path) {
        boolean post = "POST".equals(request.getMethod());
        if (post && path.equals("/console/login")) {
            return formAttempt(request, "console");
        }
        if (post && WEBAPP_LOGIN.matcher(path).matches()) {
            return formAttempt(request, "tasklist");
        }
        String door = path.startsWith("/api/") ? "api-basic" : path.startsWith("/engine-rest/") ? "engine-rest-basic" : null;
        if (door == null) {
            return Optional.empty();
        }
        return BasicCredentials.of(request).map(basic -> new Attempt(door, basic.user(), basic.password()));
    }

    private static Optional<Attempt> formAttempt(HttpServletRequest request, String door) {
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Attempt(door, user.strip(), password));
    }
}
