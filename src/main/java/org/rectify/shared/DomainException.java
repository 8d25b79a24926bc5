package org.rectify.shared;

/**
 * A refusal a user reads: {@code detail} is Simplified Chinese and says what to do; {@code code} is a stable
 * English identifier that client programs can switch on; {@code kind} says what sort of refusal it is. The web
 * layer alone turns a kind into an HTTP status, so domain code never knows about HTTP.
 */
public class DomainException extends RuntimeException {

    /** What sort of refusal this is, independent of how it is delivered. */
    public enum Kind {
        /** The input does not fit. */
        INVALID,
        /** Nobody is signed in. */
        UNAUTHENTICATED,
        /** The actor may not do this. */
        FORBIDDEN,
        /** The thing named does not exist (or is not visible to the actor). */
        NOT_FOUND,
        /** The current state does not allow it (wrong step, already done, taken by someone else). */
        CONFLICT,
        /** Well-formed, but the content cannot be processed (a file that is no image, a rule set that does not compile). */
        UNPROCESSABLE,
        /** Too many attempts; try again later. */
        TOO_MANY_ATTEMPTS,
        /** A dependency (the database) is not available right now. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;

    public DomainException(Kind kind, String code, String detail) {
        super(detail);
        this.kind = kind;
        this.code = code;
    }

    public static DomainException invalid(String code, String detail) {
        return new DomainException(Kind.INVALID, code, detail);
    }

    public static DomainException notFound(String code, String detail) {
        return new DomainException(Kind.NOT_FOUND, code, detail);
    }

    public static DomainException conflict(String code, String detail) {
        return new DomainException(Kind.CONFLICT, code, detail);
    }

    public static DomainException forbidden(String code, String detail) {
        return new DomainException(Kind.FORBIDDEN, code, detail);
    }

    public static DomainException unprocessable(String code, String detail) {
        return new DomainException(Kind.UNPROCESSABLE, code, detail);
    }

    public static DomainException unauthenticated(String code, String detail) {
        return new DomainException(Kind.UNAUTHENTICATED, code, detail);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}
