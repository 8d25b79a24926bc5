package org.rectify.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own answer to a request it refuses before any servlet sees it (an encoded NUL or slash in the path, a
 * malformed request line): problem+json in Chinese instead of Tomcat's HTML page. Public: Tomcat makes it by name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(code);
        String detail = status.is5xxServerError() ? "服务器内部错误，请稍后重试" : Problems.detailOf(status);
        String body = "{\"type\":\"urn:rectify:problem:" + Problems.codeOf(status) + "\",\"title\":\""
                + Problems.chineseTitle(status) + "\",\"status\":" + code + ",\"detail\":\"" + detail
                + "\",\"code\":\"" + Problems.codeOf(status) + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone: nothing to tell
        }
    }
}
