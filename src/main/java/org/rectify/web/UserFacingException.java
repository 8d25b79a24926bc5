package org.rectify.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal that a user reads: {@code detail} is Simplified Chinese and says what to do. Rendered as
 * {@code application/problem+json} with the given status; {@code code} is a stable English identifier that
 * clients can switch on.
 */
public class UserFacingException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public UserFacingException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static UserFacingException badRequest(String code, String detail) {
        return new UserFacingException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static UserFacingException notFound(String code, String detail) {
        return new UserFacingException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static UserFacingException conflict(String code, String detail) {
        return new UserFacingException(HttpStatus.CONFLICT, code, detail);
    }

    public static UserFacingException forbidden(String code, String detail) {
        return new UserFacingException(HttpStatus.FORBIDDEN, code, detail);
    }

    public static UserFacingException unprocessable(String code, String detail) {
        return new UserFacingException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}
