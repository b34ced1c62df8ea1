package dev.rapport.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.support.TestDatabases;

/**
 * `rapport bench overload` from the packaged jar on H2 and on PostgreSQL (embedded; the drill gets its
 * URL), tiny: a server limited to 2 API requests at
 * once with a 20 ms wait, driven at twice the rate it sustained for a few seconds. It must shed the
 * excess with 503 (each with Retry-After), answer everything else 2xx, stay alive and ready, and keep
 * every acknowledged touch and no refused one. The long version: docs/reliability.md.
 */
class OverloadDrillIntegrationTest {
    private static final Pattern REQUESTS = Pattern.compile("requests: (\\d+) answered, (\\d+) failed, (\\d+) not sent");
    private static final Pattern WRITES = Pattern.compile(
            "writes: (\\d+) acknowledged, (\\d+) lost, (-?\\d+) written without an acknowledgement; database checks "
                    + "(\\w+)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theServerShedsTwiceItsSustainableRateWith503AndLosesNoAcknowledgedWrite(String kind) throws Exception {
        String jar = Path.of("target", "rapport.jar").toAbsolutePath().toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-jar", jar, "bench", "overload", "--db", kind,
                "--warmup-seconds", "2", "--probe-seconds", "3", "--seconds", "4", "--max-in-flight", "2",
                "--max-wait", "20ms", "--concurrency", "48", "--writes", "20"));
        String marker = "rapport-overload-drill";
        if (kind.equals("postgres")) {
            marker = TestDatabases.newPostgresUrl();
            command.addAll(List.of("--db-url", marker));
        }
        Path log = dir.resolve("drill.log");
        Process drill = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended;
        try {
            ended = drill.waitFor(420, TimeUnit.SECONDS);
        } finally {
            if (drill.isAlive()) {
                drill.destroy();
                drill.waitFor(60, TimeUnit.SECONDS);
            }
        }
        String output = read(log);
        System.out.println(output);
        assertThat(ended).as(output).isTrue();
        assertThat(drill.exitValue()).as(output).isZero();
        assertThat(output).contains("Overload drill PASSED").doesNotContain("problem:")
                .containsPattern("probe \\(closed loop, 8 connections, 3 s\\): [0-9.]+ req/s 2xx")
                .containsPattern("overload at 2\\.0x = [0-9.]+ req/s for 4 s, 48 connections, 20% writes")
                .contains("errors: none")
                .contains("after the overload: process alive yes, liveness 200, readiness 200, queue 200");
        Matcher requests = REQUESTS.matcher(output);
        assertThat(requests.find()).isTrue();
        long answered = Long.parseLong(requests.group(1));
        assertThat(answered).isPositive();
        assertThat(requests.group(2)).as("requests without an answer").isEqualTo("0");
        long ok = count(output, 200) + count(output, 201);
        long shed = count(output, 503);
        assertThat(ok).isPositive();
        assertThat(shed).as("the excess is shed with 503").isPositive();
        assertThat(ok + shed + count(output, 429)).as("no other status").isEqualTo(answered);
        assertThat(output).doesNotContain("without Retry-After");
        Matcher writes = WRITES.matcher(output);
        assertThat(writes.find()).as(output).isTrue();
        assertThat(Integer.parseInt(writes.group(1))).as("acknowledged").isPositive();
        assertThat(writes.group(2)).as("lost").isEqualTo("0");
        assertThat(writes.group(3)).as("written but refused").isEqualTo("0");
        assertThat(writes.group(4)).isEqualTo("passed");
        // the drill stops the server it started
        String database = marker;
        assertThat(ProcessHandle.allProcesses().filter(p -> p.isAlive() && p.info().commandLine()
                .map(c -> c.contains(jar) && c.contains(database)).orElse(false)).toList()).isEmpty();
    }

    private static long count(String out, int status) {
        Matcher m = Pattern.compile("(?m)^status " + status + ": (\\d+)$").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
