package org.rectify.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The office hours of every working day, as ascending, non-overlapping spans (morning, afternoon). */
record OfficeHours(List<Span> spans) {

    record Span(LocalTime start, LocalTime end) {

        Duration length() {
            return Duration.between(start, end);
        }
    }

    OfficeHours {
        spans = List.copyOf(spans);
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("Office hours need at least one span");
        }
    }

    /** Parses spans such as {@code 08:30-12:00}; a wrong configuration stops the start, loudly. */
    static OfficeHours parse(String... spans) {
        List<Span> parsed = new ArrayList<>();
        for (String text : spans) {
            String[] ends = text.trim().split("-");
            Span span;
            try {
                span = ends.length == 2 ? new Span(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim())) : null;
            } catch (DateTimeParseException e) {
                span = null;
            }
            if (span == null || !span.start().isBefore(span.end())) {
                throw new IllegalArgumentException("Office hours '" + text + "' are not a span like 08:30-12:00");
            }
            if (!parsed.isEmpty() && span.start().isBefore(parsed.get(parsed.size() - 1).end())) {
                throw new IllegalArgumentException("Office hours '" + text + "' overlap or precede the span before");
            }
            parsed.add(span);
        }
        return new OfficeHours(parsed);
    }

    /** When the working day ends: a deadline in working days falls here. */
    LocalTime closing() {
        return spans.get(spans.size() - 1).end();
    }

    Duration perDay() {
        return spans.stream().map(Span::length).reduce(Duration.ZERO, Duration::plus);
    }
}
