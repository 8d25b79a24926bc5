package org.rectify.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rectify.shared.Hashes;

/**
 * A released migration is history: every database that ran it keeps its checksum, and Flyway stops a node at start
 * when the file no longer matches. The pins live in {@code src/test/resources/db/released-migrations.txt}.
 */
class ReleasedMigrationsTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path PINS = Path.of("src/test/resources/db/released-migrations.txt");
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    @Test
    void noReleasedMigrationIsEditedOrDeleted() throws IOException {
        Map<String, String> pinned = pins();
        Map<String, String> present = migrations();
        List<String> problems = new ArrayList<>();
        pinned.forEach((file, hash) -> {
            if (!present.containsKey(file)) {
                problems.add(file + " was deleted or renamed");
            } else if (!present.get(file).equals(hash)) {
                problems.add(file + " was edited (pinned " + hash + ", now " + present.get(file) + ")");
            }
        });
        assertThat(problems)
                .as("released migrations changed — a change is a new migration (V<next>__…sql), never an edit "
                        + "of a released one; restore the file(s) from main")
                .isEmpty();
    }

    @Test
    void newMigrationsComeAfterEveryReleasedOne() throws IOException {
        Map<String, String> pinned = pins();
        int lastReleased = pinned.keySet().stream().mapToInt(ReleasedMigrationsTests::version).max().orElse(0);
        Map<String, String> unpinned = new TreeMap<>(migrations());
        unpinned.keySet().removeAll(pinned.keySet());
        // Not yet released, so allowed; printed so that whoever releases them can pin them.
        unpinned.forEach((file, hash) -> System.out.println("migration not yet pinned in " + PINS + ": "
                + file + " " + hash));
        assertThat(unpinned.keySet())
                .as("a new migration must have a version above the last released one (V%d), or databases that "
                        + "already ran V%d refuse it as out of order", lastReleased, lastReleased)
                .allMatch(file -> version(file) > lastReleased);
    }

    @Test
    void thePinFileHoldsTheReleasedMigrationsV1ToV20() throws IOException {
        // Guards the guard: an emptied pin file would make the first test pass on anything.
        assertThat(pins().keySet().stream().mapToInt(ReleasedMigrationsTests::version).max().orElse(0))
                .isGreaterThanOrEqualTo(20);
        assertThat(pins()).containsKeys("V1__domain.sql", "V11__duplicate_reports.sql", "V12__evaluation.sql", "V20__tasks.sql");
    }

    private static Map<String, String> pins() throws IOException {
        Map<String, String> pins = new LinkedHashMap<>();
        for (String line : Files.readAllLines(PINS, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            assertThat(parts).as("pin line '%s' is '<file> <sha256>'", line).hasSize(2);
            pins.put(parts[0], parts[1]);
        }
        return pins;
    }

    private static Map<String, String> migrations() throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> VERSIONED.matcher(f.getFileName().toString()).matches()).toList()) {
                hashes.put(file.getFileName().toString(), checksum(file));
            }
        }
        return hashes;
    }

    /** SHA-256 of the text with CRLF read as LF and without a BOM: Flyway ignores both, so must we. */
    static String checksum(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return Hashes.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int version(String file) {
        Matcher matcher = VERSIONED.matcher(file);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a versioned migration: " + file);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
