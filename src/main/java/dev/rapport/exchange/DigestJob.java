package dev.rapport.exchange;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.rapport.shared.JobLock;

/**
 * Every few minutes: sends the digests that are due. The shared job lock keeps a second instance
 * from doing the same work at the same time; the per-day claim in DigestService is what makes each
 * digest go out once even when a lease runs out mid-run. Not one transaction: each claim must be
 * visible to other instances before its mail is sent.
 */
@Component
public class DigestJob {
    static final String JOB = "email-digest";
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final DigestService digests;
    private final JobLock lock;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    DigestJob(DigestService digests, JobLock lock, Clock clock) {
        this.digests = digests;
        this.lock = lock;
        this.clock = clock;
    }

    /** Runs once now; returns how many digests went out, or -1 when mail is off or another instance runs it. */
    public int run() {
        if (!digests.mailConfigured()) {
            return -1;
        }
        Instant now = clock.instant();
        if (!lock.acquire(JOB, now, now.plus(LEASE), instance)) {
            return -1;
        }
        try {
            return digests.sendDue(now);
        } finally {
            lock.release(JOB, clock.instant());
        }
    }

    @Component
    @ConditionalOnProperty(name = "rapport.jobs.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {
        private final DigestJob job;

        Schedule(DigestJob job) {
            this.job = job;
        }

        @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${rapport.digest.interval:PT5M}")
        void tick() {
            job.run();
        }
    }
}
