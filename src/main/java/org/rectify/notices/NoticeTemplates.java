package org.rectify.notices;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rectify.clock.BusinessClock;
import org.rectify.shared.DomainException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices' texts: Freemarker templates in Chinese. The defaults ship in {@code src/main/resources/notices/<KIND>.ftl}
 * (first line the subject, then a blank line, then the body); the campaign office's edits are rows of
 * {@code notice_template} and win over the defaults. An edit is refused unless it renders with sample data.
 */
@Service
class NoticeTemplates {

    record Text(String subject, String body) {
    }

    record TemplateView(String kind, String label, String subject, String body, boolean edited, String updatedBy,
            OffsetDateTime updatedAt) {
    }

    private static final int MAX_PARSED = 200;
    private static final Map<NoticeKind, Text> DEFAULTS = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Template> parsedTemplates = new java.util.concurrent.ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final Configuration freemarker;

    NoticeTemplates(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.freemarker = new Configuration(Configuration.VERSION_2_3_32);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setNumberFormat("computer");
    }

    Text render(NoticeKind kind, Map<String, Object> model) {
        Text source = source(kind);
        try {
            return new Text(apply(kind + ".subject", source.subject(), model).strip(),
                    apply(kind.name(), source.body(), model).strip());
        } catch (IOException | TemplateException e) {
            // an edited template that fails on real data must not fail the step: fall back to the shipped text
            Text fallback = defaults(kind);
            try {
                return new Text(apply(kind + ".subject", fallback.subject(), model).strip(),
                        apply(kind.name(), fallback.body(), model).strip());
            } catch (IOException | TemplateException again) {
                throw new IllegalStateException("shipped notice template " + kind + " fails", again);
            }
        }
    }

    List<TemplateView> list() {
        List<TemplateView> views = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            views.add(view(kind));
        }
        return views;
    }

    TemplateView view(NoticeKind kind) {
        Optional<Edited> edited = edited(kind);
        Text text = edited.map(Edited::text).orElseGet(() -> defaults(kind));
        return new TemplateView(kind.name(), kind.chineseLabel(), text.subject(), text.body(), edited.isPresent(),
                edited.map(Edited::by).orElse(null), edited.map(Edited::at).orElse(null));
    }

    @Transactional
    TemplateView save(NoticeKind kind, String subject, String body, String actor) {
        if (subject == null || subject.isBlank() || body == null || body.isBlank()) {
            throw DomainException.invalid("template-required", "请填写通知标题 subject 和正文 body");
        }
        if (subject.length() > 200 || body.length() > 8000) {
            throw DomainException.invalid("too-long", "标题不能超过 200 个字，正文不能超过 8000 个字");
        }
        try {
            apply("check", subject, NoticeSamples.of(kind));
            apply("check", body, NoticeSamples.of(kind));
        } catch (IOException | TemplateException e) {
            throw DomainException.unprocessable("template-error", "模板无法用示例数据生成通知，请检查：" + firstLine(e.getMessage()));
        }
        jdbc.sql("""
                insert into notice_template (kind, subject, body, updated_by, updated_at) values (:kind, :subject, :body, :by, :at)
                on conflict (kind) do update set subject = excluded.subject, body = excluded.body,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("kind", kind.name()).param("subject", subject.strip()).param("body", body.strip())
                .param("by", actor).param("at", clock.now()).update();
        return view(kind);
    }

    @Transactional
    TemplateView reset(NoticeKind kind) {
        jdbc.sql("delete from notice_template where kind = :kind").param("kind", kind.name()).update();
        return view(kind);
    }

    /** A preview with sample data, for the console. */
    Text preview(NoticeKind kind) {
        return render(kind, NoticeSamples.of(kind));
    }

    private record Edited(Text text, String by, OffsetDateTime at) {
    }

    private Optional<Edited> edited(NoticeKind kind) {
        return jdbc.sql("select subject, body, updated_by, updated_at from notice_template where kind = :kind")
                .param("kind", kind.name())
                .query((rs, n) -> new Edited(new Text(rs.getString(1), rs.getString(2)), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .optional();
    }

    private Text source(NoticeKind kind) {
        return edited(kind).map(Edited::text).orElseGet(() -> defaults(kind));
    }

    static Text defaults(NoticeKind kind) {
        return DEFAULTS.computeIfAbsent(kind, NoticeTemplates::readDefaults);
    }

    private static Text readDefaults(NoticeKind kind) {
        try (InputStream in = new ClassPathResource("notices/" + kind.name() + ".ftl").getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            int split = text.indexOf("\n\n");
            return new Text(text.substring(0, split).strip(), text.substring(split + 2));
        } catch (IOException e) {
            throw new UncheckedIOException("notice template missing: notices/" + kind.name() + ".ftl", e);
        }
    }

    private String apply(String name, String source, Map<String, Object> model) throws IOException, TemplateException {
        Template template = parsed(name, source);
        StringWriter out = new StringWriter();
        template.process(model, out);
        return out.toString();
    }

    /**
     * Every case step sends a notice, and parsing its template cost more than filling it in. Parsed templates are
     * kept by their exact text, so an edit saved on any node is used at once on every node (its text is new here).
     */
    private Template parsed(String name, String source) throws IOException {
        String key = name + '\u0000' + source;
        Template template = parsedTemplates.get(key);
        if (template == null) {
            template = new Template(name, new StringReader(source), freemarker);
            if (parsedTemplates.size() >= MAX_PARSED) {
                parsedTemplates.clear(); // edits are rare; old texts are simply parsed again when used
            }
            parsedTemplates.put(key, template);
        }
        return template;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
