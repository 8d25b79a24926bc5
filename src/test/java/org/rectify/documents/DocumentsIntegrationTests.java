package org.rectify.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectify.support.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.cases.CaseHistory;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@RectifyIntegrationTest
class DocumentsIntegrationTests {

    /** The documents of the first test as PDF and HTML, for people to look at (pdftoppm turns PDFs into pictures). */
    static final Path PREVIEW = Path.of("target", "documents-preview");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Documents documents;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseHistory history;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void everyTypeRendersToAPdfWhoseChineseTextCanBeExtractedBack() throws IOException {
        long caseId = newCase();
        String caseNumber = api.caseDetail(caseId).get("caseNumber").asText();
        Files.createDirectories(PREVIEW);

        for (DocumentType type : DocumentType.values()) {
            IssuedDocument issued = issue(caseId, type, fullParticulars(type));

            ResponseEntity<byte[]> pdf = download("admin", "/api/documents/" + issued.id() + ".pdf");
            assertThat(pdf.getStatusCode().value()).isEqualTo(200);
            assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            Files.write(PREVIEW.resolve(type.name() + ".pdf"), pdf.getBody());
            Files.writeString(PREVIEW.resolve(type.name() + ".html"), html(issued));
            try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).as(type + " as text")
                        .contains(caseNumber, issued.number(), "高新区城市管理局", type.chineseLabel(), "星河路88号")
                        .doesNotContain("#")
                        // what a reader copies or searches: 高 and 工, not the radicals ⾼ and ⼯ drawn with the same glyphs
                        .contains(type == DocumentType.ACCOUNTABILITY_DECISION ? "中共云岭高新区纪律检查工作委员会" : "云岭高新区创建文明城市工作办公室")
                        .doesNotContainPattern("[\\x{2E80}-\\x{2FDF}\\x{F900}-\\x{FAFF}]");
                assertThat(embeddedFonts(document)).as("fonts of " + type).isNotEmpty()
                        .allSatisfy(font -> assertThat(font).contains("NotoSansSC"));
                assertThat(document.getDocumentInformation().getTitle()).isEqualTo(type.chineseLabel() + " " + issued.number());
                assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            }
        }
    }

    @Test
    void eachTypeSaysWhatItsParticularsSay() {
        long caseId = newCase();

        assertThat(html(issue(caseId, DocumentType.RECTIFICATION_NOTICE, Map.of())))
                .contains("整改通知书", "<div class=\"addressee\">高新区城市管理局：</div>", "创新街道办事处配合", "抄送：创新街道办事处。",
                        "云岭高新区创建文明城市工作办公室");
        assertThat(html(issue(caseId, DocumentType.URGING_NOTICE, Map.of("overdueText", "已超过整改期限2个工作日"))))
                .contains("目前已超过整改期限2个工作日，仍未整改到位");
        // the escalation ladder's wording already says what is not done
        assertThat(html(issue(caseId, DocumentType.URGING_NOTICE,
                Map.of("overdueText", "已超过整改期限5个工作日仍未完成整改"))))
                .contains("目前已超过整改期限5个工作日仍未完成整改。现予催办（问题情况见附件）。");
        IssuedDocument order = issue(caseId, DocumentType.SUPERVISION_ORDER, Map.of("overdueWorkingDays", 3,
                "orderDeadline", OffsetDateTime.parse("2026-12-01T18:00:00+08:00")));
        assertThat(order.addressedTo()).isEqualTo("高新区城市管理局主要负责同志");
        assertThat(order.copiedTo()).startsWith("王建国同志（包保领导）");
        assertThat(html(order)).contains("已超过整改期限3个工作日", "于<strong>2026年12月1日18时前</strong>整改到位",
                "包保领导王建国同志靠前督导");
        IssuedDocument decision = issue(caseId, DocumentType.ACCOUNTABILITY_DECISION, Map.of("measure", "通报批评",
                "target", "经办人 cgj-handler", "reasons", "经调查，该单位对交办问题长期未予处置。\n督办期间仍未落实整改措施。",
                "appealWorkingDays", 15, "decidedBy", "纪工委会议"));
        assertThat(decision.copiedTo()).containsExactly("云岭高新区创建文明城市工作办公室", "王建国同志（包保领导）");
        assertThat(html(decision)).contains("中共云岭高新区纪律检查工作委员会", "经纪工委会议研究，决定对经办人 cgj-handler予以<strong>通报批评</strong>",
                "<p>督办期间仍未落实整改措施。</p>", "之日起15个工作日内");
        // an account id is kept on record but not printed as the deciding body
        assertThat(html(issue(caseId, DocumentType.ACCOUNTABILITY_DECISION, Map.of("decidedBy", "discipline"))))
                .contains("经研究，决定对高新区城市管理局予以<strong>问责</strong>").doesNotContain("discipline");
    }

    @Test
    void missingParticularsDoNotBreakAnyTemplate() {
        long caseId = newCase();
        for (DocumentType type : DocumentType.values()) {
            IssuedDocument issued = issue(caseId, type, new LinkedHashMap<>(Collections.singletonMap("measure", null)));
            assertThat(html(issued)).contains(issued.number());
            ResponseEntity<byte[]> pdf = download("admin", "/api/documents/" + issued.id() + ".pdf");
            assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        }
    }

    @Test
    void userTextIsEscapedInTheDocument() {
        ObjectNode report = api.patrolReport("STREET_VENDING", "GENERAL");
        report.put("title", "摊点<script>alert(1)</script> & 杂物");
        long caseId = api.reportCase(report).get("id").asLong();

        String html = html(issue(caseId, DocumentType.RECTIFICATION_NOTICE, Map.of()));

        assertThat(html).contains("摊点&lt;script&gt;alert(1)&lt;/script&gt; &amp; 杂物").doesNotContain("<script>");
        assertThat(download("admin", "/api/documents/" + documents.forCase(caseId).get(0).id() + ".pdf")
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void numbersArePerTypeAndYearAndNeitherRepeatNorSkipUnderConcurrency() throws Exception {
        long caseId = newCase();
        DocumentType type = DocumentType.URGING_NOTICE;
        int year = issue(caseId, type, Map.of()).issuedAt().getYear();
        int before = lastSequence(type, year);
        int threads = 8;
        int perThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Callable<List<String>> worker = () -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        transactions.executeWithoutResult(status -> documents.issue(caseId, type, Map.of("overdueText", "已到整改期限")));
                    }
                    return List.of();
                };
                results.add(pool.submit(worker));
            }
            start.countDown();
            for (Future<List<String>> result : results) {
                result.get(2, TimeUnit.MINUTES);
            }
            List<String> numbers = jdbc.sql("select number from document where case_id = :id and type = :type and sequence > :before")
                    .param("id", caseId).param("type", type.name()).param("before", before).query(String.class).list();

            assertThat(numbers).doesNotHaveDuplicates().hasSize(threads * perThread);
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(before + 1, before + threads * perThread)
                    .mapToObj(n -> "催办〔" + year + "〕" + n + "号").toList());
        } finally {
            pool.shutdownNow();
        }
        // the other types' series did not move, and every series of the year is 1..n without a hole
        for (DocumentType each : DocumentType.values()) {
            List<Integer> sequences = jdbc.sql("select sequence from document where type = :type and year = :year order by sequence")
                    .param("type", each.name()).param("year", year).query(Integer.class).list();
            assertThat(sequences).as(each.name()).isEqualTo(IntStream.rangeClosed(1, sequences.size()).boxed().toList());
        }
    }

    @Test
    void aRolledBackIssueGivesItsNumberBack() {
        long caseId = newCase();
        DocumentType type = DocumentType.SUPERVISION_ORDER;

        int year = documents.forCase(caseId).get(0).issuedAt().getYear();
        String abandoned = type.number(year, lastSequence(type, year) + 1);
        transactions.executeWithoutResult(status -> {
            documents.issue(caseId, type, Map.of("overdueWorkingDays", 2));
            status.setRollbackOnly();
        });
        IssuedDocument kept = issue(caseId, type, Map.of("overdueWorkingDays", 2));

        assertThat(kept.number()).isEqualTo(abandoned);
        assertThat(documents.forCase(caseId)).filteredOn(d -> d.type() == type).extracting(IssuedDocument::number)
                .containsExactly(abandoned);
        assertThat(history.events(caseId)).filteredOn(e -> e.summary().startsWith("印发督办令")).hasSize(1);
    }

    @Test
    void issuingNeedsTheCallersTransaction() {
        long caseId = newCase();
        int before = documents.forCase(caseId).size();

        assertThatThrownBy(() -> documents.issue(caseId, DocumentType.URGING_NOTICE, Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(documents.forCase(caseId)).hasSize(before);
    }

    @Test
    void theAssignmentIssuesTheRectificationNoticeRecordedInTheHistoryAndUnchangeable() {
        long caseId = newCase();
        IssuedDocument issued = documents.forCase(caseId).get(0);
        assertThat(issued.type()).as("issued when the case was assigned").isEqualTo(DocumentType.RECTIFICATION_NOTICE);

        CaseHistory.Event event = history.events(caseId).stream().filter(e -> e.action().equals("DOCUMENT_ISSUED"))
                .findFirst().orElseThrow();
        assertThat(event.summary()).isEqualTo("印发整改通知书 " + issued.number());
        assertThat(event.details()).containsEntry("number", issued.number())
                .containsEntry("documentId", ((Number) issued.id()).intValue());
        assertThat(api.caseDetail(caseId).get("history").toString()).contains("印发整改通知书 " + issued.number());
        assertThatThrownBy(() -> jdbc.sql("update document set html = 'forged' where id = :id").param("id", issued.id()).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void theCasesDocumentsAreListedWithTheirDownloads() {
        long caseId = newCase();
        IssuedDocument notice = documents.forCase(caseId).get(0);
        IssuedDocument order = issue(caseId, DocumentType.SUPERVISION_ORDER, Map.of("overdueWorkingDays", 1));

        ResponseEntity<JsonNode> list = api.get("cgj-handler", "/api/cases/" + caseId + "/documents");

        assertThat(list.getStatusCode().value()).isEqualTo(200);
        JsonNode items = list.getBody();
        assertThat(items).hasSize(2);
        JsonNode first = items.get(0);
        assertThat(first.get("id").asLong()).isEqualTo(notice.id());
        assertThat(first.get("type").asText()).isEqualTo("RECTIFICATION_NOTICE");
        assertThat(first.get("typeLabel").asText()).isEqualTo("整改通知书");
        assertThat(first.get("number").asText()).isEqualTo(notice.number()).matches("整改〔\\d{4}〕\\d+号");
        assertThat(OffsetDateTime.parse(first.get("issuedAt").asText()).toInstant()).isEqualTo(notice.issuedAt().toInstant());
        assertThat(first.get("addressedTo").asText()).isEqualTo("高新区城市管理局");
        assertThat(first.get("copiedTo").get(0).asText()).isEqualTo("创新街道办事处");
        assertThat(first.get("pdfUrl").asText()).isEqualTo("/api/documents/" + notice.id() + ".pdf");
        assertThat(first.get("htmlUrl").asText()).isEqualTo("/api/documents/" + notice.id() + ".html");
        assertThat(items.get(1).get("typeLabel").asText()).isEqualTo("督办令");

        ResponseEntity<byte[]> pdf = download("cxjd-handler", items.get(1).get("pdfUrl").asText());
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String disposition = pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(disposition).startsWith("attachment; filename=\"supervision-order-" + order.id() + ".pdf\"; filename*=UTF-8''");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo(order.number() + ".pdf");

        ResponseEntity<String> html = rest.withBasicAuth("cgj-handler", Api.PASSWORD)
                .exchange(first.get("htmlUrl").asText(), HttpMethod.GET, null, String.class);
        assertThat(html.getStatusCode().value()).isEqualTo(200);
        assertThat(html.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(html.getHeaders().getContentType().getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(html.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(html.getBody()).isEqualTo(storedHtml(notice.id()));
    }

    @Test
    void aHandlerOfAnotherUnitMayNotSeeTheDocuments() {
        long caseId = newCase();
        IssuedDocument notice = issue(caseId, DocumentType.RECTIFICATION_NOTICE, Map.of());

        assertProblem(api.get("jjdd-handler", "/api/cases/" + caseId + "/documents"), 403, "无权查看");
        assertProblem(api.get("jjdd-handler", "/api/documents/" + notice.id() + ".pdf"), 403, "无权查看");
        assertProblem(api.get("jjdd-handler", "/api/documents/" + notice.id() + ".html"), 403, "无权查看");
    }

    @Test
    void unknownDocumentsAndCasesAreNotFound() {
        assertProblem(api.get("admin", "/api/documents/987654321.pdf"), 404, "公文 987654321 不存在");
        assertProblem(api.get("admin", "/api/documents/987654321.html"), 404, "公文 987654321 不存在");
        assertProblem(api.get("admin", "/api/cases/987654321/documents"), 404, "不存在");
    }

    private long newCase() {
        return api.reportCase(api.patrolReport("STREET_VENDING", "GENERAL")).get("id").asLong();
    }

    /** Issues the document in a transaction of its own and reads it back once committed (numbered at commit). */
    private IssuedDocument issue(long caseId, DocumentType type, Map<String, Object> particulars) {
        transactions.executeWithoutResult(status -> documents.issue(caseId, type, particulars));
        return documents.forCase(caseId).stream().filter(d -> d.type() == type).reduce((a, b) -> b.id() > a.id() ? b : a)
                .orElseThrow();
    }

    private static Map<String, Object> fullParticulars(DocumentType type) {
        return switch (type) {
            case RECTIFICATION_NOTICE -> Map.of();
            case URGING_NOTICE -> Map.of("overdueText", "已到整改期限");
            case SUPERVISION_ORDER -> Map.of("overdueWorkingDays", 3,
                    "orderDeadline", OffsetDateTime.parse("2026-12-01T18:00:00+08:00"));
            case ACCOUNTABILITY_DECISION -> Map.of("measure", "通报批评", "target", "高新区城市管理局",
                    "reasons", "该单位对交办问题重视不够，经催办、督办后仍未采取有效整改措施，影响创建工作进度。",
                    "appealWorkingDays", 15, "decidedBy", "纪工委会议");
        };
    }

    private String html(IssuedDocument issued) {
        return storedHtml(issued.id());
    }

    private String storedHtml(long id) {
        return jdbc.sql("select html from document where id = :id").param("id", id).query(String.class).single();
    }

    private int lastSequence(DocumentType type, int year) {
        return jdbc.sql("select coalesce(max(last_value), 0) from number_sequence where kind = :kind and year = :year")
                .param("kind", type.sequenceKind()).param("year", year).query(Integer.class).single();
    }

    private ResponseEntity<byte[]> download(String user, String path) {
        return rest.withBasicAuth(user, Api.PASSWORD).exchange(path, HttpMethod.GET, null, byte[].class);
    }

    private static List<String> embeddedFonts(PDDocument document) throws IOException {
        List<String> names = new ArrayList<>();
        for (var page : document.getPages()) {
            PDResources resources = page.getResources();
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                if (font.isEmbedded()) {
                    names.add(font.getName());
                } else {
                    names.add("not embedded: " + font.getName());
                }
            }
        }
        return names;
    }
}
