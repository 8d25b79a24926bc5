package org.rectify.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rectify.support.FreePorts;
import org.springframework.util.FileSystemUtils;

/**
 * The README's fast start for production nodes: {@code deploy/class-data-archive.sh} on the jar this build packaged
 * (failsafe runs after {@code package}), then a node started from the extracted jar with the archive. {@code
 * -Xshare:on} makes the JVM refuse to start unless it can map the archive, and the class-loading log shows that the
 * application's own classes come from it, not from the jar.
 */
class ClassDataArchiveSeparateStartTests {

    @Test
    void aNodeStartsFromTheArchiveAndServesTheApi() throws Exception {
        Path jar;
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            jar = built.filter(p -> p.getFileName().toString().matches("rectify-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no packaged jar in target/: run ./mvnw verify, not test"));
        }
        Path deploy = Files.createTempDirectory("rectify-cds");
        Path scriptLog = Files.createTempFile("rectify-cds", ".log");
        Process script = new ProcessBuilder("bash", "deploy/class-data-archive.sh", jar.toString(), deploy.toString())
                .redirectErrorStream(true).redirectOutput(scriptLog.toFile()).start();
        assertThat(script.waitFor(10, TimeUnit.MINUTES)).as("the script finished").isTrue();
        assertThat(script.exitValue()).as("script log: " + Files.readString(scriptLog)).isZero();
        Files.delete(scriptLog);
        Path archive = deploy.resolve("rectify.jsa");
        assertThat(archive).isNotEmptyFile();

        int port = FreePorts.any();
        Path data = Files.createTempDirectory("rectify-cds-data");
        Path classLog = deploy.resolve("class-load.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process node = new ProcessBuilder(java, "-Xmx512m", "-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info:file=" + classLog, "-jar", deploy.resolve(jar.getFileName()).toString(),
                "--spring.profiles.active=demo", "--server.port=" + port, "--rectify.data-dir=" + data)
                .redirectErrorStream(true).redirectOutput(deploy.resolve("node.log").toFile())
                .directory(Path.of("").toAbsolutePath().toFile()).start();
        try {
            awaitReady(port, node, deploy.resolve("node.log"));
            HttpResponse<String> categories = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/catalog/categories"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("patrol:demo".getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(categories.statusCode()).isEqualTo(200);
            assertThat(categories.body()).contains("占道经营");

            List<String> ownClasses = Files.readAllLines(classLog).stream().filter(l -> l.contains(" org.rectify.intake.Intake ")).toList();
            assertThat(ownClasses).as("the intake class is loaded once").hasSize(1);
            assertThat(ownClasses.get(0)).as("and from the archive").contains("shared objects file");
        } finally {
            node.destroy();
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        // about 300 MB of archive and extracted jars: kept only when the test failed, to look into
        FileSystemUtils.deleteRecursively(deploy);
        FileSystemUtils.deleteRecursively(data);
    }

    private static void awaitReady(int port, Process node, Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < until) {
            assertThat(node.isAlive()).as("the node is running; its log: " + tail(log)).isTrue();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within 5 minutes; log: " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.substring(Math.max(0, text.length() - 3000));
    }
}
