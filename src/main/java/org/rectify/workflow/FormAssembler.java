package org.rectify.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assembles a Tasklist form from its own file and the pieces it includes from {@code forms/_shared/}: a line
 * {@code // @include _shared/case.js} (in the script), {@code /* @include _shared/style.css *}{@code /} (in the
 * style block) or {@code <!-- @include _shared/case-head.html -->} (in the markup) is replaced by that file, whose
 * own include lines are replaced in turn. An include may pass parameters, as in
 * {@code <!-- @include _shared/photo-upload.html n="2" label="照片 2（可选）" -->}, which replace {@code {{n}}} and
 * {@code {{label}}} in that piece, so that a block a form repeats with other names is written once. Assembled
 * before deployment, so the deployed form is complete and versioned with its process: a change to a shared piece is
 * a new deployment, and running instances keep the forms they started with (a Tasklist custom script would change
 * every version's forms at once).
 */
final class FormAssembler {

    static final String SHARED = "_shared";
    private static final Pattern INCLUDE = Pattern.compile(
            "^[ \\t]*(?://|/\\*|<!--)[ \\t]*@include[ \\t]+(" + SHARED + "/[\\w.-]+)((?:[ \\t]+\\w+=\"[^\"]*\")*)"
            + "[ \\t]*(?:\\*/|-->)?[ \\t]*$");
    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    /** A shared piece may include another (case.js includes core.js); deeper nesting is a mistake. */
    private static final int MAX_DEPTH = 3;

    private final Path formsFolder;

    FormAssembler(Path formsFolder) {
        this.formsFolder = formsFolder;
    }

    /** Whether a file of the processes folder is a form that {@link #assemble} applies to. */
    static boolean isForm(Path processesFolder, Path file) {
        Path relative = processesFolder.relativize(file);
        return relative.getNameCount() == 2 && relative.getName(0).toString().equals("forms")
                && file.getFileName().toString().endsWith(".html");
    }

    /** The form as Tasklist gets it: every include line replaced by the shared file, which must exist. */
    String assemble(Path form) {
        return assemble(form, Map.of(), 0);
    }

    private String assemble(Path form, Map<String, String> parameters, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("Includes nested deeper than " + MAX_DEPTH + " at " + form);
        }
        String text = depth == 0 ? read(form) : fill(read(form), parameters, form);
        StringBuilder out = new StringBuilder(text.length() * 3);
        for (String line : text.split("\n", -1)) {
            Matcher include = INCLUDE.matcher(line);
            if (include.matches()) {
                Path piece = formsFolder.resolve(include.group(1)).normalize();
                if (!piece.startsWith(formsFolder.resolve(SHARED)) || !Files.isRegularFile(piece)) {
                    throw new IllegalStateException("Form " + form + " includes " + include.group(1)
                            + ", which is not a file in " + formsFolder.resolve(SHARED));
                }
                String shared = assemble(piece, parameters(include.group(2)), depth + 1);
                out.append(shared.endsWith("\n") ? shared.substring(0, shared.length() - 1) : shared);
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new HashMap<>();
        Matcher parameter = PARAMETER.matcher(text);
        while (parameter.find()) {
            parameters.put(parameter.group(1), parameter.group(2));
        }
        return parameters;
    }

    /** A placeholder without its parameter would reach Tasklist as text, so it stops the deployment instead. */
    private static String fill(String piece, Map<String, String> parameters, Path file) {
        Matcher placeholder = PLACEHOLDER.matcher(piece);
        StringBuilder out = new StringBuilder(piece.length());
        while (placeholder.find()) {
            String value = parameters.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException(file + " needs the parameter " + placeholder.group(1)
                        + ", which its include does not pass");
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
