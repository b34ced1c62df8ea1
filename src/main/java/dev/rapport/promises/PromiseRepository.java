package dev.rapport.promises;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.Cursor;
import dev.rapport.shared.Page;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

interface PromiseRepository {
    /** forColleague: made by someone other than the client's owner (see V21). */
    long insert(TeamId team, Promise promise, boolean forColleague);

    Optional<Promise> find(TeamId team, long id);

    void save(TeamId team, Promise promise);

    /** One member's promises (every member's when user is null), of one client or all, soonest due first. */
    List<Promise> list(TeamId team, UserId user, ClientId client, List<PromiseStatus> statuses);

    /** A page of {@link #list}, after the cursor's (due date, id) when there is one. */
    Page<Promise> page(TeamId team, UserId user, ClientId client, List<PromiseStatus> statuses,
                       Cursor.After<LocalDate> after, int limit);

    /** The member's most recently kept or broken promises, last closed first. */
    List<Promise> recentlyClosed(TeamId team, UserId user, int limit);

    /** Pending promises, whoever made them, on the owner's active clients, due in the period (the queue). */
    List<Promise> pendingForOwner(TeamId team, UserId owner, LocalDate from, LocalDate to);

    /** Pending promises that colleagues made to the owner's active clients, however far ahead (the calendar). */
    List<Promise> colleaguesPendingForOwner(TeamId team, UserId owner);

    /** Pending promises of the user due on or before the given day (the digest). */
    List<Promise> pendingDueBy(TeamId team, UserId user, LocalDate day);

    /** kept and broken counts over promises whose (new) due date falls in the period. */
    long[] keptAndBroken(TeamId team, UserId user, LocalDate from, LocalDate to);

    /** kept and broken counts per user or per due day, over the team or one member (only not null). */
    List<PromiseService.ClosedCount> keptAndBrokenByTeam(TeamId team, UserId only, LocalDate from, LocalDate to,
                                                         boolean byDay);

    /** Marks every pending promise due before the team's today as broken; returns how many. */
    /** Breaks every promise past its due date in its team's zone; tells brokeFor whose broke, per team. */
    int breakOverdue(Instant now, java.util.function.BiConsumer<dev.rapport.shared.TeamId,
            List<dev.rapport.shared.UserId>> brokeFor);

}
