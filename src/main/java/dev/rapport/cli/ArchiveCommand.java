package dev.rapport.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.rapport.exchange.ArchiveException;
import dev.rapport.exchange.ArchiveManifest;
import dev.rapport.exchange.ArchiveService;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "archive", description = "Full team archives: back up, restore, move to PostgreSQL "
        + "(talks to the database directly; docs/archive-format.md).",
        subcommands = {ArchiveCommand.Export.class, ArchiveCommand.Import.class, ArchiveCommand.Verify.class})
class ArchiveCommand {

    @Command(name = "export", description = "Write a team's data (or every team's) to a zip archive.")
    static class Export implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "FILE", description = "the archive to write, e.g. team.zip")
        Path file;

        @ArgGroup(multiplicity = "1")
        Teams teams;

        static class Teams {
            @Option(names = "--team", description = "the team's exact name or id")
            String team;

            @Option(names = "--all-teams", description = "every team in the database")
            boolean all;
        }

        @Option(names = "--with-password-hashes", description = "include password and API token hashes, so "
                + "users keep signing in as before (keep such an archive as safe as the database)")
        boolean credentials;

        @Mixin
        DbOptions db;

        Export(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws IOException {
            Path target = file.toAbsolutePath();
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            long t0 = System.nanoTime();
            try (ConfigurableApplicationContext app = ServerLauncher.start(quiet(db, ctx), false)) {
                ArchiveService archives = app.getBean(ArchiveService.class);
                var chosen = teams.all ? archives.allTeams() : archives.team(teams.team);
                if (chosen.isEmpty()) {
                    throw new CliException("the database holds no team");
                }
                ArchiveManifest manifest;
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                    manifest = archives.export(chosen, credentials, out);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                print(ctx.out(), manifest, manifest.files().stream().collect(LinkedHashMap::new,
                        (m, f) -> m.put(f.table(), f.rows()), Map::putAll));
                ctx.out().printf(Locale.ROOT, "Wrote %s (%,d bytes) in %.1f s%s%n", target, Files.size(target),
                        (System.nanoTime() - t0) / 1e9, credentials ? ", with password hashes: keep it safe" : "");
                return 0;
            } catch (InvalidInputException | NotFoundException | ArchiveException e) {
                throw new CliException("cannot export: " + e.getMessage());
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    @Command(name = "import", description = "Restore an archive into an empty database (runs the migrations first).")
    static class Import implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "FILE", description = "the archive to restore")
        Path file;

        @Mixin
        DbOptions db;

        Import(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            long t0 = System.nanoTime();
            // refuse a damaged zip or an unknown version before touching any database; the import
            // then checks every checksum before it writes
            ArchiveManifest checked;
            try {
                checked = ArchiveService.inspect(file);
            } catch (ArchiveException e) {
                throw new CliException("refused " + file + ": " + e.getMessage());
            }
            try (ConfigurableApplicationContext app = ServerLauncher.start(quiet(db, ctx), false)) {
                ArchiveService.Restored restored = app.getBean(ArchiveService.class).importArchive(file);
                print(ctx.out(), checked, restored.rows());
                ctx.out().printf(Locale.ROOT, "Restored %,d rows in %.1f s.%n", restored.total(),
                        (System.nanoTime() - t0) / 1e9);
                if (!checked.credentials()) {
                    ctx.out().println("The archive has no password hashes: every user needs a new password "
                            + "(rapport admin reset-password --email ...).");
                }
                return 0;
            } catch (ArchiveException | ConflictException e) {
                throw new CliException("cannot import: " + e.getMessage());
            }
        }
    }

    @Command(name = "verify", description = "Check an archive's format version and every checksum (no database).")
    static class Verify implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "FILE", description = "the archive to check")
        Path file;

        Verify(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ArchiveManifest m = verify(file);
            print(ctx.out(), m, m.files().stream().collect(LinkedHashMap::new, (x, f) -> x.put(f.table(), f.rows()),
                    Map::putAll));
            ctx.out().println("OK: every checksum matches.");
            return 0;
        }
    }

    private static ArchiveManifest verify(Path file) {
        try {
            return ArchiveService.verify(file);
        } catch (ArchiveException e) {
            throw new CliException("refused " + file + ": " + e.getMessage());
        }
    }

    private static Map<String, String> quiet(DbOptions db, CliContext ctx) {
        Map<String, String> props = new LinkedHashMap<>(db.properties(ctx.env()));
        props.put("logging.level.root", "WARN");
        return props;
    }

    private static void print(PrintWriter out, ArchiveManifest m, Map<String, Long> rows) {
        List<String> teams = m.teams().stream().map(t -> t.name() + " (" + t.id() + ")").toList();
        out.printf(Locale.ROOT, "Archive format %d from Rapport %s, %s, made %s%nTeams: %s%n", m.formatVersion(),
                m.appVersion(), m.sourceDatabase(), m.createdAt(), String.join(", ", teams));
        rows.forEach((table, n) -> out.printf(Locale.ROOT, "  %-28s %,12d%n", table, n));
        m.omitted().forEach(o -> out.printf(Locale.ROOT, "  %-28s %12s  (%s)%n", o.table(), "omitted", o.reason()));
    }
}
