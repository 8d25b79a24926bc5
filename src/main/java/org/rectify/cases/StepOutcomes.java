package org.rectify.cases;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.rectify.shared.DomainException;

/**
 * The one vocabulary of step outcomes. The constant names are the wire values: the BPMN conditions compare them
 * ({@code ${checkOutcome == 'FILE'}}), the Tasklist forms submit them, the API and the console take them, so a
 * rename here is a rename everywhere (ProcessDiagramVocabularyTests checks the diagram against these enums).
 */
public final class StepOutcomes {

    /** What a value of the vocabulary reads as to a user. */
    public interface Labelled {
        String chineseLabel();
    }

    /** 核实立案. */
    public enum CheckOutcome implements Labelled {
        FILE("立案"), REJECT("不予立案");

        private final String label;

        CheckOutcome(String label) {
            this.label = label;
        }

        @Override
        public String chineseLabel() {
            return label;
        }
    }

    /** 签收 or 退回. */
    public enum AcceptOutcome implements Labelled {
        ACCEPT("签收"), RETURN("退回");

        private final String label;

        AcceptOutcome(String label) {
            this.label = label;
        }

        @Override
        public String chineseLabel() {
            return label;
        }
    }

    /** What the lead unit does at the fix step. */
    public enum FixOutcome implements Labelled {
        FIXED("提交整改"), EXTENSION("申请延期"), SUSPENSION("申请挂账");

        private final String label;

        FixOutcome(String label) {
            this.label = label;
        }

        @Override
        public String chineseLabel() {
            return label;
        }
    }

    /** 核查结论. */
    public enum VerificationOutcome implements Labelled {
        PASS("通过"), FAIL("不通过");

        private final String label;

        VerificationOutcome(String label) {
            this.label = label;
        }

        @Override
        public String chineseLabel() {
            return label;
        }
    }

    /** A supervisor's answer to a request (an extension, a suspension). */
    public enum Decision implements Labelled {
        APPROVE("同意"), REFUSE("不同意");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        @Override
        public String chineseLabel() {
            return label;
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
