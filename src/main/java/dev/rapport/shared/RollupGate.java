package dev.rapport.shared;

/**
 * Keeps a recomputation of a whole team's rollups (the dashboard's cadence rows and touch counts) from
 * interleaving with the writers of single clients' rollups, on every instance: the recomputation
 * would read a client before a writer's commit and put back its older row after it.
 *
 * <p>Both hold their lock until their transaction ends. Lock order, so that neither waits on the
 * other in a cycle: member rows, then the team row, then this gate, then client rows. A writer that
 * locks a client row itself (recording a touch) takes the gate first.
 */
public interface RollupGate {
    /** A writer of some clients' rollups: waits while a recomputation of the team runs. */
    void share(TeamId team);

    /** A recomputation of the team's rollups: waits for the writers, and keeps new ones waiting. */
    void lock(TeamId team);
}
