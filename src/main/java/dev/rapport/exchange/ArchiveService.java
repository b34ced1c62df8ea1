package dev.rapport.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import dev.rapport.exchange.ArchiveManifest.TeamRef;
import dev.rapport.shared.Audited;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.TeamId;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Role;

/**
 * Full team archives (docs/archive-format.md): export a team's data as a zip of JSON Lines files
 * with a manifest of counts and checksums, and restore one into an empty database, H2 or
 * PostgreSQL, keeping ids. This works below the domain services on purpose: it copies tables
 * generically from the schema's metadata, so every column of every team table travels.
 */
@Service
public class ArchiveService {
    private final DataSource dataSource;
    private final Clock clock;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    ArchiveService(DataSource dataSource, Clock clock, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.passwords = passwords;
        this.events = events;
    }

    /** What an import restored: the archive's manifest and the rows written per table. */
    public record Restored(ArchiveManifest manifest, Map<String, Long> rows) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A download ready to stream; the role check and the audit entry happened when it was made. */
    public record Download(String filename, Body body) {
    }

    @FunctionalInterface
    public interface Body {
        ArchiveManifest writeTo(OutputStream out) throws IOException;
    }

    /** The teams to archive: one by exact name or id. */
    public List<TeamRef> team(String nameOrId) {
        return withConnection(c -> JdbcArchiveTeams.find(c, nameOrId));
    }

    public List<TeamRef> allTeams() {
        return withConnection(JdbcArchiveTeams::all);
    }

    /**
     * Writes the teams' archive to {@code out} (not closed). Password and API token hashes only
     * when {@code credentials}; audited as {@code export.archive} for each team.
     */
    public ArchiveManifest export(List<TeamRef> teams, boolean credentials, OutputStream out) {
        ArchiveManifest manifest = write(teams, credentials, out);
        teams.forEach(t -> events.publishEvent(new Audited(new TeamId(t.id()), null, "export.archive",
                "full archive by a local admin command" + (credentials ? ", with password hashes" : ""), null)));
        return manifest;
    }

    /** The caller's team as a download: owners only, never with credentials. */
    public Download download(CurrentUser user, String remoteAddress) {
        if (user.role() != Role.OWNER) {
            throw new AccessDeniedException("only the team's owners can download its full archive");
        }
        TeamRef team = withConnection(c -> JdbcArchiveTeams.byId(c, user.teamId().value()));
        events.publishEvent(new Audited(user.teamId(), user.userId(), "export.archive",
                "full archive downloaded through the API (without credentials)", remoteAddress));
        String name = "rapport-team-" + team.id() + "-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".zip";
        return new Download(name, out -> write(List.of(team), false, out));
    }

    /** Checks an archive's entry names and manifest (format, version), not yet the checksums. */
    public static ArchiveManifest inspect(Path file) {
        try (ArchiveReader archive = ArchiveReader.open(file)) {
            return archive.manifest();
        }
    }

    /** Checks an archive's manifest, entry names and every checksum without a database. */
    public static ArchiveManifest verify(Path file) {
        try (ArchiveReader archive = ArchiveReader.open(file)) {
            archive.verifyChecksums();
            return archive.manifest();
        }
    }

    /**
     * Restores an archive into this database, which must hold no team data. Everything is
     * checked first (format version, every checksum, the schema, emptiness); then the rows are
     * written (PostgreSQL: in one transaction; H2: in committed steps, with everything written
     * deleted and the dropped keys and indexes put back on failure), so a failure leaves the
     * database as empty as it was.
     */
    public Restored importArchive(Path file) {
        try (ArchiveReader archive = ArchiveReader.open(file)) {
            archive.verifyChecksums();
            ArchiveManifest manifest = archive.manifest();
            Map<String, Long> written = withConnection(c -> {
                JdbcArchiveImport target = new JdbcArchiveImport(c);
                target.checkFits(manifest);
                List<String> full = target.nonEmptyTables();
                if (!full.isEmpty()) {
                    throw new ConflictException("the database already holds data (" + String.join(", ", full)
                            + "): an archive is restored into an empty database only, so that every id is kept");
                }
                Map<String, Long> rows;
                try {
                    rows = target.write(archive, manifest.credentials() ? null : unusablePasswordHash());
                } catch (JdbcArchiveImport.UndoFailed e) {
                    throw e;
                } catch (SQLException | RuntimeException e) {
                    throw new ArchiveException(e.getMessage() + " (rolled back: nothing was written)", e);
                }
                target.moveIdentities(rows);
                return rows;
            });
            manifest.teams().forEach(t -> events.publishEvent(new Audited(new TeamId(t.id()), null, "import.archive",
                    "restored from an archive made " + manifest.createdAt() + " (" + manifest.rows() + " rows)", null)));
            return new Restored(manifest, written);
        }
    }

    /** A well-formed hash of a random secret nobody knows: restored users sign in after a reset. */
    private String unusablePasswordHash() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return passwords.encode(Base64.getEncoder().encodeToString(secret));
    }

    private ArchiveManifest write(List<TeamRef> teams, boolean credentials, OutputStream out) {
        String version = Optional.ofNullable(ArchiveService.class.getPackage().getImplementationVersion())
                .orElse("development");
        return withConnection(c -> new JdbcArchiveExport(c).write(teams, credentials,
                new JdbcArchiveExport.Header(version, clock.instant()), out));
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException, IOException;
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new ArchiveException("database error: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
