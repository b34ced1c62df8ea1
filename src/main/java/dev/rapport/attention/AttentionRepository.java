package dev.rapport.attention;

import java.util.List;
import java.util.Optional;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/** Cadence settings and snoozes, scoped by team. */
interface AttentionRepository {
    List<TierCadence> cadences(TeamId team);

    void replaceCadences(TeamId team, List<TierCadence> cadences);

    /** Snoozes a user set that still hide something on or after the given day. */
    List<Snooze> activeSnoozes(TeamId team, UserId user, java.time.LocalDate today);

    void saveSnooze(TeamId team, UserId user, Snooze snooze);

    boolean deleteSnooze(TeamId team, ClientId client);

    Optional<Snooze> snooze(TeamId team, ClientId client);

    /** Replaces the stored flags of the evaluated clients (a null rate clears the client's flag). */
    void saveHoneymoon(TeamId team, java.util.Map<ClientId, Honeymoon.Rates> rates, java.time.LocalDate today);

    /** Stored drops of the clients a user owns (or of the whole team when owner is null). */
    java.util.Map<ClientId, Honeymoon.Rates> honeymoonDrops(TeamId team, UserId owner);

    Optional<Honeymoon.Rates> honeymoonDrop(TeamId team, ClientId client);

    List<TeamId> teams();

    java.time.ZoneId teamZone(TeamId team);

}
