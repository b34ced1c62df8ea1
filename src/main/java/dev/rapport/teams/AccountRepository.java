package dev.rapport.teams;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

interface AccountRepository {
    TeamId createTeam(String name, String zone, Instant now);

    Optional<String> teamName(TeamId team);

    Optional<TeamId> findTeamByName(String name);

    UserId createUser(String email, String displayName, String passwordHash, Instant now);

    void addMember(TeamId team, UserId user, Role role, Instant now);

    /** The account in its first team (lowest team id), by email, case-insensitive. */
    Optional<Account> findByEmail(String email);

    Optional<Account> findByToken(String tokenHash);

    long createToken(TeamId team, UserId user, String name, String tokenHash, Instant now);

    void touchToken(String tokenHash, Instant now);

    List<ApiToken> tokens(TeamId team, UserId user);

    boolean revokeToken(TeamId team, UserId user, long tokenId, Instant now);

    List<Member> members(TeamId team);

    boolean isMember(TeamId team, UserId user);

    long countUsers();
}
