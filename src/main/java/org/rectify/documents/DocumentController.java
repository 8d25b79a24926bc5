package org.rectify.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.rectify.cases.CaseViews;
import org.rectify.cases.Cases;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "公文", description = "案件的整改通知书、催办通知书、督办令和问责决定书")
class DocumentController {

    /** The stored HTML is shown as it is; it may not load anything or run scripts. */
    private static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private final DocumentStore store;
    private final PdfRenderer pdf;
    private final Cases cases;
    private final CaseViews views;
    private final CurrentUsers currentUsers;

    DocumentController(DocumentStore store, PdfRenderer pdf, Cases cases, CaseViews views, CurrentUsers currentUsers) {
        this.store = store;
        this.pdf = pdf;
        this.cases = cases;
        this.views = views;
        this.currentUsers = currentUsers;
    }

    record DocumentView(long id, String type, String typeLabel, String number, OffsetDateTime issuedAt,
            String addressedTo, List<String> copiedTo, String pdfUrl, String htmlUrl) {

        static DocumentView of(IssuedDocument d) {
            return new DocumentView(d.id(), d.type().name(), d.type().chineseLabel(), d.number(), d.issuedAt(),
                    d.addressedTo(), d.copiedTo(), "/api/documents/" + d.id() + ".pdf",
                    "/api/documents/" + d.id() + ".html");
        }
    }

    @GetMapping("/api/cases/{id}/documents")
    @Operation(summary = "案件的公文列表（按印发先后），附 PDF 和 HTML 下载地址")
    List<DocumentView> list(@PathVariable long id) {
        views.requireVisible(cases.require(id), currentUsers.require());
        return store.forCase(id).stream().map(DocumentView::of).toList();
    }

    @GetMapping("/api/documents/{id}.pdf")
    @Operation(summary = "下载公文 PDF（按印发时保存的原文生成）")
    ResponseEntity<byte[]> pdf(@PathVariable long id, HttpServletResponse response) {
        DocumentStore.StoredText text = visibleText(id);
        // server.servlet.encoding.force sets UTF-8 on every response; a PDF is bytes, not text with a charset.
        response.setCharacterEncoding((String) null);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(text.number() + ".pdf", text))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(pdf.render(text.html()));
    }

    @GetMapping("/api/documents/{id}.html")
    @Operation(summary = "查看公文原文（HTML，与印发时完全一致）")
    ResponseEntity<String> html(@PathVariable long id) {
        DocumentStore.StoredText text = visibleText(id);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", HTML_POLICY)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(text.html());
    }

    private DocumentStore.StoredText visibleText(long id) {
        DocumentStore.StoredText text = store.text(id)
                .orElseThrow(() -> DomainException.notFound("document-not-found", "公文 " + id + " 不存在"));
        views.requireVisible(cases.require(text.caseId()), currentUsers.require());
        return text;
    }

    /**
     * The file name is the document number, such as 督办〔2026〕17号.pdf, given per RFC 6266 / RFC 5987 as
     * {@code filename*=UTF-8''…}, with an ASCII name for old clients.
     */
    static String attachment(String fileName, DocumentStore.StoredText text) {
        String ascii = text.type().name().toLowerCase().replace('_', '-') + "-" + text.id() + ".pdf";
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(fileName);
    }

    static String rfc5987(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
