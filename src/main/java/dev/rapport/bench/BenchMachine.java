package dev.rapport.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * What the machine was doing while a benchmark ran: benchmarks share it with other builds, so the
 * figures come with the load average and the CPU time this JVM spent (the database server's own
 * CPU is not in it when PostgreSQL runs as another process).
 */
final class BenchMachine {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BenchMachine() {
    }

    /** CPU seconds this JVM has used so far, or NaN where the platform does not tell. */
    static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }

    /** CPU nanoseconds of the calling thread, or -1 where not supported. */
    static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** e.g. "load average 3.42 on 2 cores". */
    static String load() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        return String.format(Locale.ROOT, "load average %s on %d cores",
                load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load), os.getAvailableProcessors());
    }
}
