package dev.rapport.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * A named lease in the database so that, with several app instances, one runs each scheduled job.
 * Works the same on H2 and PostgreSQL (a conditional UPDATE on the job's row in job_lock).
 */
public interface JobLock {
    /** Takes the job's lease until the given time unless another instance holds it. */
    boolean acquire(String job, Instant now, Instant until, String owner);

    /**
     * Like {@link #acquire}, and only if the job has not run since {@code ranBefore}: every instance
     * ticks on its own schedule, so this is what makes a scheduled run happen once across instances.
     * One conditional UPDATE, so two instances ticking together cannot both pass.
     */
    boolean acquireIfNotRunSince(String job, Instant now, Instant until, String owner, Instant ranBefore);

    /** Ends the lease and records the run. */
    void release(String job, Instant now);

    /**
     * Does the work under the job's lease, taken at {@code now} for {@code lease}, and records the run;
     * -1 without doing it when another instance holds the lease. Run it in the work's transaction.
     */
    default int runLeased(String job, Instant now, Duration lease, String owner, IntSupplier work) {
        return acquire(job, now, now.plus(lease), owner) ? doAndRelease(job, now, work) : -1;
    }

    /** Like {@link #runLeased}, and -1 also when any instance ran the job less than {@code minGap} ago. */
    default int runLeasedUnlessRanWithin(String job, Instant now, Duration lease, Duration minGap, String owner,
                                         IntSupplier work) {
        return acquireIfNotRunSince(job, now, now.plus(lease), owner, now.minus(minGap))
                ? doAndRelease(job, now, work) : -1;
    }

    private int doAndRelease(String job, Instant now, IntSupplier work) {
        int result = work.getAsInt();
        release(job, now);
        return result;
    }
}
