package dev.rapport.deals;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.shared.JobLock;

/**
 * Takes closed deals whose client has been told of every milestone out of the queue's scope, so a
 * queue reads the open and untold deals of its owner's clients, not every deal the team ever closed.
 * It changes no queue (the queue keeps only untold milestones either way), so it marks no version.
 * Guarded by a row lock in the database: with several app instances one runs it at a time.
 */
@Component
public class ToldDealsJob {
    static final String JOB = "told-deals";
    private static final Logger log = LoggerFactory.getLogger(ToldDealsJob.class);
    private static final Duration LEASE = Duration.ofMinutes(10);
    /** Each instance ticks every hour: one run per tick across all of them. */
    static final Duration MIN_GAP = Duration.ofMinutes(50);

    private final DealRepository repo;
    private final JobLock lock;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    ToldDealsJob(DealRepository repo, JobLock lock, Clock clock) {
        this.repo = repo;
        this.lock = lock;
        this.clock = clock;
    }

    /** Runs once now; returns how many deals left the scope, or -1 when another instance holds the lock. */
    @Transactional
    public int run() {
        return lock.runLeased(JOB, clock.instant(), LEASE, instance, this::sweep);
    }

    /** The scheduled run: -1 (skipped) when any instance ran it less than {@link #MIN_GAP} ago. */
    @Transactional
    public int runScheduled() {
        return lock.runLeasedUnlessRanWithin(JOB, clock.instant(), LEASE, MIN_GAP, instance, this::sweep);
    }

    private int sweep() {
        int told = repo.leaveScopeWhenTold();
        if (told > 0) {
            log.info("{} closed deal(s) told of every milestone left the queue's scope", told);
        }
        return told;
    }

    @Component
    @ConditionalOnProperty(name = "rapport.jobs.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {
        private final ToldDealsJob job;

        Schedule(ToldDealsJob job) {
            this.job = job;
        }

        @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT1H")
        void tick() {
            job.runScheduled();
        }
    }
}
