package org.rectify.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.rectify.cases.CaseHistory;
import org.rectify.cases.Cases;
import org.rectify.cases.NumberSequences;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Category;
import org.rectify.catalog.Grid;
import org.rectify.catalog.Unit;
import org.rectify.clock.BusinessClock;
import org.rectify.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues official documents (公文) on a case and lists them. A document is numbered, rendered from its template
 * and stored in the caller's transaction, so it exists exactly when the step that issued it does.
 */
@Service
public class Documents {

    static final String HISTORY_ACTION = "DOCUMENT_ISSUED";
    private static final String SYSTEM = "系统";
    /** Stands for the number in the rendered text until the number is taken at commit. */
    private static final String NUMBER_PLACEHOLDER = "\u2063DOCUMENT-NUMBER\u2063";

    private final Cases cases;
    private final CaseHistory history;
    private final NumberSequences numbers;
    private final Catalog catalog;
    private final BusinessClock clock;
    private final DocumentTemplates templates;
    private final DocumentStore store;
    private final ObjectMapper json;
    private final String campaignOffice;
    private final String disciplineOffice;

    Documents(Cases cases, CaseHistory history, NumberSequences numbers, Catalog catalog, BusinessClock clock,
            DocumentTemplates templates, DocumentStore store, ObjectMapper json,
            @Value("${rectify.documents.campaign-office:云岭高新区创建文明城市工作办公室}") String campaignOffice,
            @Value("${rectify.documents.discipline-office:中共云岭高新区纪律检查工作委员会}") String disciplineOffice) {
        this.cases = cases;
        this.history = history;
        this.numbers = numbers;
        this.catalog = catalog;
        this.clock = clock;
        this.templates = templates;
        this.store = store;
        this.json = json;
        this.campaignOffice = campaignOffice;
        this.disciplineOffice = disciplineOffice;
    }

    /**
     * Issues a document of the given type on the case: takes the next number of the type's series for this year,
     * renders the type's template with the case's facts and the {@code particulars} (the keys each type reads are
     * listed in {@code documents/README.md}), stores the text and records the step in the case's history.
     * Must run inside the caller's transaction (Propagation.MANDATORY): numbered, rendered and stored with it, or
     * not at all. The number is taken, and the document stored, just before the transaction commits (so the document
     * is listed from then on); a rollback gives the number back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void issue(long caseId, DocumentType type, Map<String, Object> particulars) {
        Objects.requireNonNull(type, "type");
        Map<String, Object> given = particulars == null ? Map.of() : particulars;
        RectificationCase c = cases.require(caseId);
        if (c.leadUnitCode() == null) {
            throw DomainException.conflict("case-not-assigned", "案件 " + c.caseNumber() + " 尚未交办责任单位，不能印发"
                    + type.chineseLabel());
        }
        Map<String, String> unitNames = catalog.unitNames(
                Stream.concat(Stream.of(c.leadUnitCode()), c.coUnitCodes().stream()).distinct().toList());
        String leadName = unitNames.getOrDefault(c.leadUnitCode(), c.leadUnitCode());
        List<String> coNames = c.coUnitCodes().stream().map(code -> unitNames.getOrDefault(code, code)).toList();
        String leaderName = catalog.unit(c.leadUnitCode()).map(Unit::leaderName).orElse(null);
        Addressing addressing = addressing(type, leadName, coNames, leaderName, given);

        OffsetDateTime now = clock.now();
        int year = now.getYear();

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("number", NUMBER_PLACEHOLDER);
        doc.put("type", type.name());
        doc.put("title", type.chineseLabel());
        doc.put("issuedDate", ChineseDates.date(now, clock.zone()));
        doc.put("addressedTo", addressing.to());
        doc.put("copiedTo", addressing.copies());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("doc", doc);
        model.put("case", caseFacts(c, leadName, coNames, leaderName));
        model.put("offices", Map.of("campaign", campaignOffice, "discipline", disciplineOffice));
        model.put("particulars", forTemplate(given));
        String rendered = templates.render(type, model);
        String particularsJson = toJson(given);

        // The series' lock is held from the number to the commit: taken last, so the step that issued the document
        // (a whole intake, a ladder step) does not run one at a time with every other step of the series.
        numbers.atCommit(type.sequenceKind(), year, sequence -> {
            String number = type.number(year, sequence);
            // Issued by the system in the campaign office's name, whoever's step caused it: a patrol whose report
            // was routed straight to a unit did not issue that unit's rectification notice.
            long id = store.insert(new DocumentStore.NewDocument(c.id(), type, year, sequence, number, now, SYSTEM,
                    addressing.to(), addressing.copies(), rendered.replace(NUMBER_PLACEHOLDER, number), particularsJson));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("documentId", id);
            details.put("type", type.name());
            details.put("number", number);
            details.put("addressedTo", addressing.to());
            details.put("copiedTo", addressing.copies());
            history.record(c.id(), now, SYSTEM, HISTORY_ACTION, "印发" + type.chineseLabel() + " " + number, details);
        });
    }

    /** The case's documents in the order they were issued. */
    public List<IssuedDocument> forCase(long caseId) {
        return store.forCase(caseId);
    }

