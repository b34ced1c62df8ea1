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
 * `rapport bench crash` from the packaged jar, as an operator runs it: a few short kill -9 rounds on
 * H2 and on PostgreSQL (embedded; the drill gets its URL). Every round must have acknowledged
 * writes, lost none, found the database consistent, and seen the server die of SIGKILL. Longer:
 * -Dcrash.rounds=20 -Dcrash.seconds=4 (the figures in docs/reliability.md).
 */
class CrashDrillIntegrationTest {
    private static final Pattern ROUND = Pattern.compile(
            "(?m)^(\\d+) +(\\d+) +(\\d+) +(\\d) +([0-9.]+) +([0-9.]+) +(-?\\d+)$");
    private static final Pattern TOTAL = Pattern.compile(
            "total: rounds (\\d+), writes acknowledged (\\d+), writes lost (\\d+), corrupt=(\\d)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyAcknowledgedWriteSurvivesKillNine(String kind) throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 2);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-jar", Path.of("target", "rapport.jar").toAbsolutePath()
                .toString(), "bench", "crash", "--db", kind, "--rounds", String.valueOf(rounds),
                "--seconds-per-round", System.getProperty("crash.seconds", "2"), "--seed",
                System.getProperty("crash.seed", "7")));
        String jar = Path.of("target", "rapport.jar").toAbsolutePath().toString();
        String marker = "rapport-crash-drill";
        if (kind.equals("postgres")) {
            marker = TestDatabases.newPostgresUrl();
            command.addAll(List.of("--db-url", marker));
        }
        Path log = dir.resolve("drill.log");
        Process drill = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended;
        try {
            ended = drill.waitFor(rounds * 90L + 120, TimeUnit.SECONDS);
        } finally {
            if (drill.isAlive()) {
                // its shutdown hook kills the server it started
                drill.destroy();
                drill.waitFor(60, TimeUnit.SECONDS);
            }
        }
        String output = read(log);
        System.out.println(output);
        assertThat(ended).as(output).isTrue();
        assertThat(drill.exitValue()).as(output).isZero();

        Matcher m = ROUND.matcher(output);
        int seen = 0;
        while (m.find()) {
            seen++;
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(seen);
            assertThat(Integer.parseInt(m.group(2))).as("acknowledged in round " + seen).isPositive();
            assertThat(Integer.parseInt(m.group(3))).as("lost in round " + seen).isZero();
            assertThat(m.group(4)).as("corrupt in round " + seen).isEqualTo("0");
            assertThat(Integer.parseInt(m.group(7))).as("SIGKILL exit status").isEqualTo(137);
        }
        assertThat(seen).as(output).isEqualTo(rounds);
        Matcher total = TOTAL.matcher(output);
        assertThat(total.find()).as(output).isTrue();
        assertThat(Integer.parseInt(total.group(1))).isEqualTo(rounds);
        assertThat(Integer.parseInt(total.group(2))).isGreaterThanOrEqualTo(rounds);
        assertThat(total.group(3)).isEqualTo("0");
        assertThat(total.group(4)).isEqualTo("0");
        assertThat(output).contains("restart after the last kill OK");
        // the drill cleans up after itself: no server of this jar left on its database
        String database = marker;
        assertThat(ProcessHandle.allProcesses().filter(p -> p.isAlive() && p.info().commandLine()
                .map(c -> c.contains(jar) && c.contains(database)).orElse(false)).toList()).isEmpty();
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
