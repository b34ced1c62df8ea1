package dev.rapport.exchange;

import java.time.Instant;
import java.util.Optional;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

interface CalendarFeedRepository {
    Optional<CalendarFeed> find(TeamId team, UserId user);

    /** Creates the user's feed or replaces its token: the old URL stops working. */
    void save(TeamId team, UserId user, String tokenHash, Instant now);

    boolean delete(TeamId team, UserId user);

    /** Whose feed a token hash opens. */
    Optional<Owner> findByToken(String tokenHash);

    /** Records a fetch, at most once a minute: calendar apps poll. */
    void fetched(TeamId team, String tokenHash, Instant now);

    record Owner(TeamId team, UserId user) {
    }
}
