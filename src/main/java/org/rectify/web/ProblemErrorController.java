package org.rectify.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answer for every error that did not pass through the API's exception handler (a failure in a filter, a request
 * the servlet container or the firewall refused, a path nobody serves): problem+json in Chinese, like the API's own
 * refusals, instead of Spring's English JSON or Tomcat's HTML page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(path = "${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail problem;
        if (failure != null && Outages.databaseUnavailable(failure)) {
            problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Outages.CODE, Outages.DETAIL);
        } else if (status.is5xxServerError()) {
            if (failure != null) {
                log.error("Unexpected failure outside the API's handlers", failure);
            }
            problem = Problems.of(status, "internal-error", "服务器内部错误，操作未生效。请稍后重试；如仍失败，请联系系统管理员");
        } else {
            problem = Problems.of(status, Problems.codeOf(status), Problems.detailOf(status));
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && !path.isEmpty()) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // a path the client sent broken: the problem still answers, without an instance
            }
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
