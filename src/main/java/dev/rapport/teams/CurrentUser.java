package dev.rapport.teams;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/** Who is calling, in which team, and in which time zone their calendar days are. */
public record CurrentUser(UserId userId, TeamId teamId, Role role, ZoneId zone, String email, String displayName) {

    /** Viewers read only; every write path calls this first. */
    public void requireWriter() {
        if (!role.canWrite()) {
            throw new org.springframework.security.access.AccessDeniedException("viewers cannot change data");
        }
    }

    /** The user's local calendar date: cadences and snoozes are in local days, not UTC. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }
}
