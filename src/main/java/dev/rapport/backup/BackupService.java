package dev.rapport.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import dev.rapport.shared.InvalidInputException;

/**
 * Online backups of the embedded H2 database: H2's BACKUP TO writes a consistent copy of the
 * database file into a zip while the server keeps serving (restore: unzip it where the database
 * lives, server stopped). PostgreSQL has pg_dump for this (docs/reliability.md), so it is refused.
 */
@Service
public class BackupService {
    static final String PREFIX = "rapport-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final JdbcBackupDatabase database;
    private final Clock clock;
    private final Path dir;
    private final int keep;

    BackupService(JdbcBackupDatabase database, Clock clock, @Value("${rapport.backup.dir:./data/backups}") Path dir,
                  @Value("${rapport.backup.keep:7}") int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("rapport.backup.keep must be at least 1, not " + keep);
        }
        this.database = database;
        this.clock = clock;
        this.dir = dir;
        this.keep = keep;
    }

    /** One backup: where it went, how big it is, how long it took, and the older copies removed. */
    public record Backup(Path file, long bytes, Duration took, List<Path> removed) {
    }

    /** Whether this database can be backed up here (an H2 database; PostgreSQL uses pg_dump). */
    public boolean supported() {
        return database.isH2();
    }

    /** The directory scheduled backups go to, and how many it keeps. */
    public Path dir() {
        return dir;
    }

    public int keep() {
        return keep;
    }

    /** A new backup in the backup directory, named by the time; the oldest beyond {@code keep} are removed. */
    public Backup backupToDirectory() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the backup directory " + dir, e);
        }
        Backup b = backupTo(dir.resolve(PREFIX + STAMP.format(clock.instant()) + ".zip"));
        return new Backup(b.file(), b.bytes(), b.took(), prune());
    }

    /**
     * A backup into the given zip file (replaced if it exists). Written under a temporary name and
     * moved into place, so a crash mid-backup never leaves a half file that looks like a backup.
     */
    public Backup backupTo(Path file) {
        if (!supported()) {
            throw new InvalidInputException("database", "is not an embedded H2 database: back PostgreSQL up with "
                    + "pg_dump -Fc (see docs/reliability.md)");
        }
        Path target = file.toAbsolutePath().normalize();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(partial);
            database.backupTo(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Backup(target, Files.size(target), Duration.ofNanos(System.nanoTime() - t0), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("backup to " + target + " failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // best effort: a leftover .part file is never taken for a backup
            }
        }
    }

    void ensureJobRow(String job) {
        database.ensureJobRow(job);
    }

    /** Removes the oldest backups beyond {@code keep}; names sort by time. */
    private List<Path> prune() {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> backups = files.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(".zip")).sorted().toList();
            List<Path> old = backups.subList(0, Math.max(0, backups.size() - keep));
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
            return List.copyOf(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove old backups in " + dir, e);
        }
    }
}
