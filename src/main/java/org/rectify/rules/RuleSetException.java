package org.rectify.rules;

/** The rule files cannot be used: the message names each file and line and what is wrong there. */
public class RuleSetException extends RuntimeException {

    public RuleSetException(String message) {
        super(message);
    }

    public RuleSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
