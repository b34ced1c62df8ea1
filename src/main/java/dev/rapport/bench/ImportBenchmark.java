package dev.rapport.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;

import dev.rapport.exchange.ContactImportService;
import dev.rapport.exchange.ImportOptions;
import dev.rapport.exchange.ImportReport;
import dev.rapport.shared.TeamId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Role;

/**
 * Generates a vCard file of realistic contacts, imports it into a new team (every contact new), then
 * imports it again (every contact unchanged), and prints contacts per second and the peak heap
 * sampled while importing, and contacts per CPU-second of the process (a fairer figure on a busy
 * machine: wall-clock rates fall when other processes take the cores). Target: 100k contacts at 5,000/s or more with the heap under 512 MB.
 */
@Component
public class ImportBenchmark {
    private static final String[] GIVEN = {"Ada", "Grace", "Alan", "Katherine", "Dorothy", "Jürgen", "Françoise",
        "Søren", "Анна", "Дмитрий", "太郎", "花子", "Mary", "John", "Wei", "Fatima", "Olusegun", "Priya"};
    private static final String[] FAMILY = {"Lovelace", "Hopper", "Turing", "Johnson", "Vaughan", "Müller", "Dupont",
        "Kierkegaard", "Каренина", "Иванов", "山田", "佐藤", "Smith", "Jones", "Zhang", "Khan", "Adeyemi", "Patel"};
    private static final String[] ORGS = {"Analytical Engines Ltd", "Großhandel Müller GmbH", "Contoso", "Fabrikam",
        "株式会社サンプル", "ООО Ромашка", "Northwind Traders", "Acme Realty"};

    private final ContactImportService imports;
    private final AccountService accounts;
    private final Clock clock;

    ImportBenchmark(ContactImportService imports, AccountService accounts, Clock clock) {
        this.imports = imports;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record Options(int contacts, long seed) {
    }

    public void run(Options o, PrintWriter out) {
        Path file = null;
        try {
            file = Files.createTempFile("rapport-bench-", ".vcf");
            long g = System.nanoTime();
            long bytes = generate(file, o.contacts(), new Random(o.seed()));
            out.printf(Locale.ROOT, "Generated %,d vCards (%,.1f MB) in %.1f s%n", o.contacts(), bytes / 1e6,
                    (System.nanoTime() - g) / 1e9);
            TeamId team = accounts.createTeam("Import bench " + clock.instant(), "Europe/Amsterdam");
            String email = "import-" + clock.millis() + "-" + System.nanoTime() + "@bench.local";
            accounts.createUser(team, email, "Bench", "bench password", Role.OWNER);
            CurrentUser user = accounts.authenticate(email, "bench password").orElseThrow();
            Run first = measure(user, file);
            Run second = measure(user, file);
            long max = Runtime.getRuntime().maxMemory();
            out.printf(Locale.ROOT, "%n%-36s %10s %12s %14s %12s%n", "case", "seconds", "contacts/s", "peak heap MB",
                    "per CPU-s");
            print(out, "import, all new", first);
            print(out, "same file again, all unchanged", second);
            out.printf(Locale.ROOT, "records %,d: %,d new, then %,d unchanged; rejected %,d; max heap (-Xmx) %,d MB%n",
                    first.report().records(), first.report().created(), second.report().unchanged(),
                    first.report().rejected(), max / (1024 * 1024));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private record Run(ImportReport report, double seconds, double cpuSeconds, long peakHeap) {
    }

    private static void print(PrintWriter out, String name, Run r) {
        out.printf(Locale.ROOT, "%-36s %10.2f %12.0f %14.0f %12.0f%n", name, r.seconds(),
                r.report().records() / Math.max(r.seconds(), 1e-6), r.peakHeap() / (1024.0 * 1024),
                r.report().records() / Math.max(r.cpuSeconds(), 1e-6));
    }

    /** Imports the file once, sampling the used heap every 10 ms (after a GC, so it starts from live data). */
    private Run measure(CurrentUser user, Path file) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t = System.nanoTime();
        double cpu = BenchMachine.processCpuSeconds(); // every thread, the embedded database's too
        ImportReport report = imports.importContacts(user, new FileSystemResource(file),
                file.getFileName().toString(), ImportOptions.defaults(false), null);
        double seconds = (System.nanoTime() - t) / 1e9;
        double cpuUsed = BenchMachine.processCpuSeconds() - cpu;
        sampler.interrupt();
        return new Run(report, seconds, cpuUsed, peak.get());
    }

    /** vCard 3.0 as Apple and Google write it: grouped emails, folded notes, some non-Latin names. */
    static long generate(Path file, int contacts, Random r) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < contacts; i++) {
                String given = GIVEN[r.nextInt(GIVEN.length)];
                String family = FAMILY[r.nextInt(FAMILY.length)];
                w.write("BEGIN:VCARD\r\nVERSION:3.0\r\n");
                w.write("N:" + family + ";" + given + ";;;\r\nFN:" + given + " " + family + " " + i + "\r\n");
                if (r.nextInt(3) > 0) {
                    w.write("ORG:" + ORGS[r.nextInt(ORGS.length)] + ";\r\n");
                }
                w.write("item1.EMAIL;type=INTERNET;type=pref:contact" + i + "@example" + (i % 97) + ".com\r\n");
                w.write("item1.X-ABLabel:_$!<Work>!$_\r\n");
                if (r.nextBoolean()) {
                    w.write("EMAIL;type=INTERNET;type=HOME:home" + i + "@mail.example\r\n");
                }
                w.write(String.format(Locale.ROOT, "TEL;type=CELL:+31 6 %04d %04d\r\n", i / 10_000, i % 10_000));
                if (r.nextInt(4) == 0) {
                    w.write(String.format(Locale.ROOT, "TEL;type=WORK:+44 20 %03d %04d\r\n", i / 10_000, i % 10_000));
                }
                if (r.nextBoolean()) {
                    w.write("ADR;type=WORK:;;" + (1 + r.nextInt(300)) + " Keizersgracht;Amsterdam;;1015 CJ;"
                            + "Netherlands\r\n");
                }
                if (r.nextInt(3) == 0) {
                    w.write("CATEGORIES:" + (r.nextBoolean() ? "VIP,Seller" : "Buyer") + "\r\n");
                }
                if (r.nextInt(4) == 0) {
                    w.write("NOTE:Met at the spring fair; interested in a valuation of the house on the canal and a\r\n"
                            + " second opinion on the financing.\r\n");
                }
                w.write("UID:bench-" + i + "\r\nEND:VCARD\r\n");
            }
        }
        return Files.size(file);
    }
}
