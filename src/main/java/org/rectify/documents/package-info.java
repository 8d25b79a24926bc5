/**
 * Official documents (公文) issued on a case: the rectification notice (整改通知书) when a case is assigned, the
 * urging notice (催办通知书), the supervision order (督办令) and the accountability decision (问责决定书).
 *
 * <p>Other modules use only {@link org.rectify.documents.Documents}, {@link org.rectify.documents.DocumentType} and
 * {@link org.rectify.documents.IssuedDocument}. Each document gets a gap-free number per type and year, is rendered
 * from a Freemarker template in {@code src/main/resources/documents/} (see the README there) and stored as the exact
 * HTML the unit received; PDFs are rendered from that stored HTML on request, with an embedded CJK font (Noto Sans SC,
 * SIL Open Font License 1.1) that ships with the build.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cases", "catalog", "clock", "discipline", "escalation", "security", "shared"})
package org.rectify.documents;
