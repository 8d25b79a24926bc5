package org.rectify.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.rectify.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of the API is {@code application/problem+json} with a Chinese title and a detail that tells
 * the user what to do; the English {@code code} is for client programs.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> userFacing(DomainException e) {
        return problem(Problems.statusOf(e), e.code(), e.detail());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "您的账号无权执行此操作");
    }

    static final String NUL_DETAIL = "内容中含有不允许的控制字符（如空字符 \\u0000），请删除后重新提交";

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "上传的文件过大");
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-multipart",
                "上传内容不是有效的 multipart/form-data（缺少 boundary 或格式损坏），请重新选择文件上传");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream().map(v -> v.getMessage()).sorted()
                .collect(Collectors.joining("；"));
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", detail);
    }

    /** A refusal raised inside the process engine (a task listener that checks a Tasklist form) keeps its message. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException userFacing) {
                return userFacing(userFacing);
            }
        }
        if (Outages.databaseUnavailable(e)) {
            log.warn("Database unavailable: {}", e.toString());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, Outages.CODE, Outages.DETAIL);
        }
        if (Outages.refusedCharacter(e)) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-character", NUL_DETAIL);
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "服务器内部错误，操作未生效。请稍后重试；如仍失败，请联系系统管理员");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        ProblemDetail problem = Problems.of(status, codeFor(e, status), chineseDetail(e, status));
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, code, detail));
    }

    private static String codeFor(Exception e, HttpStatus status) {
        if (e instanceof MethodArgumentNotValidException || e instanceof HandlerMethodValidationException) {
            return "invalid-input";
        }
        if (e instanceof HttpMessageNotReadableException) {
            return "malformed-body";
        }
        return Problems.codeOf(status);
    }

    private static String chineseDetail(Exception e, HttpStatus status) {
        if (e instanceof MethodArgumentNotValidException invalid) {
            return invalid.getBindingResult().getAllErrors().stream()
                    .map(ApiExceptionHandler::message).sorted().collect(Collectors.joining("；"));
        }
        if (e instanceof HandlerMethodValidationException invalid) {
            return invalid.getAllErrors().stream().map(ApiExceptionHandler::message).sorted()
                    .collect(Collectors.joining("；"));
        }
        if (e instanceof HttpMessageNotReadableException unreadable) {
            return unreadableDetail(unreadable);
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            return "不支持的内容类型 " + unsupported.getContentType() + "，请以 application/json 提交";
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            return "该地址不支持 " + method.getMethod() + " 请求";
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return "缺少参数 " + missing.getParameterName();
        }
        if (e instanceof MissingRequestHeaderException missing) {
            return "缺少请求头 " + missing.getHeaderName();
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return "参数 " + mismatch.getName() + " 的值“" + mismatch.getValue() + "”格式不正确";
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return "上传的文件过大";
        }
        if (e instanceof NoResourceFoundException) {
            return "没有这个地址";
        }
        return Problems.chineseTitle(status);
    }

    /**
     * A constraint's message; one without a message of its own gets the Chinese default (ValidationMessages), which
     * cannot name the field, so the field is named here.
     */
    private static String message(org.springframework.context.MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        if (error instanceof org.springframework.validation.FieldError field && field.contains(jakarta.validation.ConstraintViolation.class)
                && field.unwrap(jakarta.validation.ConstraintViolation.class).getMessageTemplate().startsWith("{jakarta.validation")) {
            return "字段“" + field.getField() + "”" + message;
        }
        return message;
    }

    private static String unreadableDetail(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof NulCharacters.Refused) {
                return NUL_DETAIL;
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "请求中有无法识别的字段“" + unknown.getPropertyName() + "”，请检查字段名";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return "字段“" + path(invalid) + "”的值“" + invalid.getValue() + "”无效"
                    + (invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "，可选值：" + java.util.Arrays.stream(invalid.getTargetType().getEnumConstants())
                            .map(Object::toString).collect(Collectors.joining("、"))
                    : "");
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return "字段“" + path(mismatched) + "”的类型不正确";
        }
        return "请求体不是有效的 JSON，或为空，请检查后重新提交";
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
