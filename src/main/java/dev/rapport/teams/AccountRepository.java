package dev.rapport.teams;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/** Users, teams, memberships and API tokens. */
interface AccountRepository {
    TeamId createTeam(String name, String zone, Instant now);

    Optional<String> teamName(TeamId team);

    Optional<TeamId> findTeamByName(String name);

    UserId createUser(String email, String displayName, String passwordHash, Instant now);

    void addMember(TeamId team, UserId user, Role role, Instant now);

    /** The account in its first team (lowest team id), by email, case-insensitive. */
    Optional<Account> findByEmail(String email);

    /** The account acting in a given team; empty when the user is not (or no longer) a member. */
    Optional<Account> findInTeam(String email, TeamId team);

    /** The user behind a live token (not revoked, not expired, still a member), with the token's scope. */
    Optional<TokenOwner> findByToken(String tokenHash, Instant now);

    /** lastUsedAt: as recorded, to the minute (null: never used); expiresAt null: never expires. */
    record TokenOwner(Account account, TokenScope scope, Instant lastUsedAt, Instant expiresAt) {
    }

    long createToken(TeamId team, UserId user, String name, String tokenHash, TokenScope scope, Instant expiresAt,
                     Instant now);

    /** Records the token's use at now, unless a use at or after usedSince is recorded already. */
    void touchToken(TeamId team, String tokenHash, Instant now, Instant usedSince);

    List<ApiToken> tokens(TeamId team, UserId user);

    boolean revokeToken(TeamId team, UserId user, long tokenId, Instant now);

    void revokeTeamTokens(TeamId team, UserId user, Instant now);

    /** Revokes every live token of the user in every team; returns how many. */
    int revokeAllTokens(UserId user, Instant now);

    List<Member> members(TeamId team);

    Optional<Role> role(TeamId team, UserId user);

    /** {@link #role}, locking the membership row until the transaction ends. */
    Optional<Role> lockRole(TeamId team, UserId user);

    void setRole(TeamId team, UserId user, Role role);

    void removeMember(TeamId team, UserId user);

    long countOwners(TeamId team);

    List<TeamMembership> teamsOf(UserId user);

    long countUsers();

    void setPassword(UserId user, String hash, Instant now);

    /** The user's display name and own time zone (null: their team's), in every team. */
    void setProfile(UserId user, String displayName, String timeZone);

    Optional<UserId> userIdByEmail(String email);

    /** The TOTP secret and whether it is confirmed; empty when none was ever started. */
    Optional<TotpState> totp(UserId user);

    record TotpState(String secret, boolean enabled, Long lastStep) {
    }

    void setTotp(UserId user, String secret, boolean enabled);

    /** Records a used time step; false when that step (or a later one) was already used. */
    boolean useTotpStep(UserId user, long step);

    /** Every membership as an account in that team (for per-user jobs such as the email digest). */
    List<Account> allMemberships();

    /** The user's account in one team, if they are a member of it. */
    Optional<Account> findMembership(TeamId team, UserId user);
}
