package dev.rapport.api;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.UserId;
import dev.rapport.teams.Whose;

/** The {@code userId} and {@code team} query parameters of list endpoints that owners and managers widen. */
final class WhoseParams {
    static final String USER_ID = "Owners and managers: a member's user id, to read their records (read only). "
            + "403 for anyone else asking for a colleague's; 404 for a user outside your team.";
    static final String TEAM = "Owners and managers: true for the whole team's (not with userId).";

    private WhoseParams() {
    }

    static Whose of(Long userId, Boolean team) {
        if (Boolean.TRUE.equals(team)) {
            if (userId != null) {
                throw new InvalidInputException("team", "give either userId or team=true, not both");
            }
            return Whose.wholeTeam();
        }
        return Whose.member(userId == null ? null : new UserId(userId));
    }
}
