package org.rectify.documents;

import org.springframework.stereotype.Component;

/**
 * The documents' PDF rendering (A4, the embedded CJK font, no outside resources) for other features' own pages, e.g.
 * the evidence archive of the task list. The HTML must be well-formed XHTML and name the font family {@code cjk}.
 */
@Component
public class HtmlPdf {

    public static final String FONT_FAMILY = PdfRenderer.FONT_FAMILY;

    private final PdfRenderer renderer;

    HtmlPdf(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    /** The same rendering outside a Spring context (golden tests, tools). */
    public static HtmlPdf standalone() {
        return new HtmlPdf(new PdfRenderer());
    }

    public byte[] render(String xhtml) {
        return renderer.render(xhtml);
    }
}
