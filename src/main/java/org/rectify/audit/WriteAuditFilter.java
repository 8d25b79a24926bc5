package org.rectify.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectify.security.WebappSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every request that may write (anything but GET, HEAD and OPTIONS) through every door: who (as claimed; a
 * 401 says the claim failed), method, path, status, and whether it was done or refused. Never the body, the query
 * string or a password. Administrative acts get a name of their own. Sign-ins are recorded by the sign-in guard.
 */
class WriteAuditFilter extends OncePerRequestFilter {

    private static final Logger logger = LoggerFactory.getLogger(WriteAuditFilter.class);
    private static final List<String> DOORS = List.of("/api/", "/console", "/engine-rest/", "/camunda/api/");
    private static final Pattern CASE_IN_PATH = Pattern.compile("^/api/(?:[a-z-]+/)*cases/(\\d{1,18})(?:/|$)");

    /** Administrative acts by path, first match wins; anything else that writes is http.write. */
    private static final List<Named> NAMED = List.of(
            new Named("^/api/demo/clock", "clock.move"),
            new Named("^/api/admin/rule-sets/[^/]+/activate", "rules.activate"),
            new Named("^/api/admin/rule-sets/?$", "rules.upload"),
            new Named("^/api/admin/rule-sets/", "rules.try"),
            new Named("^/api/calendar/", "calendar.import"),
            new Named("^/camunda/api/admin/setup", "setup.refused"),
            new Named("(?:^/engine-rest|/engine/[^/]+|^/camunda/api/admin)/user(?:/|$)", "users.change"),
            new Named("(?:^/engine-rest|/engine/[^/]+|^/camunda/api/admin)/group(?:/|$)", "groups.change"),
            new Named("(?:^/engine-rest|/engine/[^/]+)/authorization(?:/|$)", "authorizations.change"),
            new Named("(?:^/engine-rest|/engine/[^/]+)/tenant(?:/|$)", "tenants.change"),
            new Named("(?:^/engine-rest|/engine/[^/]+)/(?:deployment|process-definition/[^/]+/delete)", "deployments.change"));

    private record Named(Pattern pattern, String action) {
        Named(String regex, String action) {
            this(Pattern.compile(regex), action);
        }
    }

    private final AuditLog log;
    private final WebappSessions sessions;

    WriteAuditFilter(AuditLog log, WebappSessions sessions) {
        this.log = log;
        this.sessions = sessions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return DOORS.stream().noneMatch(path::startsWith) || SignInPaths.isSignIn(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Who the request claims to be is read before the chain runs: a sign-out ends the session on the way.
        String actor = sessions.claimedUserId(request).orElse(null);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean failed = true;
        boolean collecting = RequestLines.open();
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            int status = failed ? 500 : response.getStatus();
            List<AuditLog.Pending> lines = new ArrayList<>(collecting ? RequestLines.close() : List.of());
            try {
                lines.add(new AuditLog.Pending(new AuditEntry("WRITE", actionOf(path),
                        status == 401 ? claimed(actor) : actor, outcomeOf(status), caseOf(path), request.getMethod(),
                        path, status, request.getRemoteAddr(), request.getHeader("User-Agent"), null)));
                // the acts the request did (committed already) and its WRITE line: one audit transaction, one commit
                log.recordTogether(lines);
            } catch (RuntimeException e) {
                // The answer has been given; losing the line must be loud, and must not turn a done act into an error.
                logger.error("Could not write the audit lines ({}) for {} {}", lines.size(), request.getMethod(), path, e);
            }
        }
    }

    static String actionOf(String path) {
        for (Named named : NAMED) {
            if (named.pattern().matcher(path).find()) {
                return named.action();
            }
        }
        return "http.write";
    }

    static String outcomeOf(int status) {
        if (status >= 500) {
            return "FAILED";
        }
        return status >= 400 ? "REFUSED" : "DONE";
    }

    private static String claimed(String actor) {
        return actor == null ? null : actor + "（未通过验证）";
    }

    private static Long caseOf(String path) {
        Matcher matcher = CASE_IN_PATH.matcher(path);
        return matcher.find() ? Long.valueOf(matcher.group(1)) : null;
    }
}
