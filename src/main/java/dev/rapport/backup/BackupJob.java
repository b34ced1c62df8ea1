package dev.rapport.backup;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.rapport.shared.JobLock;

/**
 * The scheduled online backup of the embedded H2 database (daily at 03:30 server time by default;
 * rapport.backup.cron=- turns it off; nothing to do on PostgreSQL). The shared job lock keeps two
 * runs from overlapping, and from running twice for one tick when several instances share a database.
 */
@Component
public class BackupJob {
    static final String JOB = "h2-backup";
    private static final Logger log = LoggerFactory.getLogger(BackupJob.class);
    private static final Duration LEASE = Duration.ofHours(1);

    private final BackupService backups;
    private final JobLock lock;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    BackupJob(BackupService backups, JobLock lock, Clock clock) {
        this.backups = backups;
        this.lock = lock;
        this.clock = clock;
    }

    /** Runs once now; empty when the database is not H2 or another run holds the lock. */
    public Optional<BackupService.Backup> run() {
        if (!backups.supported()) {
            return Optional.empty();
        }
        backups.ensureJobRow(JOB);
        Instant now = clock.instant();
        if (!lock.acquire(JOB, now, now.plus(LEASE), instance)) {
            return Optional.empty();
        }
        try {
            BackupService.Backup b = backups.backupToDirectory();
            log.info("Backup written to {} ({} bytes, {} ms); removed {} older", b.file(), b.bytes(),
                    b.took().toMillis(), b.removed().size());
            return Optional.of(b);
        } finally {
            lock.release(JOB, clock.instant());
        }
    }

    @Component
    @ConditionalOnProperty(name = "rapport.jobs.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {
        private final BackupJob job;

        Schedule(BackupJob job) {
            this.job = job;
        }

        @Scheduled(cron = "${rapport.backup.cron:0 30 3 * * *}")
        void tick() {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.error("Scheduled backup failed: {}", e.getMessage(), e);
            }
        }
    }
}
