package org.rectify.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders a stored document's HTML to an A4 PDF. Chinese text needs a CJK font embedded in the PDF: Noto Sans SC
 * (SIL Open Font License 1.1, which allows embedding) from the {@code com.helger.font:ph-fonts-noto-sans-sc} jar on
 * the classpath, Regular and Bold only, subset so a document carries just the glyphs it uses. The templates name
 * it as font family {@value #FONT_FAMILY}. Nothing is fetched from outside: links to other files are not followed.
 * The text of the PDF copies and searches as written (see {@link ToUnicodeRepair}).
 */
@Component
class PdfRenderer {

    static final String FONT_FAMILY = "cjk";

    private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);
    private static final String FONT_FOLDER = "fonts/ttf/NotoSansSC/";

    /** Read once on first use (about 10 MB each), then handed to every render from memory. */
    private static final class Fonts {
        static final byte[] REGULAR = read("NotoSansSC-Regular.ttf");
        static final byte[] BOLD = read("NotoSansSC-Bold.ttf");
        static final ToUnicodeRepair TEXT_REPAIR = ToUnicodeRepair.forFont(REGULAR);

        private static byte[] read(String file) {
            try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(FONT_FOLDER + file)) {
                if (in == null) {
                    throw new IllegalStateException("The CJK font " + FONT_FOLDER + file
                            + " is not on the classpath (dependency com.helger.font:ph-fonts-noto-sans-sc)");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    byte[] render(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        // Registered twice: as the family 'cjk' the templates name, and as the last fallback for any text whose
        // font-family names something else (one registration with both uses would put it in the fallback group only).
        EnumSet<FSFontUseCase> fallback = EnumSet.of(FSFontUseCase.FALLBACK_FINAL);
        builder.useFastMode()
                .withHtmlContent(html, null)
                .useFont(() -> new ByteArrayInputStream(Fonts.REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true)
                .useFont(() -> new ByteArrayInputStream(Fonts.BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true)
                .useFont(() -> new ByteArrayInputStream(Fonts.REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true, fallback)
                .useFont(() -> new ByteArrayInputStream(Fonts.BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true, fallback)
                .useExternalResourceAccessControl((uri, type) -> false,
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false,
                        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withDiagnosticConsumer(diagnostic -> {
                    if (diagnostic.getLevel().intValue() >= Level.WARNING.intValue()) {
                        log.warn("PDF rendering: {}", diagnostic.getFormattedMessage());
                    }
                })
                .withProducer("Rectify")
                .toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the document as PDF", e);
        }
        return Fonts.TEXT_REPAIR.repair(out.toByteArray());
    }
}
