package dev.rapport.process;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast-start launcher that `mvn package` builds (target/rapport): it starts the same program, with
 * the class-data archive and the bean plan (Spring AOT) made at build time. `-Xshare:on` makes Java refuse to start when the
 * archive cannot be used, so a start here proves the archive matches the jar and this Java.
 */
class LauncherIntegrationTest {
    private static final Path LAUNCHER = Path.of("target", "rapport").toAbsolutePath();
    private static final Pattern RUNNING = Pattern.compile("Rapport is running at (http://localhost:\\d+)");

    @TempDir
    Path dir;

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("RAPPORT_JAVA_OPTS", "-Xshare:on");
        pb.environment().put("RAPPORT_CONFIG_DIR", dir.resolve("cli").toString());
        pb.environment().remove("RAPPORT_DB_URL");
        return pb.start();
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void runsTheCommandLineWithTheArchive() throws Exception {
        assertThat(Files.isExecutable(LAUNCHER)).as("built by mvn package").isTrue();
        Process version = start("--version");
        assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(version.exitValue()).as(output()).isZero();
        assertThat(output()).contains("Rapport 0.1").doesNotContain("shared archive");
    }

    @Test
    void startsTheServerWithTheArchive() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("data/rapport");
        Process server = start("--port", "0", "--db-url", db);
        try {
            String url = waitForUrl(server);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url + "/actuator/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("UP");
            assertThat(output()).contains("Starting with the build-time bean plan");
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    private String waitForUrl(Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher m = RUNNING.matcher(output());
            if (m.find()) {
                return m.group(1);
            }
            assertThat(server.isAlive()).as(output()).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("never started:\n" + output());
    }
}
