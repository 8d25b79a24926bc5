package org.rectify.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rectify.shared.DomainException;

/**
 * The one vocabulary of step outcomes. The constant names are the wire values: the BPMN conditions compare them
 * ({@code ${checkOutcome == 'FILE'}}), the Tasklist forms submit them, the API and the console take them, so a
 * rename here is a rename everywhere (ProcessDiagramVocabularyTests checks the diagram against these enums).
 */
public final class StepOutcomes {

    /** What a value of the vocabulary reads as to a user (the labels are in one table below). */
    public interface Labelled {
        default String chineseLabel() {
            return LABELS.get(this);
        }
    }

    /** 核实立案. */
    public enum CheckOutcome implements Labelled { FILE, REJECT }

    /** 签收 or 退回. */
    public enum AcceptOutcome implements Labelled { ACCEPT, RETURN }

    /** What the lead unit does at the fix step. */
    public enum FixOutcome implements Labelled { FIXED, EXTENSION, SUSPENSION }

    /** 核查结论. */
    public enum VerificationOutcome implements Labelled { PASS, FAIL }

    /** A supervisor's answer to a request (an extension, a suspension). */
    public enum Decision implements Labelled { APPROVE, REFUSE }

    // One table rather than a label field and constructor repeated in every enum; every constant's label is checked
    // when the class loads: a constant without a label fails the start, not a page.
    private static final Map<Labelled, String> LABELS = Map.ofEntries(
            Map.entry(CheckOutcome.FILE, "立案"), Map.entry(CheckOutcome.REJECT, "不予立案"),
            Map.entry(AcceptOutcome.ACCEPT, "签收"), Map.entry(AcceptOutcome.RETURN, "退回"),
            Map.entry(FixOutcome.FIXED, "提交整改"), Map.entry(FixOutcome.EXTENSION, "申请延期"),
            Map.entry(FixOutcome.SUSPENSION, "申请挂账"),
            Map.entry(VerificationOutcome.PASS, "通过"), Map.entry(VerificationOutcome.FAIL, "不通过"),
            Map.entry(Decision.APPROVE, "同意"), Map.entry(Decision.REFUSE, "不同意"));

    static {
        for (Class<? extends Labelled> type : List.of(CheckOutcome.class, AcceptOutcome.class, FixOutcome.class,
                VerificationOutcome.class, Decision.class)) {
            for (Labelled constant : type.getEnumConstants()) {
                if (!LABELS.containsKey(constant)) {
                    throw new IllegalStateException("no Chinese label for " + type.getSimpleName() + "." + constant);
                }
            }
        }
    }

    private StepOutcomes() {
    }

    /**
     * The value as a constant of {@code type}, or a refusal that lists the choices: "请选择核查结论：PASS（通过）或 FAIL（不通过）".
     *
     * @param what what is being chosen, e.g. 核查结论; empty for a plain "请选择："
     */
    public static <E extends Enum<E> & Labelled> E parse(Class<E> type, Object value, String code, String what) {
        if (value != null) {
            String text = value.toString().strip();
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
        }
        throw DomainException.invalid(code, "请选择" + what + "：" + choices(type));
    }

    /** "A（甲）、B（乙）或 C（丙）". */
    public static <E extends Enum<E> & Labelled> String choices(Class<E> type) {
        String[] each = Arrays.stream(type.getEnumConstants()).map(c -> c.name() + "（" + c.chineseLabel() + "）")
                .toArray(String[]::new);
        if (each.length == 1) {
            return each[0];
        }
        return Arrays.stream(each, 0, each.length - 1).collect(Collectors.joining("、")) + "或 " + each[each.length - 1];
    }
}
