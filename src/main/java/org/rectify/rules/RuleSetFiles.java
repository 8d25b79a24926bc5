package org.rectify.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.rectify.shared.Hashes;

/**
 * The files of one rule set as bytes, by their path inside the rules folder: rule files at the top
 * ({@code routing.drl}, {@code time-limits.xlsx}) and scenarios under {@code tests/}.
 *
 * <p>A decision is the group of rule files whose names start with the decision's name followed by a dot:
 * {@code time-limits.drl} and {@code time-limits.xlsx} form the decision {@code time-limits}; so would
 * {@code time-limits.rework.drl}. Scenario files are grouped the same way ({@code tests/time-limits.csv}).
 * Everything else in the folder (README.md, the lock files of Excel and LibreOffice, backups) is not part
 * of the rule set.
 *
 * <p>The content hash covers every file's path and bytes; its first 12 hex digits are the version.
 */
final class RuleSetFiles {

    static final String TESTS = "tests/";
    static final int VERSION_LENGTH = 12;
    /** Larger files are refused: a rule table or scenario list is a few kilobytes. */
    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    static final int MAX_FILES = 200;

    enum Kind {
        DRL("规则文件（DRL）"), DECISION_TABLE("决策表"), SCENARIOS("场景测试");

        private final String chineseLabel;

        Kind(String chineseLabel) {
            this.chineseLabel = chineseLabel;
        }

        String chineseLabel() {
            return chineseLabel;
        }
    }

    private final SortedMap<String, byte[]> files;
    private volatile String contentHash;

    private RuleSetFiles(SortedMap<String, byte[]> files) {
        this.files = files;
    }

