package dev.rapport.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import dev.rapport.demo.DemoData;
import dev.rapport.shared.JobLock;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.TableChecksums;

/**
 * Online backups of an H2 file database holding the demo team: restored (unzipped into a new
 * directory and opened), every table has the same rows; the job keeps the newest copies and runs
 * once at a time.
 */
@ContextConfiguration(initializers = H2BackupIntegrationTest.FileDatabase.class)
class H2BackupIntegrationTest extends AppTestBase {
    static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    static final Path DIR = createDir();

    /** An H2 file database (BACKUP TO needs one) in a directory of its own, and the backups next to it. */
    static class FileDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.datasource.url=jdbc:h2:file:" + DIR.resolve("db/rapport") + OPTIONS,
                    "spring.datasource.username=sa", "rapport.backup.dir=" + DIR.resolve("backups"),
                    "rapport.backup.keep=2").applyTo(context);
        }
    }

    @Autowired
    BackupService backups;
    @Autowired
    BackupJob job;
    @Autowired
    JobLock lock;
    @Autowired
    DemoData demo;
    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    private static Path createDir() {
        try {
            return Files.createTempDirectory("rapport-backup-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void deleteDir() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aRestoredBackupHoldsEveryRowOfEveryTable() throws Exception {
        demo.seedIfMissing();
        BackupService.Backup backup = backups.backupTo(dir.resolve("backup.zip"));
        assertThat(backup.file()).exists();
        assertThat(backup.bytes()).isPositive();
        assertThat(dir.resolve("backup.zip.part")).doesNotExist();

        Path restored = dir.resolve("restored");
        unzip(backup.file(), restored);
        assertThat(restored.resolve("rapport.mv.db")).exists();
        Map<String, TableChecksums.Table> original;
        try (Connection c = dataSource.getConnection()) {
            original = TableChecksums.of(c);
        }
        Map<String, TableChecksums.Table> copy;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("rapport") + OPTIONS
                + ";IFEXISTS=TRUE", "sa", "")) {
            copy = TableChecksums.of(c);
        }
        assertThat(original).hasSizeGreaterThan(40).containsKeys("client", "touch", "journal_entry",
                "flyway_schema_history", "audit_event");
        assertThat(original.get("touch").rows()).isGreaterThan(1_000);
        assertThat(copy).isEqualTo(original);
    }

    @Test
    void theJobKeepsTheNewestCopiesAndRunsOnceAtATime() throws Exception {
        List<Path> made = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            made.add(job.run().orElseThrow().file());
            clock.advance(Duration.ofDays(1));
        }
        assertThat(made).doesNotHaveDuplicates();
        try (Stream<Path> files = Files.list(DIR.resolve("backups"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly(made.get(1).getFileName().toString(), made.get(2).getFileName().toString());
        }
        assertThat(made.get(2).getFileName().toString()).startsWith("rapport-2026").endsWith("Z.zip");

        // another instance (or a run still going) holds the lease: this tick does nothing
        Instant now = clock.instant();
        assertThat(lock.acquire(BackupJob.JOB, now, now.plus(Duration.ofHours(1)), "other")).isTrue();
        assertThat(job.run()).isEmpty();
        lock.release(BackupJob.JOB, now);
        assertThat(job.run()).isPresent();
    }

    @Test
    void theNumberOfCopiesToKeepIsAtLeastOne() {
        assertThatThrownBy(() -> new BackupService(null, clock, dir, 0))
                .hasMessageContaining("rapport.backup.keep must be at least 1");
    }

    static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                Path target = into.resolve(e.getName()).normalize();
                assertThat(target.startsWith(into)).isTrue();
                Files.copy(z, target);
            }
        }
    }
}
