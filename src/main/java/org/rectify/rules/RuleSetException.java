package org.rectify.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rule files cannot be used: the message names each file and line (or table row) and what is wrong
 * there; {@link #problems()} holds the same as data for the admin endpoints.
 */
public class RuleSetException extends RuntimeException {

    private final List<RuleSetProblem> problems;

    public RuleSetException(String message) {
        super(message);
        this.problems = List.of();
    }

    public RuleSetException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    public RuleSetException(String summary, List<RuleSetProblem> problems) {
        super(summary + problems.stream().map(p -> "\n  " + p.describe()).collect(Collectors.joining()));
        this.problems = List.copyOf(problems);
    }

    public List<RuleSetProblem> problems() {
        return problems;
    }
}
