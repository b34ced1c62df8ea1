package dev.rapport.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks of the pure domain loops (attention queue, quick-entry parser). By
 * default only a token run in this JVM that proves they work (not a timed test: it asserts
 * results exist, never how fast). For figures: {@code mvn test -Dtest=JmhBenchmarksTest -Djmh=full}
 * (forked JVMs, 5 warm-up and 5 measured iterations of 1 s each).
 */
class JmhBenchmarksTest {

    @Test
    void benchmarksRunAndReportAScore() throws RunnerException {
        boolean full = "full".equals(System.getProperty("jmh"));
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("dev\\.rapport\\..*(AttentionBenchmark|QuickEntryBenchmark)")
                .shouldFailOnError(true);
        if (full) {
            options.forks(1).warmupIterations(5).warmupTime(TimeValue.seconds(1)).measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1));
        } else {
            options.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(50))
                    .param("clients", "400").verbosity(VerboseMode.SILENT);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        assertThat(results).extracting(r -> r.getParams().getBenchmark())
                .anyMatch(b -> b.endsWith("AttentionBenchmark.queue"))
                .anyMatch(b -> b.endsWith("QuickEntryBenchmark.parseADay"));
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }
}