    static RuleSetFiles of(Map<String, byte[]> files) {
        SortedMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, bytes) -> {
            String normalized = normalize(path);
            if (kindOf(normalized) == null) {
                throw new RuleSetException("Not a rule file: " + path, List.of(new RuleSetProblem(path, "",
                        "不是规则文件：规则目录只接受 .drl、.xlsx、.xls、.csv 文件，场景测试放在 tests/ 下")));
            }
            copy.put(normalized, bytes.clone());
        });
        return new RuleSetFiles(Collections.unmodifiableSortedMap(copy));
    }

    /** Text files, as the tests and the first version of the rule engine handled them. */
    static RuleSetFiles ofText(Map<String, String> texts) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        texts.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return of(bytes);
    }

    /** Reads the rule files and scenarios of a rules folder; other files there are left out. */
    static RuleSetFiles readFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RuleSetException("Rules folder " + folder + " does not exist (set RECTIFY_RULES_DIR)");
        }
        Map<String, byte[]> found = new TreeMap<>();
        try {
            for (Path dir : List.of(folder, folder.resolve("tests"))) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> list = Files.list(dir)) {
                    for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
                        String path = folder.relativize(file).toString().replace('\\', '/');
                        if (kindOf(path) != null) {
                            found.put(path, Files.readAllBytes(file));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules folder " + folder, e);
        }
        if (found.keySet().stream().noneMatch(path -> !path.startsWith(TESTS))) {
            throw new RuleSetException("Rules folder " + folder + " holds no rule file (.drl, .xlsx, .csv)");
        }
        return of(found);
    }

    /**
     * The files of a zip archive of the rules folder. A single top folder that holds everything (the folder
     * itself zipped, {@code rules/…}) is stripped; files that are not rule files are left out.
     */
    static RuleSetFiles fromZip(byte[] zip) {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() >= MAX_FILES) {
                    throw tooMany();
                }
                entries.put(entry.getName().replace('\\', '/'), readLimited(in, entry.getName()));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new RuleSetException("Not a zip archive", List.of(new RuleSetProblem("(zip)", "",
                    "无法读取压缩包：" + e.getMessage() + "。请上传 zip 格式（文件名请用 UTF-8 编码）")));
        }
        String prefix = commonTopFolder(entries.keySet());
        Map<String, byte[]> files = new TreeMap<>();
        entries.forEach((name, bytes) -> {
            String path = name.substring(prefix.length());
            if (kindOf(path) != null) {
                files.put(path, bytes);
            }
        });
        if (files.keySet().stream().noneMatch(path -> !path.startsWith(TESTS))) {
            throw new RuleSetException("No rule file in the archive", List.of(new RuleSetProblem("(zip)", "",
                    "压缩包中没有规则文件（.drl、.xlsx、.csv）")));
        }
        return of(files);
    }

    private static byte[] readLimited(ZipInputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new RuleSetException("File too large: " + name, List.of(new RuleSetProblem(name, "",
                    "文件超过 " + MAX_FILE_BYTES / 1024 / 1024 + " MB，规则文件不应这么大")));
        }
        return bytes;
    }

    static RuleSetException tooMany() {
        return new RuleSetException("Too many files", List.of(new RuleSetProblem("(上传)", "",
                "文件超过 " + MAX_FILES + " 个")));
    }

    private static String commonTopFolder(java.util.Set<String> names) {
        String first = names.stream().findFirst().orElse("");
        int slash = first.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String candidate = first.substring(0, slash + 1);
        if (candidate.equals(TESTS)) {
            return "";
        }
        return names.stream().allMatch(n -> n.startsWith(candidate)) ? candidate : "";
    }

    /** What the file is, or null if it is not part of a rule set. */
    static Kind kindOf(String path) {
        String name = path.startsWith(TESTS) ? path.substring(TESTS.length()) : path;
        if (name.isEmpty() || name.contains("/") || name.startsWith(".") || name.startsWith("~")
                || name.indexOf('.') <= 0) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean table = lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".csv");
        if (path.startsWith(TESTS)) {
            return table ? Kind.SCENARIOS : null;
        }
        if (lower.endsWith(".drl")) {
            return Kind.DRL;
        }
        return table ? Kind.DECISION_TABLE : null;
    }

    private static String normalize(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/") || p.startsWith("./")) {
            p = p.substring(p.startsWith("/") ? 1 : 2);
        }
        if (p.contains("..")) {
            throw new RuleSetException("Bad path " + path, List.of(new RuleSetProblem(path, "", "文件路径不能包含 ..")));
        }
        return p;
    }

    /** The decision a rule or scenario file belongs to: its name up to the first dot. */
    static String decisionOf(String path) {
        String name = path.startsWith(TESTS) ? path.substring(TESTS.length()) : path;
        return name.substring(0, name.indexOf('.'));
    }

    /** These files with some replaced or added (an upload of single files onto the active set). */
    RuleSetFiles with(Map<String, byte[]> replacements) {
        Map<String, byte[]> merged = new TreeMap<>(files);
        replacements.forEach((path, bytes) -> merged.put(normalize(path), bytes));
        return of(merged);
    }

    SortedMap<String, byte[]> asMap() {
        return files;
    }

    byte[] bytes(String path) {
        byte[] bytes = files.get(path);
        return bytes == null ? null : bytes.clone();
    }

    String text(String path) {
        return TextFiles.decode(files.get(path));
    }

    /** Rule files by decision, each decision's files sorted by path. */
    SortedMap<String, List<String>> ruleFilesByDecision() {
        SortedMap<String, List<String>> byDecision = new TreeMap<>();
        files.keySet().stream().filter(path -> kindOf(path) != Kind.SCENARIOS)
                .forEach(path -> byDecision.computeIfAbsent(decisionOf(path), d -> new ArrayList<>()).add(path));
        return byDecision;
    }

    List<String> scenarioFiles() {
        return files.keySet().stream().filter(path -> kindOf(path) == Kind.SCENARIOS).toList();
    }

    /**
     * SHA-256 over every path and its content, in path order. A workbook counts by its cells (every sheet,
     * hidden rows included, as CSV), not its bytes: saving it again in Excel, or changing a colour, is not a
     * new version. Text files count byte for byte.
     */
    String contentHash() {
        String hash = contentHash;
        if (hash == null) {
            MessageDigest digest = Hashes.sha256Digest();
            files.forEach((name, bytes) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(canonical(name, bytes));
                digest.update((byte) 0);
            });
            hash = HexFormat.of().formatHex(digest.digest());
            contentHash = hash;
        }
        return hash;
    }

    private static byte[] canonical(String path, byte[] bytes) {
        if (!Sheets.isWorkbook(path)) {
            return bytes;
        }
        try {
            StringBuilder text = new StringBuilder();
            Sheets.readAll(path, bytes).forEach((sheet, rows) -> text.append(sheet).append('\n').append(Sheets.Csv.write(rows)));
            return text.toString().getBytes(StandardCharsets.UTF_8);
        } catch (RuleSetException unreadable) {
            return bytes;
        }
    }

    String version() {
        return contentHash().substring(0, VERSION_LENGTH);
    }

    /** Same paths and byte for byte the same files (cheaper than {@link #contentHash()}, which reads workbooks). */
    boolean sameBytes(RuleSetFiles other) {
        return files.keySet().equals(other.files.keySet())
                && files.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.files.get(e.getKey())));
    }

    /** Same paths and same content as {@link #contentHash()} counts it. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RuleSetFiles that && files.keySet().equals(that.files.keySet())
                && contentHash().equals(that.contentHash());
    }

    @Override
    public int hashCode() {
        return contentHash().hashCode();
    }

    @Override
    public String toString() {
        return "RuleSetFiles" + files.keySet();
    }
}
