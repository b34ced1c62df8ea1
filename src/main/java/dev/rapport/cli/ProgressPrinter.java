package dev.rapport.cli;

import java.io.PrintWriter;
import java.util.Locale;

import dev.rapport.bench.BenchGenerator;

/**
 * Shows how far a long stage is on stderr: a bar redrawn in place with \r on a console, else one
 * line per 10% (a log file or CI output should not fill with redraws). Only prints when the shown
 * figure changes, since it is called for every client.
 */
final class ProgressPrinter implements BenchGenerator.Progress {
    private static final int WIDTH = 40;

    private final PrintWriter err;
    private final boolean console;
    private String stage = "";
    private int shown = -1;

    ProgressPrinter(PrintWriter err, boolean console) {
        this.err = err;
        this.console = console;
    }

    @Override
    public void at(String stage, long done, long total) {
        if (!stage.equals(this.stage)) {
            finishLine();
            this.stage = stage;
            shown = -1;
        }
        int percent = total <= 0 ? 100 : (int) (100 * done / total);
        int step = console ? percent : percent / 10 * 10;
        if (step == shown) {
            return;
        }
        shown = step;
        if (console) {
            int filled = WIDTH * percent / 100;
            err.printf(Locale.ROOT, "\r  %-9s [%s%s] %3d%%", stage, "#".repeat(filled), " ".repeat(WIDTH - filled),
                    percent);
        } else {
            err.printf(Locale.ROOT, "  %s: %d%%%n", stage, step);
        }
        err.flush();
    }

    /** Ends the bar's line, so what follows starts on a fresh one. */
    void finishLine() {
        if (console && shown >= 0) {
            err.println();
            err.flush();
        }
    }
}
