package dev.rapport.bench;

import static dev.rapport.shared.Sql.ts;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.springframework.stereotype.Component;

import dev.rapport.exchange.ArchiveManifest;
import dev.rapport.exchange.ArchiveService;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.Role;

/**
 * The full-archive benchmark (target: export and import of a 100k-client, 2M-touch team in under
 * two minutes each). Generates a team with clients, contact details, tags, touches, promises and
 * deals; exports it; the import runs in a second application on an empty database.
 */
@Component
public class ArchiveBenchmark {
    private static final String[] FIRST = {"Ava", "Zoë", "Jürgen", "Chloé", "Dmitri", "Aiko", "Søren", "Ana", "Li",
        "Émile", "Noah", "Yara"};
    private static final String[] LAST = {"Jansen", "Müller", "García", "山田", "O'Brien", "Nakamura", "de Vries",
        "Smith-Jones", "Østergaard", "Rossi"};
    private static final String[] CHANNELS = {"email", "text", "phone", "video", "face_to_face", "chat", "letter",
        "social"};
    private static final String[] NOTES = {"Discussed the market update", "Sent comparables, \"asked\" for a call",
        "Viewing feedback:\nliked the garden", "Coffee ☕ at the office", "Quarterly review — renewal likely"};

    private final AccountService accounts;
    private final ArchiveService archives;
    private final JdbcArchiveBenchData data;
    private final Clock clock;

    ArchiveBenchmark(AccountService accounts, ArchiveService archives, JdbcArchiveBenchData data, Clock clock) {
        this.accounts = accounts;
        this.archives = archives;
        this.data = data;
        this.clock = clock;
    }

    public record Options(int clients, int touches, long seed) {
    }

    /**
     * A measured step: rows, wall-clock seconds, CPU seconds of this process (all threads, so a
     * busy shared machine shows as wall time well above CPU time) and bytes of the archive.
     */
    public record Timed(String label, long rows, double seconds, double cpuSeconds, long bytes) {
        public void print(PrintWriter out) {
            out.printf(Locale.ROOT, "%-34s %,12d %9.1f %12s %9.1f %9.1f%n", label, rows, seconds,
                    String.format(Locale.ROOT, "%,d", Math.round(rows / Math.max(seconds, 1e-6))), cpuSeconds,
                    bytes / 1e6);
        }
    }

    public static void header(PrintWriter out) {
        out.printf(Locale.ROOT, "%n%-34s %12s %9s %12s %9s %9s%n", "case", "rows", "seconds", "rows/s", "cpu s", "MB");
    }

