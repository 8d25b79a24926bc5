package org.rectify.documents;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Freemarker templates of the documents: {@code classpath:/documents/*.ftlh}, HTML-escaped by default. If
 * {@code rectify.documents-dir} (environment {@code RECTIFY_DOCUMENTS_DIR}) names a folder, a template there with the
 * same file name takes precedence, so an administrator can change the wording without a new build.
 */
@Component
class DocumentTemplates {

    private static final Logger log = LoggerFactory.getLogger(DocumentTemplates.class);

    private final Configuration freemarker;

    DocumentTemplates(@Value("${rectify.documents-dir:}") String overrideDir,
            @Value("${rectify.zone-id:Asia/Shanghai}") String zoneId) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (!overrideDir.isBlank()) {
            Path dir = Path.of(overrideDir.strip());
            if (Files.isDirectory(dir)) {
                try {
                    loaders.add(new FileTemplateLoader(dir.toFile()));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the document templates in " + dir, e);
                }
                log.info("Document templates in {} take precedence over the built-in ones", dir.toAbsolutePath());
            } else {
                log.warn("rectify.documents-dir {} is not a folder; using the built-in document templates", dir);
            }
        }
        loaders.add(new ClassTemplateLoader(DocumentTemplates.class.getClassLoader(), "documents"));
        MultiTemplateLoader loader = new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
        loader.setSticky(false); // a template added to the folder later still takes precedence
        configuration.setTemplateLoader(loader);
        configuration.setTemplateUpdateDelayMilliseconds(5_000);
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setLocale(Locale.SIMPLIFIED_CHINESE);
        configuration.setTimeZone(TimeZone.getTimeZone(zoneId));
        configuration.setNumberFormat("computer");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        // Templates are edited by administrators: no access to Java classes from inside them.
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        this.freemarker = configuration;
    }

    String render(DocumentType type, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            freemarker.getTemplate(type.templateName()).process(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the document template " + type.templateName(), e);
        } catch (TemplateException e) {
            throw new IllegalStateException("The document template " + type.templateName() + " failed: "
                    + e.getMessageWithoutStackTop(), e);
        }
        return out.toString();
    }
}
