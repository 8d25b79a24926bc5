package org.rectify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table is owned by one module (src/test/resources/modules/table-owners.txt); another module reading it by SQL
 * must be a listed exception with its reason (cross-module-reads.txt), the console being the declared read model.
 *
 * <p>How it fails: add to, say, {@code rules/WhatIf.java} a query {@code "select ... from rectification_case"} and
 * {@link #noModuleReadsAnotherModulesTableUnlessListed} names it — {@code rules reads rectification_case (owned by
 * cases) in WhatIf.java} — until the rules go through the cases module's API ({@code rules.OpenCases}, answered by
 * cases) instead.
 */
class TableOwnershipTests {

    private static final Path SOURCES = Path.of("src/main/java/org/rectify");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE_IN_SQL = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

    @Test
    void everyTableAMigrationCreatesHasOneOwningModule() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(owners().keySet()).as("tables in table-owners.txt").containsAll(created);
        assertThat(created).as("tables the migrations create").containsAll(owners().keySet());
    }

    @Test
    void noModuleReadsAnotherModulesTableUnlessListed() throws IOException {
        Map<String, String> owners = owners();
        Map<String, String> found = crossModuleReads(owners);
        Map<String, String> allowed = allowedReads();
        List<String> unlisted = found.entrySet().stream().filter(e -> !allowed.containsKey(e.getKey()))
                .map(e -> e.getKey().replace(" ", " reads ") + " (owned by " + owners.get(e.getKey().split(" ")[1])
                        + ") in " + e.getValue())
                .toList();
        assertThat(unlisted).as("cross-module table reads: go through the owning module's Java API or events").isEmpty();
        assertThat(allowed.keySet().stream().filter(k -> !found.containsKey(k)).toList())
                .as("lines of cross-module-reads.txt that no code needs any more: remove them").isEmpty();
    }

    /** "reader table" → the files where a module reads a table another module owns. */
    static Map<String, String> crossModuleReads(Map<String, String> owners) throws IOException {
        Map<String, Set<String>> reads = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                if (SOURCES.relativize(file).getNameCount() < 2) {
                    continue;
                }
                Matcher string = STRING.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (string.find()) {
                    String text = string.group(1) != null ? string.group(1) : string.group(2);
                    Matcher table = TABLE_IN_SQL.matcher(text);
                    while (table.find()) {
                        String name = table.group(1).toLowerCase();
                        String owner = owners.get(name);
                        if (owner != null && !owner.equals(module)) {
                            reads.computeIfAbsent(module + " " + name, k -> new TreeSet<>()).add(file.getFileName().toString());
                        }
                    }
                }
            }
        }
        return reads.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.join(", ", e.getValue()),
                (a, b) -> a, TreeMap::new));
    }

    static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String[] line : lines("table-owners.txt")) {
            assertThat(owners.put(line[0], line[1])).as("table %s has one owner", line[0]).isNull();
        }
        return owners;
    }

    private static Map<String, String> allowedReads() throws IOException {
        Map<String, String> allowed = new LinkedHashMap<>();
        for (String[] line : lines("cross-module-reads.txt")) {
            assertThat(line.length).as("'%s' gives a reason", String.join(" ", line)).isGreaterThan(2);
            allowed.put(line[0] + " " + line[1], String.join(" ", List.of(line).subList(2, line.length)));
        }
        return allowed;
    }

    private static List<String[]> lines(String name) throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/modules").resolve(name), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s+")).toList();
    }
}
