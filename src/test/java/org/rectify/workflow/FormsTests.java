package org.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Tasklist forms keep one source for what they share ({@code processes/forms/_shared/}): no form carries a copy
 * of a shared piece, every include resolves, and each form is complete once assembled.
 */
class FormsTests {

    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = PROCESSES.resolve("forms");
    private static final Pattern INCLUDE = Pattern.compile("@include\\s+(_shared/[\\w.-]+)");
    /** form-script.html takes the form's kind of script as a parameter: {@code kind="case.js"}. */
    private static final Pattern KIND = Pattern.compile("@include\\s+_shared/form-script\\.html\\s+kind=\"([\\w.-]+)\"");
    /** Shorter runs are ordinary (a closing brace, a blank line, one helper call). */
    private static final int COPIED_RUN = 4;
    /** The kinds of form, each with a script of its own: the case forms, the discipline office's, the tasks'. */
    static final List<String> KINDS = List.of("_shared/case.js", "_shared/discipline.js", "_shared/task.js");

    @Test
    void noFormCarriesACopyOfASharedPiece() throws IOException {
        List<String> copies = new ArrayList<>();
        for (Path piece : sharedPieces()) {
            List<String> shared = meaningfulLines(Files.readString(piece));
            for (Path form : forms()) {
                List<String> own = meaningfulLines(Files.readString(form));
                for (int i = 0; i + COPIED_RUN <= own.size(); i++) {
                    if (java.util.Collections.indexOfSubList(shared, own.subList(i, i + COPIED_RUN)) >= 0) {
                        copies.add(form.getFileName() + " repeats " + piece.getFileName() + " from \""
                                + own.get(i).strip() + "\"");
                        break;
                    }
                }
            }
        }
        assertThat(copies).as("shared script and styles live in processes/forms/_shared/ and are included, "
                + "never pasted into a form").isEmpty();
    }

    @Test
    void everyFormIncludesTheStylesAndOneKindOfScriptWhichEachIncludeTheCore() throws IOException {
        for (String kind : KINDS) {
            assertThat(includesOf(Files.readString(FORMS.resolve(kind)))).as(kind).containsExactly("_shared/core.js");
        }
        for (Path form : forms()) {
            Set<String> includes = includesOf(Files.readString(form));
            assertThat(includes).as(form.toString()).contains("_shared/style.css");
            assertThat(includes.stream().filter(KINDS::contains))
                    .as("%s includes exactly one of %s", form, KINDS).hasSize(1);
            assertThat(includes).allSatisfy(i -> assertThat(FORMS.resolve(i)).as("%s includes it", form).isRegularFile());
        }
    }

    @Test
    void anAssembledFormIsCompleteAndKeepsItsOwnFields() throws IOException {
        FormAssembler assembler = new FormAssembler(FORMS.toAbsolutePath());
        for (Path form : forms()) {
            String source = Files.readString(form);
            String assembled = assembler.assemble(form.toAbsolutePath());
            assertThat(assembled).as(form.toString()).doesNotContain("@include")
                    .contains("RF.getJson = function", ".rf .rf-hidden", "RF.guardSubmit = function");
            assertThat(camVariables(assembled)).as(form.toString()).containsAll(camVariables(source));
        }
    }

    @Test
    void theFixFormsThreePhotoFieldsComeFromOnePieceWithTheirOwnNames() throws IOException {
        String fix = new FormAssembler(FORMS.toAbsolutePath()).assemble(FORMS.resolve("fix.html").toAbsolutePath());
        assertThat(camVariables(fix)).contains("afterPhoto1", "afterPhoto2", "afterPhoto3");
        assertThat(fix).contains("for=\"rf-after-3\"", "照片 2（可选）</label>").doesNotContain("{{");
    }

    @Test
    void anIncludeFillsThePiecesPlaceholdersWithItsParameters() throws IOException {
        Path folder = Files.createTempDirectory("forms");
        Files.createDirectories(folder.resolve("_shared"));
        Files.writeString(folder.resolve("_shared/field.html"), "<input cam-variable-name=\"{{name}}\" title=\"{{title}}\">\n");
        Path form = Files.writeString(folder.resolve("form.html"), "<form>\n"
                + "  <!-- @include _shared/field.html name=\"photo1\" title=\"照片 1（可选）\" -->\n"
                + "  <!-- @include _shared/field.html name=\"photo2\" title=\"\" -->\n</form>\n");
        assertThat(new FormAssembler(folder).assemble(form)).isEqualTo("<form>\n"
                + "<input cam-variable-name=\"photo1\" title=\"照片 1（可选）\">\n"
                + "<input cam-variable-name=\"photo2\" title=\"\">\n</form>\n");
    }

    @Test
    void aPlaceholderWithoutItsParameterStopsTheDeployment() throws IOException {
        Path folder = Files.createTempDirectory("forms");
        Files.createDirectories(folder.resolve("_shared"));
        Files.writeString(folder.resolve("_shared/field.html"), "<input cam-variable-name=\"{{name}}\">\n");
        Path form = Files.writeString(folder.resolve("form.html"), "<!-- @include _shared/field.html nmae=\"photo1\" -->\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FormAssembler(folder).assemble(form))
                .hasMessageContaining("needs the parameter name");
    }

    @Test
    void anIncludeOfAMissingPieceStopsTheDeployment() throws IOException {
        Path folder = Files.createTempDirectory("forms");
        Files.createDirectories(folder.resolve("_shared"));
        Path form = Files.writeString(folder.resolve("broken.html"), "<script>\n  // @include _shared/gone.js\n</script>\n");
        FormAssembler assembler = new FormAssembler(folder);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assembler.assemble(form))
                .hasMessageContaining("_shared/gone.js");
    }

    static List<Path> forms() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            List<Path> forms = files.filter(f -> f.getFileName().toString().endsWith(".html")).sorted().toList();
            assertThat(forms).as("the Tasklist forms").hasSizeGreaterThanOrEqualTo(11);
            return forms;
        }
    }

    static Set<String> camVariables(String html) {
        Matcher m = Pattern.compile("cam-variable-name=\"([^\"]+)\"").matcher(html);
        Set<String> names = new java.util.TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<Path> sharedPieces() throws IOException {
        try (Stream<Path> files = Files.list(FORMS.resolve(FormAssembler.SHARED))) {
            return files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".css")).sorted().toList();
        }
    }

    private static Set<String> includesOf(String html) {
        Matcher m = INCLUDE.matcher(html);
        Set<String> includes = new java.util.TreeSet<>();
        while (m.find()) {
            includes.add(m.group(1));
        }
        Matcher kind = KIND.matcher(html);
        while (kind.find()) {
            includes.add(FormAssembler.SHARED + "/" + kind.group(1));
        }
        return includes;
    }

    /** Lines that say something: not blank and not only punctuation such as "});". */
    private static List<String> meaningfulLines(String text) {
        return text.lines().map(String::strip).filter(l -> l.chars().anyMatch(Character::isLetterOrDigit))
                .collect(Collectors.toList());
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
