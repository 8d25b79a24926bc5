package org.rectify.rules;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Enum values by the Chinese words users read ({@code chineseLabel()}: 一般, 工作日, 省级检查, 通报批评) or by
 * their code name (GENERAL). A few enums without labels get theirs here.
 */
final class Labels {

    private static final Map<Class<?>, Map<String, Enum<?>>> BY_WORD = new ConcurrentHashMap<>();
    private static final Map<Enum<?>, String> EXTRA = Map.of(
            TimeLimitFacts.Stage.ASSIGNMENT, "首次交办",
            TimeLimitFacts.Stage.REWORK, "返工");

    private Labels() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String word) {
        Enum<?> value = words(type).get(word.strip());
        if (value == null) {
            throw new IllegalArgumentException("“" + word + "”不是可用的值，可填：" + labels(type));
        }
        return type.cast(value);
    }

    static boolean isLabelOf(Class<? extends Enum<?>> type, String word) {
        return words(type).containsKey(word.strip());
    }

    /** The Chinese words of an enum's values, in order: {@code 一般、较重、紧急}. */
    static String labels(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labels::label).collect(Collectors.joining("、"));
    }

    /** The word users read for a value: its Chinese label if it has one, else its name. */
    static String label(Enum<?> value) {
        String extra = EXTRA.get(value);
        if (extra != null) {
            return extra;
        }
        try {
            Method method = value.getClass().getMethod("chineseLabel");
            return (String) method.invoke(value);
        } catch (ReflectiveOperationException noLabel) {
            return value.name();
        }
    }

    private static Map<String, Enum<?>> words(Class<?> type) {
        return BY_WORD.computeIfAbsent(type, t -> {
            Map<String, Enum<?>> words = new java.util.HashMap<>();
            for (Object constant : t.getEnumConstants()) {
                Enum<?> value = (Enum<?>) constant;
                words.put(value.name(), value);
                words.put(label(value), value);
            }
            return Map.copyOf(words);
        });
    }
}
