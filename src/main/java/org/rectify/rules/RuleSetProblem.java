package org.rectify.rules;

/**
 * One thing wrong with a rule set, where it is: {@code file} is the path inside the rules folder
 * ({@code time-limits.xlsx}, {@code tests/routing.csv}), {@code place} a line, a table row or a cell in the
 * words the editor's program shows ({@code 第14行}, {@code 单元格 C11}), empty if the whole file is meant.
 */
public record RuleSetProblem(String file, String place, String message) {

    public RuleSetProblem {
        place = place == null ? "" : place;
    }

    /** {@code time-limits.xlsx 第14行：…} */
    public String describe() {
        return file + (place.isEmpty() ? "" : " " + place) + "：" + message;
    }
}
