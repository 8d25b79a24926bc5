package org.rectify.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.rectify.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds the {@code application/problem+json} answers users read, with a Chinese title and detail. */
public final class Problems {

    private Problems() {
    }

    /** The one place a domain refusal's kind becomes an HTTP status. */
    public static HttpStatus statusOf(DomainException e) {
        return switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case TOO_MANY_ATTEMPTS -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    public static ProblemDetail of(DomainException e) {
        return of(statusOf(e), e.code(), e.detail());
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(chineseTitle(status));
        problem.setType(URI.create("urn:rectify:problem:" + code));
        problem.setProperty("code", code);
        return problem;
    }

    /** For answers given outside Spring MVC (the security filters). */
    public static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String code,
            String detail, String instance, boolean askForBasic) throws IOException {
        ProblemDetail problem = of(status, code, detail);
        problem.setInstance(URI.create(instance));
        response.setStatus(status.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (askForBasic) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Rectify\", charset=\"UTF-8\"");
        }
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The English code clients read for a refusal that carries no code of its own. */
    static String codeOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case PAYLOAD_TOO_LARGE -> "too-large";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case SERVICE_UNAVAILABLE -> "unavailable";
            default -> status.is5xxServerError() ? "internal-error" : "bad-request";
        };
    }

    /** What to tell the user about a refusal that carries no detail of its own. */
    static String detailOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求格式不正确（地址、参数或内容无法识别），请检查后重新提交";
            case UNAUTHORIZED -> "请先登录";
            case FORBIDDEN -> "您的账号无权执行此操作";
            case NOT_FOUND -> "没有这个地址";
            case METHOD_NOT_ALLOWED -> "该地址不支持这种请求方法";
            case PAYLOAD_TOO_LARGE -> "提交的内容过大";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的内容类型";
            case SERVICE_UNAVAILABLE -> "服务暂不可用，请稍后重试";
            default -> chineseTitle(status);
        };
    }

    static String chineseTitle(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求有误";
            case UNAUTHORIZED -> "未登录";
            case FORBIDDEN -> "无权操作";
            case NOT_FOUND -> "未找到";
            case METHOD_NOT_ALLOWED -> "不支持的请求方法";
            case NOT_ACCEPTABLE -> "无法提供所需格式";
            case CONFLICT -> "与当前状态冲突";
            case PAYLOAD_TOO_LARGE -> "内容过大";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的内容类型";
            case UNPROCESSABLE_ENTITY -> "内容无法处理";
            case TOO_MANY_REQUESTS -> "尝试过于频繁";
            case SERVICE_UNAVAILABLE -> "服务暂不可用";
            default -> status.is5xxServerError() ? "服务器内部错误" : "请求未能完成";
        };
    }
}
