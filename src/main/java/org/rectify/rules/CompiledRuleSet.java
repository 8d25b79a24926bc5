package org.rectify.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import java.util.UUID;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;

/**
 * One immutable rule set, compiled: one KieBase per decision (the decision's DRL files and decision tables
 * together, see {@link RuleSetFiles}), so that the rules of one decision never see another decision's facts.
 * A decision takes one reference to a compiled set at its start and keeps it to the end, so it can never
 * mix two versions.
 */
final class CompiledRuleSet {

    /** Where a KieFileSystem expects rule resources; our paths are written below it and read back from messages. */
    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern DRL_PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
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
        // Only kie-api (public) types: a KieFileSystem per decision, built, and its KieBase taken from a container.
        KieServices kie = KieServices.Factory.get();
        KieFileSystem fileSystem = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("org.rectify.rules", decision + "-" + UUID.randomUUID(), "1");
        fileSystem.generateAndWritePomXML(releaseId);
        Map<String, String> pathsWritten = new LinkedHashMap<>();
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
            // a table's generated DRL is written as DRL: the builder picks the resource type by the file name
            // in the folder of its package, as the builder advises for every file that does not
            String written = RESOURCES + packageFolder(drl) + Path.of(path).getFileName()
                    + (path.endsWith(".drl") ? "" : ".drl");
            if (pathsWritten.containsKey(written)) {
                written = RESOURCES + path + (path.endsWith(".drl") ? "" : ".drl");
            }
            // messages name the file with or without the resources folder, depending on the builder's stage
            pathsWritten.put(written, path);
            pathsWritten.put(written.substring(RESOURCES.length()), path);
            fileSystem.write(written, kie.getResources().newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8))
                    .setResourceType(ResourceType.DRL).setSourcePath(written));
        }
        if (problems.size() > problemsBefore) {
            return null;
        }
        KieBuilder builder = kie.newKieBuilder(fileSystem).buildAll();
        for (Message error : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(locate(error, pathsWritten, paths, tables));
        }
        if (problems.size() > problemsBefore) {
            kie.getRepository().removeKieModule(releaseId);
            return null;
        }
        KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
        // the container holds the module; the repository need not keep one per compiled rule set
        kie.getRepository().removeKieModule(releaseId);
        if (kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum() == 0) {
            problems.add(new RuleSetProblem(String.join("、", paths), "", "决策“" + decision + "”没有任何规则"));
            return null;
        }
        return kieBase;
    }

    private static String packageFolder(String drl) {
        Matcher declared = DRL_PACKAGE.matcher(drl);
        return declared.find() ? declared.group(1).replace('.', '/') + "/" : "";
    }

    private static RuleSetProblem locate(Message error, Map<String, String> pathsWritten, List<String> paths,
            Map<String, DecisionTables.Converted> tables) {
        String path = error.getPath() != null && pathsWritten.containsKey(error.getPath())
                ? pathsWritten.get(error.getPath()) : String.join("、", paths);
        int line = Math.max(error.getLine(), 0);
        String message = error.getText() == null ? "" : error.getText().strip().replaceAll("\\s+", " ");
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
