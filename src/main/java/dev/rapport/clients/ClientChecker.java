package dev.rapport.clients;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.Problems;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;

/**
 * Validates many clients of one team the way create and update do, reading the team's tiers once and
 * each owner's membership once (imports check thousands of records).
 */
public final class ClientChecker {
    private final TeamId team;
    private final List<String> tiers;
    private final AccountService accounts;
    private final Map<UserId, Boolean> members = new HashMap<>();

    ClientChecker(TeamId team, List<String> tiers, AccountService accounts) {
        this.team = team;
        this.tiers = List.copyOf(tiers);
        this.accounts = accounts;
    }

    /** Every problem of these details (empty when they are valid). */
    public List<FieldProblem> problems(ClientDetails details) {
        Problems problems = new Problems();
        details.validate(problems);
        if (details.tier() != null && !details.tier().isEmpty() && !tiers.contains(details.tier())) {
            problems.add("tier", "unknown tier '" + details.tier() + "'; this team has " + String.join(", ", tiers));
        }
        if (details.ownerId() != null
                && !members.computeIfAbsent(details.ownerId(), id -> accounts.isMember(team, id))) {
            problems.add("ownerId", "is not a member of this team");
        }
        try {
            problems.throwIfAny();
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    /** The team's tiers, most demanding first. */
    public List<String> tiers() {
        return tiers;
    }
}