    /** Generates the team; returns its id. */
    public long generate(Options o, PrintWriter out) {
        long t0 = System.nanoTime();
        Instant now = clock.instant();
        TeamId team = accounts.createTeam("Archive bench " + now, "Europe/Amsterdam");
        long[] users = new long[10];
        for (int i = 0; i < users.length; i++) {
            UserId u = accounts.createUser(team, "archive-" + clock.millis() + "-" + i + "@bench.local", "Agent " + i,
                    "bench password", i == 0 ? Role.OWNER : Role.MEMBER);
            users[i] = u.value();
        }
        Random r = new Random(o.seed());
        long t = team.value();
        long rows = data.load("client", List.of("team_id", "owner_id", "name", "name_lower", "organisation", "tier",
                "status", "kind", "signed_on", "notes", "created_at", "updated_at", "last_touch_at"), rs -> {
                    for (int i = 0; i < o.clients(); i++) {
                        String name = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)] + " " + i;
                        rs.add(t, users[r.nextInt(users.length)], name, name.toLowerCase(Locale.ROOT),
                                r.nextInt(3) == 0 ? null : "Org " + r.nextInt(5000), "ABC".substring(i % 3, i % 3 + 1),
                                "active", "external", r.nextBoolean() ? null : LocalDate.of(2024, 1, 1)
                                        .plusDays(r.nextInt(1000)), r.nextInt(4) == 0 ? NOTES[r.nextInt(NOTES.length)]
                                        : null, ts(now), ts(now), ts(now.minusSeconds(r.nextInt(90 * 86_400))));
                    }
                });
        long[] clients = data.ids("client", t);
        rows += data.load("client_email", List.of("team_id", "client_id", "position", "email", "email_lower"), rs -> {
            for (long c : clients) {
                rs.add(t, c, 0, "Client" + c + "@Example.com", "client" + c + "@example.com");
            }
        });
        rows += data.load("client_tag", List.of("team_id", "client_id", "tag"), rs -> {
            for (long c : clients) {
                rs.add(t, c, "tier-" + (c % 3));
                if (c % 2 == 0) {
                    rs.add(t, c, "buyer");
                }
            }
        });
        rows += data.load("touch", List.of("team_id", "client_id", "user_id", "at", "channel", "direction", "minutes",
                "note", "rating", "update_request", "automated", "created_at"), rs -> {
                    for (int i = 0; i < o.touches(); i++) {
                        Instant at = now.minusSeconds(r.nextInt(730 * 86_400));
                        rs.add(t, clients[i % clients.length], users[r.nextInt(users.length)], ts(at),
                                CHANNELS[r.nextInt(CHANNELS.length)], r.nextBoolean() ? "outbound" : "inbound",
                                r.nextInt(3) == 0 ? 5 + r.nextInt(60) : null,
                                r.nextInt(5) == 0 ? NOTES[r.nextInt(NOTES.length)] : null,
                                r.nextInt(10) == 0 ? 1 + r.nextInt(5) : null, r.nextInt(20) == 0, r.nextInt(50) == 0,
                                ts(at));
                    }
                });
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        rows += data.load("promise", List.of("team_id", "client_id", "user_id", "text", "made_on", "due_on",
                "original_due_on", "status", "renegotiations", "created_at"), rs -> {
                    for (int i = 0; i < clients.length; i += 10) {
                        rs.add(t, clients[i], users[0], "send the revised quote", today.minusDays(10),
                                today.plusDays(i % 30), today.plusDays(i % 30), "pending", 0, ts(now));
                    }
                });
        long template = data.templateId(t);
        rows += data.load("deal", List.of("team_id", "client_id", "user_id", "template_id", "title", "amount", "status",
                "last_progress_at", "created_at"), rs -> {
                    for (int i = 0; i < clients.length; i += 50) {
                        rs.add(t, clients[i], users[0], template, "Sale of Elm St " + i,
                                new java.math.BigDecimal(250_000 + i).setScale(2), "open", ts(now), ts(now));
                    }
                });
        long[] deals = data.ids("deal", t);
        rows += data.load("deal_milestone", List.of("deal_id", "team_id", "position", "name", "completed_at"), rs -> {
            for (long d : deals) {
                for (int p = 0; p < 10; p++) {
                    rs.add(d, t, p, "milestone " + p, p < 3 ? ts(now) : null);
                }
            }
        });
        out.printf(Locale.ROOT, "Generated team %d: %,d clients, %,d touches, %,d rows in all, in %.1f s%n", t,
                o.clients(), o.touches(), rows, (System.nanoTime() - t0) / 1e9);
        out.flush();
        return t;
    }

    /** Exports the team to the file, timed. */
    public Timed export(long team, Path file) throws IOException {
        long t0 = System.nanoTime();
        double c0 = BenchMachine.processCpuSeconds();
        ArchiveManifest m;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            m = archives.export(archives.team(String.valueOf(team)), false, out);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return new Timed("export (" + m.sourceDatabase().split(" ")[0] + ")", m.rows(), s,
                BenchMachine.processCpuSeconds() - c0,
                Files.size(file));
    }

    /** Verifies and restores the archive into this application's (empty) database, timed. */
    public Timed importArchive(Path file, String database) throws IOException {
        long t0 = System.nanoTime();
        double c0 = BenchMachine.processCpuSeconds();
        ArchiveService.Restored restored = archives.importArchive(file);
        double s = (System.nanoTime() - t0) / 1e9;
        return new Timed("import (" + database + ")", restored.total(), s,
                BenchMachine.processCpuSeconds() - c0, Files.size(file));
    }

    /** The checksum pass alone (part of every import). */
    public static Timed verify(Path file) throws IOException {
        long t0 = System.nanoTime();
        double c0 = BenchMachine.processCpuSeconds();
        ArchiveManifest m = ArchiveService.verify(file);
        return new Timed("verify checksums (no database)", m.rows(), (System.nanoTime() - t0) / 1e9,
                BenchMachine.processCpuSeconds() - c0,
                Files.size(file));
    }
}
