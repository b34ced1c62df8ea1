package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    @Test
    void withoutAConsoleItPrintsOneLinePerTenPercentAndStage() {
        StringWriter err = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), false);
        for (int i = 1; i <= 1000; i++) {
            p.at("clients", i, 1000);
        }
        for (int i = 1; i <= 7; i++) {
            p.at("touches", i, 7);
        }
        p.finishLine();
        String[] lines = err.toString().split("\n");
        assertThat(lines).startsWith("  clients: 0%", "  clients: 10%").contains("  clients: 100%", "  touches: 100%")
                .doesNotHaveDuplicates().noneMatch(l -> l.contains("\r"));
        assertThat(lines).filteredOn(l -> l.startsWith("  clients")).hasSize(11);
    }

    @Test
    void onAConsoleItRedrawsOneBarPerStageAndEndsItsLine() {
        StringWriter err = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), true);
        for (int i = 1; i <= 200; i++) {
            p.at("touches", i, 200);
        }
        p.at("journal", 1, 2);
        p.finishLine();
        String out = err.toString();
        assertThat(out.split("\n")).hasSize(2);
        assertThat(out).contains("\r  touches   [" + "#".repeat(40) + "] 100%").contains("\r  journal   [")
                .endsWith(" 50%\n");
        // redrawn once per percent, not per call
        assertThat(out.chars().filter(c -> c == '\r').count()).isEqualTo(101 + 1);
    }
}
