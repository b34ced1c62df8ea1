package dev.rapport.teams;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/** A signed-up user as stored, acting in one of their teams. */
record Account(UserId userId, String email, String displayName, String passwordHash, String userZone,
               TeamId teamId, Role role, String teamZone, boolean totpEnabled) {

    CurrentUser toCurrentUser() {
        return toCurrentUser(false);
    }

    CurrentUser toCurrentUser(boolean readOnly) {
        return new CurrentUser(userId, teamId, role, java.time.ZoneId.of(effectiveZone(userZone, teamZone)), email,
                displayName, readOnly);
    }

    /** The zone a user's calendar days are in: their own, else the team's. */
    static String effectiveZone(String userZone, String teamZone) {
        return userZone != null ? userZone : teamZone;
    }
}
