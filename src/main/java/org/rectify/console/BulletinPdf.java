package org.rectify.console;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * The bulletin as an A4 PDF, from the same stored XHTML the page shows. Chinese needs an embedded CJK font:
 * Noto Sans SC (SIL OFL 1.1) from the ph-fonts-noto-sans-sc jar that the documents feature brought in, subset
 * to the glyphs used. Nothing outside the document is loaded.
 */
@Component
class BulletinPdf {

    private static final String FONT_FOLDER = "fonts/ttf/NotoSansSC/";

    private static final class Fonts {
        static final byte[] REGULAR = read("NotoSansSC-Regular.ttf");
        static final byte[] BOLD = read("NotoSansSC-Bold.ttf");

        private static byte[] read(String file) {
            try (InputStream in = BulletinPdf.class.getClassLoader().getResourceAsStream(FONT_FOLDER + file)) {
                if (in == null) {
                    throw new IllegalStateException("The CJK font " + FONT_FOLDER + file + " is not on the classpath");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode()
                .withHtmlContent(xhtml, null)
                .useFont(() -> new ByteArrayInputStream(Fonts.REGULAR), "cjk", 400, FontStyle.NORMAL, true)
                .useFont(() -> new ByteArrayInputStream(Fonts.BOLD), "cjk", 700, FontStyle.NORMAL, true)
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withProducer("Rectify")
                .toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the bulletin as PDF", e);
        }
        return out.toByteArray();
    }
}
