package dev.rapport.shared;

import java.time.Instant;

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
}
