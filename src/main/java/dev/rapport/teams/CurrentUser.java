package dev.rapport.teams;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.security.access.AccessDeniedException;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/**
 * Who is calling, in which team, and in which time zone their calendar days are. Built afresh on
 * every request from the database, so role changes and removals apply at once.
 *
 * @param readOnly true for a read-only API token: the role's reads, none of its writes
 */
public record CurrentUser(UserId userId, TeamId teamId, Role role, ZoneId zone, String email, String displayName,
                          boolean readOnly) {

    public CurrentUser(UserId userId, TeamId teamId, Role role, ZoneId zone, String email, String displayName) {
        this(userId, teamId, role, zone, email, displayName, false);
    }

    /** Viewers and read-only tokens read only; every write path calls this first. */
    public void requireWriter() {
        if (!role.canWrite()) {
            throw new AccessDeniedException("viewers cannot change data");
        }
        if (readOnly) {
            throw new AccessDeniedException("this API token is read-only");
        }
    }

    /** Membership and roles belong to owners. */
    public void requireOwner() {
        requireWriter();
        requireOwnerRole();
    }

    /** Reading what only owners read (the audit log, the full archive), also with a read-only token. */
    public void requireOwnerRole() {
        if (role != Role.OWNER) {
            throw new AccessDeniedException("only a team owner can do this");
        }
    }

    /** Settings and team-wide reports: owners and managers. */
    public void requireManager() {
        requireWriter();
        if (!role.seesTeam()) {
            throw new AccessDeniedException("only owners and managers can do this");
        }
    }

    /** Members see their own clients and the shared ones; the other roles see the whole team. */
    public boolean seesAllClients() {
        return role != Role.MEMBER;
    }

    /** The user's local calendar date: cadences and snoozes are in local days, not UTC. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }
}
