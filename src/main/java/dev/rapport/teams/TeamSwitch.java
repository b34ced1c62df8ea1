package dev.rapport.teams;

import org.springframework.stereotype.Component;

import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.TeamId;
import jakarta.servlet.http.HttpSession;

/** Switches the team a browser session acts in; only to a team the user belongs to. */
@Component
public class TeamSwitch {
    private final AccountService accounts;

    TeamSwitch(AccountService accounts) {
        this.accounts = accounts;
    }

    public CurrentUser switchTo(CurrentUser user, TeamId team, HttpSession session) {
        CurrentUser switched = accounts.inTeam(user.email(), team)
                .orElseThrow(() -> new NotFoundException("team", team));
        session.setAttribute(SessionUserFilter.TEAM_ATTRIBUTE, team.value());
        return switched;
    }
}
