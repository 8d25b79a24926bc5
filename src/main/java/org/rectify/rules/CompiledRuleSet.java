package org.rectify.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.io.ResourceFactory;

/**
 * One immutable rule set, compiled: one KieBase per decision (the decision's DRL files and decision tables
 * together, see {@link RuleSetFiles}), so that the rules of one decision never see another decision's facts.
 * A decision takes one reference to a compiled set at its start and keeps it to the end, so it can never
 * mix two versions.
 */
final class CompiledRuleSet {

    private static final Pattern DRL_RULE = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Where a rule is written: a DRL line or a table row, for explanations and the admin pages. */
    record RuleSource(String decision, String rule, String file, String place) {
    }

    private final RuleSetFiles files;
    private final String contentHash;
    private final Map<String, KieBase> kieBasesByDecision;
    private final List<RuleSource> rules;
    private final Map<String, String> generatedDrl;

    private CompiledRuleSet(RuleSetFiles files, Map<String, KieBase> kieBases, List<RuleSource> rules,
            Map<String, String> generatedDrl) {
        this.files = files;
        this.contentHash = files.contentHash();
        this.kieBasesByDecision = Map.copyOf(kieBases);
        this.rules = List.copyOf(rules);
        this.generatedDrl = Collections.unmodifiableMap(new TreeMap<>(generatedDrl));
    }

    /** @param sources file name → DRL text (tests and older callers) */
    static CompiledRuleSet compile(SortedMap<String, String> sources) {
        return compile(RuleSetFiles.ofText(sources));
    }

    /**
     * Compiles every decision; any error in any file refuses the whole set, with every problem found (not
     * only the first) named by file and line or table row.
     */
    static CompiledRuleSet compile(RuleSetFiles files) {
        Map<String, KieBase> kieBases = new LinkedHashMap<>();
        List<RuleSetProblem> problems = new ArrayList<>();
        List<RuleSource> rules = new ArrayList<>();
        Map<String, String> generated = new LinkedHashMap<>();
        files.ruleFilesByDecision().forEach((decision, paths) -> {
            KieBase kieBase = compileDecision(files, decision, paths, problems, rules, generated);
            if (kieBase != null) {
                kieBases.put(decision, kieBase);
            }
        });
        if (!problems.isEmpty()) {
            throw new RuleSetException("规则文件有错误，未能编译：", problems);
        }
        return new CompiledRuleSet(files, kieBases, rules, generated);
    }

    private static KieBase compileDecision(RuleSetFiles files, String decision, List<String> paths,
            List<RuleSetProblem> problems, List<RuleSource> rules, Map<String, String> generated) {
        int problemsBefore = problems.size();
        Map<String, DecisionTables.Converted> tables = new LinkedHashMap<>();
        Map<String, RuleSource> byName = new LinkedHashMap<>();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (String path : paths) {
            String drl;
            List<RuleSource> fileRules = new ArrayList<>();
            if (RuleSetFiles.kindOf(path) == RuleSetFiles.Kind.DECISION_TABLE) {
                DecisionTables.Converted table = DecisionTables.convert(path, files.bytes(path));
                problems.addAll(table.problems());
                if (!table.problems().isEmpty()) {
                    continue;
                }
                tables.put(path, table);
                drl = table.drl();
                generated.put(path, drl);
                table.rowsByRule().forEach((name, row) -> fileRules.add(new RuleSource(decision, name, path, "第" + row + "行")));
            } else {
                drl = files.text(path);
                String[] lines = drl.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    Matcher rule = DRL_RULE.matcher(lines[i]);
                    if (rule.find()) {
                        fileRules.add(new RuleSource(decision, rule.group(1).replace("\\\"", "\""), path, "第" + (i + 1) + "行"));
                    }
                }
            }
            for (RuleSource rule : fileRules) {
                RuleSource earlier = byName.putIfAbsent(rule.rule(), rule);
                if (earlier != null) {
                    problems.add(new RuleSetProblem(path, rule.place(), "规则名称“" + rule.rule() + "”与 "
                            + earlier.file() + " " + earlier.place() + " 重复，同一决策内每条规则的名称必须不同"));
                }
            }
            rules.addAll(fileRules);
            builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)).setSourcePath(path),
                    ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            for (KnowledgeBuilderResult error : builder.getErrors()) {
                problems.add(locate(error, paths, tables));
            }
        }
        if (problems.size() > problemsBefore) {
            return null;
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());
        if (kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum() == 0) {
            problems.add(new RuleSetProblem(String.join("、", paths), "", "决策“" + decision + "”没有任何规则"));
            return null;
        }
        return kieBase;
    }

    private static RuleSetProblem locate(KnowledgeBuilderResult error, List<String> paths,
            Map<String, DecisionTables.Converted> tables) {
        String path = error.getResource() != null && error.getResource().getSourcePath() != null
                ? error.getResource().getSourcePath() : String.join("、", paths);
        int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : 0;
        String message = error.getMessage() == null ? "" : error.getMessage().strip().replaceAll("\\s+", " ");
        DecisionTables.Converted table = tables.get(path);
        if (table != null) {
            int row = table.rowOf(line);
            String rule = table.rowsByRule().entrySet().stream().filter(e -> e.getValue() == row)
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            return new RuleSetProblem(path, row > 0 ? "第" + row + "行" + (rule == null ? "" : "（规则“" + rule + "”）") : "",
                    "这一行生成的规则无法编译，请检查各单元格：" + message);
        }
        return new RuleSetProblem(path, line > 0 ? "第" + line + "行" : "", message);
    }

    /** Runs one decision in a short-lived session and expects exactly one decision of the given type. */
    <D> RuleOutcome<D> decide(String decision, Object facts, Class<D> decisionType) {
        List<String> fired = new ArrayList<>();
        KieSession session = kieBaseFor(decision).newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            session.insert(facts);
            session.fireAllRules();
            List<D> decisions = session.getObjects(decisionType::isInstance).stream().map(decisionType::cast).toList();
            if (decisions.size() != 1) {
                throw new RuleSetException("Decision '" + decision + "' produced " + decisions.size() + " "
                        + decisionType.getSimpleName() + " for " + facts + " (rules fired: " + fired
                        + "); the rules must yield exactly one");
            }
            return new RuleOutcome<>(decisions.get(0), fired, shortVersion());
        } finally {
            session.dispose();
        }
    }

    String version() {
        return contentHash;
    }

    String shortVersion() {
        return contentHash.substring(0, RuleSetFiles.VERSION_LENGTH);
    }

    RuleSetFiles files() {
        return files;
    }

    /** The text files (DRL, CSV) by path, as text. */
    SortedMap<String, String> sources() {
        SortedMap<String, String> texts = new TreeMap<>();
        files.asMap().keySet().stream().filter(path -> !Sheets.isWorkbook(path))
                .forEach(path -> texts.put(path, files.text(path)));
        return Collections.unmodifiableSortedMap(texts);
    }

    /** The DRL that each decision table became, by the table's path. */
    Map<String, String> generatedDrl() {
        return generatedDrl;
    }

    java.util.Set<String> decisions() {
        return kieBasesByDecision.keySet();
    }

    List<RuleSource> rules() {
        return rules;
    }

    KieBase kieBaseFor(String decision) {
        KieBase kieBase = kieBasesByDecision.get(decision);
        if (kieBase == null) {
            throw new RuleSetException("No rule file for decision '" + decision + "'; decisions present: "
                    + kieBasesByDecision.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        return kieBase;
    }
}
