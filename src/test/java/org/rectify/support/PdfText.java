package org.rectify.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * What an official reads in a PDF, page by page, and the checks every document passes: the text equals the approved
 * text kept under {@code src/test/resources/golden/}, no page ends with a heading, no case number is broken.
 * Run with {@code -Dgolden.update=true} to write the approved texts anew after a deliberate change, then read the
 * diff before committing it.
 */
public final class PdfText {

    private static final Pattern CASE_NUMBER = Pattern.compile("ZG-\\d{4}-\\d{6}");
    /** The page footers the layouts print: "— 1 —" and "第 1 页 / 共 2 页". */
    private static final Pattern FOOTER = Pattern.compile("^(— \\d+ —|第 \\d+ 页 / 共 \\d+ 页)$");

    private PdfText() {
    }

    /** Keeps the PDF under target/pdf/ for people to look at (pdftoppm -png -r 60 …). */
    public static byte[] keep(byte[] pdf, String name) {
        try {
            Path file = Path.of("target/pdf").resolve(name + ".pdf");
            Files.createDirectories(file.getParent());
            Files.write(file, pdf);
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(normalise(stripper.getText(document)));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pages as one text, each page headed by its number, for the golden comparison. */
    public static String text(List<String> pages) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            all.append("=== 第").append(i + 1).append("页 ===\n").append(pages.get(i)).append('\n');
        }
        return all.toString();
    }

    public static void assertMatchesGolden(String text, String goldenPath) {
        Path golden = Path.of("src/test/resources/golden").resolve(goldenPath);
        try {
            if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, text, StandardCharsets.UTF_8);
            }
            assertThat(text).as("the text of %s, as approved in %s", goldenPath, golden)
                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No page but the last ends with one of the headings (its last line before the footer). */
    public static void assertNoStrandedHeading(List<String> pages, Collection<String> headings) {
        for (int i = 0; i < pages.size() - 1; i++) {
            List<String> lines = pages.get(i).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !FOOTER.matcher(l).matches()).toList();
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            assertThat(headings).as("page %d ends with a heading: %s", i + 1, last).doesNotContain(last);
        }
    }

    /** Every case number that the text holds once its lines are joined is also whole on one line. */
    public static void assertCaseNumbersUnbroken(List<String> pages) {
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            assertThat(count(page)).as("case numbers broken across lines on page %d:%n%s", i + 1, page)
                    .isEqualTo(count(page.replaceAll("\\s*\\n\\s*", "")));
        }
    }

    private static int count(String text) {
        Matcher m = CASE_NUMBER.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String normalise(String text) {
        return String.join("\n", text.replace("\r", "").lines().map(String::stripTrailing).toList()).strip();
    }
}
