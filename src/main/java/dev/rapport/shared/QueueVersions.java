package dev.rapport.shared;

import java.util.Collection;
import java.util.List;

/**
 * A counter per member that changes whenever something the member's attention queue is computed
 * from changes: their clients (details, owner, archiving, touches and rollups, promises and deals
 * whoever made them), their snoozes, the team's honeymoon flags and settings. A cached queue read under version v
 * is current while the counter is still v: one indexed read proves it, on every instance.
 *
 * <p>Inside a transaction the marks are collected and the counters incremented just before it
 * commits, so they become visible together with the data, and in (team, user) order as the last
 * locks the transaction takes: two writers never wait on each other's counters in a cycle. Outside
 * a transaction each mark is written at once.
 */
public interface QueueVersions {

    /** The members whose queue the current write changes. */
    void changed(TeamId team, Collection<UserId> members);

    default void changed(TeamId team, UserId member) {
        changed(team, List.of(member));
    }

    /** The owners of these clients as they stand when the transaction commits (previous owners: {@link #changed}). */
    void clientsChanged(TeamId team, Collection<ClientId> clients);

    /** Every member of the team (settings, the nightly honeymoon job). */
    void teamChanged(TeamId team);

    /**
     * The member's counter, made on first read (empty in the rare case the new row is not visible
     * yet: then answer without caching). Read it before the data a cached answer is built from: a
     * write committed in between then makes the answer look older than it is, never newer.
     */
    java.util.OptionalLong current(TeamId team, UserId member);
}
