package dev.rapport.promises;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.shared.JobLock;

/**
 * Marks pending promises past their due date as broken. Idempotent, and guarded by a row lock in
 * the database so that with several app instances only one runs it at a time.
 */
@Component
public class BreakOverduePromisesJob {
    static final String JOB = "break-overdue-promises";
    private static final Logger log = LoggerFactory.getLogger(BreakOverduePromisesJob.class);
    private static final Duration LEASE = Duration.ofMinutes(10);
    /** Each instance ticks every 15 minutes: one run per tick across all of them. */
    static final Duration MIN_GAP = Duration.ofMinutes(10);

    private final PromiseRepository repo;
    private final JobLock lock;
    private final dev.rapport.shared.QueueVersions versions;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    BreakOverduePromisesJob(PromiseRepository repo, JobLock lock, dev.rapport.shared.QueueVersions versions,
                            Clock clock) {
        this.repo = repo;
        this.lock = lock;
        this.versions = versions;
        this.clock = clock;
    }

    /** Runs once now; returns how many promises broke, or -1 when another instance holds the lock. */
    @Transactional
    public int run() {
        Instant now = clock.instant();
        return lock.runLeased(JOB, now, LEASE, instance, () -> breakOverdue(now));
    }

    /** The scheduled run: -1 (skipped) when any instance ran it less than {@link #MIN_GAP} ago. */
    @Transactional
    public int runScheduled() {
        Instant now = clock.instant();
        return lock.runLeasedUnlessRanWithin(JOB, now, LEASE, MIN_GAP, instance, () -> breakOverdue(now));
    }

    private int breakOverdue(Instant now) {
        // a member west of the team's zone may still see the promise as due today: their queue changes
        int broken = repo.breakOverdue(now, versions::changed);
        if (broken > 0) {
            log.info("Marked {} overdue promises as broken", broken);
        }
        return broken;
    }

    /** Every 15 minutes, so a promise breaks soon after midnight in its team's time zone. */
    @Component
    @ConditionalOnProperty(name = "rapport.jobs.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {
        private final BreakOverduePromisesJob job;

        Schedule(BreakOverduePromisesJob job) {
            this.job = job;
        }

        @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT15M")
        void tick() {
            job.runScheduled();
        }
    }
}
