package dev.rapport.journal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** The quick-entry grammar over a day's typical lines. Run through {@code dev.rapport.jmh.JmhBenchmarksTest}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QuickEntryBenchmark {
    private static final List<Category> CATEGORIES = Category.defaults();
    private static final String[] LINES = {"30m email", "1h30m admin budget review", "1.5h errands",
        "09:00-09:45 call ACME review @acme", "15min fire printer down", "2h client visit @smith-family",
        "45m web research competitors", "10:15-10:30 mail inbox zero"};

    @Benchmark
    public void parseADay(Blackhole sink) {
        for (String line : LINES) {
            sink.consume(QuickEntry.parse(line, CATEGORIES));
        }
    }
}