    private record Addressing(String to, List<String> copies) {
    }

    /**
     * 主送 and 抄送: notices go to the lead unit with copies to the co-units; the supervision order goes to the lead
     * unit's head with a copy to its responsible leader (包保领导); the accountability decision goes to the lead unit
     * with copies to the campaign office and the responsible leader. {@code addressedTo} and {@code copiedTo} in the
     * particulars override this.
     */
    private Addressing addressing(DocumentType type, String leadName, List<String> coNames, String leaderName,
            Map<String, Object> given) {
        List<String> leader = leaderName == null || leaderName.isBlank() ? List.of() : List.of(leaderName + "同志（包保领导）");
        Addressing standard = switch (type) {
            case RECTIFICATION_NOTICE, URGING_NOTICE -> new Addressing(leadName, coNames);
            case SUPERVISION_ORDER -> new Addressing(leadName + "主要负责同志", concat(leader, coNames));
            case ACCOUNTABILITY_DECISION -> new Addressing(leadName, concat(List.of(campaignOffice), leader));
        };
        String to = given.get("addressedTo") instanceof String s && !s.isBlank() ? s.strip() : standard.to();
        List<String> copies = given.get("copiedTo") instanceof Collection<?> list
                ? list.stream().filter(Objects::nonNull).map(Object::toString).filter(s -> !s.isBlank()).toList()
                : standard.copies();
        return new Addressing(to, copies);
    }

    private Map<String, Object> caseFacts(RectificationCase c, String leadName, List<String> coNames, String leaderName) {
        ZoneId zone = clock.zone();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("id", c.id());
        facts.put("caseNumber", c.caseNumber());
        facts.put("title", c.title());
        facts.put("description", c.description());
        facts.put("address", c.address());
        if (c.gridCode() != null) {
            catalog.grid(c.gridCode()).map(Grid::name).ifPresent(name -> facts.put("grid", name));
        }
        facts.put("category", catalog.category(c.categoryCode()).map(Category::name).orElse(c.categoryCode()));
        facts.put("severity", c.severity().chineseLabel());
        facts.put("source", c.source().chineseLabel());
        facts.put("reportedAt", ChineseDates.dateTime(c.createdAt(), zone));
        facts.put("leadUnit", leadName);
        facts.put("coUnits", coNames);
        if (leaderName != null && !leaderName.isBlank()) {
            facts.put("leaderName", leaderName);
        }
        if (c.deadline() != null) {
            facts.put("deadline", ChineseDates.dateTime(c.deadline(), zone));
        }
        facts.put("deadlineProvisional", c.deadlineProvisional());
        facts.put("reworkCount", c.reworkCount());
        facts.put("status", c.status().chineseLabel());
        return facts;
    }

    /** The particulars as the template reads them: times already in Chinese (2026年12月1日18时), nulls left out. */
    private Map<String, Object> forTemplate(Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            if (key != null && value != null) {
                values.put(key, templateValue(value));
            }
        });
        return values;
    }

    private Object templateValue(Object value) {
        ZoneId zone = clock.zone();
        if (value instanceof OffsetDateTime at) {
            return ChineseDates.dateTime(at, zone);
        }
        if (value instanceof ZonedDateTime at) {
            return ChineseDates.dateTime(at.toOffsetDateTime(), zone);
        }
        if (value instanceof Instant at) {
            return ChineseDates.dateTime(at.atZone(zone).toOffsetDateTime(), zone);
        }
        if (value instanceof LocalDateTime at) {
            return ChineseDates.dateTime(at.atZone(zone).toOffsetDateTime(), zone);
        }
        if (value instanceof LocalDate day) {
            return ChineseDates.date(day.atStartOfDay(zone).toOffsetDateTime(), zone);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().filter(Objects::nonNull).map(this::templateValue).toList();
        }
        return value;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        second.stream().filter(s -> !all.contains(s)).forEach(all::add);
        return List.copyOf(all);
    }

    private String toJson(Map<String, Object> particulars) {
        try {
            return json.writeValueAsString(particulars);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The particulars of a document must be JSON-serialisable", e);
        }
    }
}
