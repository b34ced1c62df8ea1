package dev.rapport.web;

import java.util.List;

import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Role;
import dev.rapport.teams.TeamMembership;

/**
 * The signed-in person as every page shows them; canWrite hides write forms from viewers, owner
 * shows the team's membership forms, seesTeam shows the manager dashboard to managers and owners,
 * and teams (more than one) brings the team switcher.
 */
record Viewer(long userId, String name, String email, String role, boolean canWrite, boolean owner,
              boolean seesTeam, long teamId, String teamName, List<Choices> teams) {

    /** Where the memberships are not at hand (exception handlers): no team switcher. */
    static Viewer of(CurrentUser user) {
        return of(user, List.of());
    }

    static Viewer of(CurrentUser user, List<TeamMembership> memberships) {
        String teamName = memberships.stream().filter(t -> t.teamId().equals(user.teamId()))
                .map(TeamMembership::name).findFirst().orElse("");
        return new Viewer(user.userId().value(), user.displayName(), user.email(), user.role().code(),
                user.role().canWrite(), user.role() == Role.OWNER, user.role().seesTeam(), user.teamId().value(),
                teamName,
                memberships.stream().map(t -> new Choices(Long.toString(t.teamId().value()), t.name())).toList());
    }

    /** The switcher only appears for people in several teams. */
    public boolean switchesTeams() {
        return teams.size() > 1;
    }
}
