package dev.rapport.teams;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.shared.Audited;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.Problems;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/** Teams, users, memberships as others read them, and personal API tokens. */
@Service
public class AccountService {
    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final String TOKEN_PREFIX = "rp_";
    /** How precisely a token's last use is kept. */
    private static final Duration TOKEN_USE_RESOLUTION = Duration.ofMinutes(1);

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /**
     * Hash of a random password: unknown emails cost the same time as wrong passwords. Made on
     * another thread: one Argon2id hash was a tenth of the server's start-up.
     */
    private final CompletableFuture<String> dummyHash;

    AccountService(AccountRepository accounts, PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
        this.dummyHash = CompletableFuture.supplyAsync(() -> encoder.encode(Secrets.random()));
    }

    @Transactional
    public TeamId createTeam(String name, String zone) {
        new Problems()
                .check(name != null && !name.isBlank(), "team", "must not be empty")
                .check(validZone(zone), "timeZone", "must be a time zone id such as Europe/Amsterdam")
                .throwIfAny();
        TeamId team = accounts.createTeam(name.strip(), zone, clock.instant());
        events.publishEvent(new TeamCreated(team));
        return team;
    }

    @Transactional
    public UserId createUser(TeamId team, String email, String displayName, String password, Role role) {
        Problems problems = new Problems()
                .check(email != null && EMAIL.matcher(email.strip()).matches() && email.length() <= 320, "email",
                        "must be an email address")
                .check(displayName != null && !displayName.isBlank() && displayName.length() <= 200, "name",
                        "must be 1 to 200 characters");
        checkPassword(problems, "password", password).throwIfAny();
        if (accounts.findByEmail(email).isPresent()) {
            throw new ConflictException("a user with this email already exists");
        }
        UserId user = accounts.createUser(email.strip().toLowerCase(Locale.ROOT), displayName.strip(),
                encoder.encode(password), clock.instant());
        accounts.addMember(team, user, role, clock.instant());
        return user;
    }

    static Problems checkPassword(Problems problems, String field, String password) {
        return problems.check(password != null && password.length() >= 8, field, "must have at least 8 characters")
                .check(password == null || password.length() <= 256, field, "must have at most 256 characters");
    }

    /**
     * Checks a password in constant work whether or not the email exists (no user enumeration).
     * No throttling and no second factor: sign-in paths go through {@link SignInService}.
     */
    public Optional<CurrentUser> authenticate(String email, String password) {
        return verify(email, password).map(Account::toCurrentUser);
    }

    Optional<Account> verify(String email, String password) {
        if (email == null || password == null) {
            encoder.matches("x", dummyHash.join());
            return Optional.empty();
        }
        Optional<Account> account = accounts.findByEmail(email.strip());
        String hash = account.map(Account::passwordHash).orElseGet(dummyHash::join);
        boolean ok = encoder.matches(password, hash);
        return ok ? account : Optional.empty();
    }

    Optional<Account> accountByEmail(String email) {
        return accounts.findByEmail(email);
    }

    @Transactional
    public IssuedToken issueToken(CurrentUser user, String name) {
        return issueToken(user, name, TokenScope.READ_WRITE, null);
    }

    /**
     * A new personal token for the user's current team. A read-only token never writes, whatever
     * the role; an expiry, when given, must be in the future.
     */
    @Transactional
    public IssuedToken issueToken(CurrentUser user, String name, TokenScope scope, Instant expiresAt) {
        Instant now = clock.instant();
        new Problems().check(name != null && !name.isBlank() && name.length() <= 100, "name",
                        "must be 1 to 100 characters")
                .check(scope != null, "scope", "must be read or read_write")
                .check(expiresAt == null || expiresAt.isAfter(now), "expiresAt", "must be in the future")
                .throwIfAny();
        if (user.readOnly() && scope == TokenScope.READ_WRITE) {
            throw new AccessDeniedException("a read-only token cannot create a read-write token");
        }
        String token = TOKEN_PREFIX + Secrets.random();
        long id = accounts.createToken(user.teamId(), user.userId(), name.strip(), Secrets.sha256(token), scope,
                expiresAt, now);
        events.publishEvent(new Audited(user.teamId(), user.userId(), "token.created",
                "token #" + id + " \"" + name.strip() + "\" (" + scope.code() + ")", null));
        return new IssuedToken(id, name.strip(), token);
    }

    /** The user behind a live token, fresh on every request: removals and role changes apply at once. */
    public Optional<BearerToken> resolveToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        Instant now = clock.instant();
        Instant usedSince = now.minus(TOKEN_USE_RESOLUTION);
        Optional<AccountRepository.TokenOwner> owner = accounts.findByToken(hash, now);
        // at most one write a minute per token: a busy client must not turn every read into a write
        owner.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(usedSince))
                .ifPresent(t -> touchToken(t.account().teamId(), hash, now, usedSince));
        return owner.map(t -> new BearerToken(t.account().toCurrentUser(t.scope() == TokenScope.READ), t.expiresAt()));
    }

    /** Bookkeeping only: a database busy with another writer (an import on H2) must not refuse the request. */
    private void touchToken(TeamId team, String hash, Instant now, Instant usedSince) {
        try {
            accounts.touchToken(team, hash, now, usedSince);
        } catch (TransientDataAccessException e) {
            log.info("token last use not recorded, the database is busy: {}", e.getMostSpecificCause().getMessage());
        }
    }

    public List<ApiToken> tokens(CurrentUser user) {
        return accounts.tokens(user.teamId(), user.userId());
    }

    @Transactional
    public void revokeToken(CurrentUser user, long tokenId) {
        if (user.readOnly()) {
            throw new AccessDeniedException("this API token is read-only");
        }
        if (!accounts.revokeToken(user.teamId(), user.userId(), tokenId, clock.instant())) {
            throw new NotFoundException("token", tokenId);
        }
        events.publishEvent(new Audited(user.teamId(), user.userId(), "token.revoked", "token #" + tokenId, null));
    }

    public List<Member> members(TeamId team) {
        return accounts.members(team);
    }

    /** The team's members' display names by user id, to say who made a record. */
    public java.util.Map<UserId, String> memberNames(TeamId team) {
        return Member.names(members(team));
    }

    public boolean isMember(TeamId team, UserId user) {
        return accounts.role(team, user).isPresent();
    }

    /**
     * The member whose records a read covers (empty: the whole team), once the viewer may read them:
     * their own always; another member's or the whole team's only as an owner or a manager. A user who
     * is not in the viewer's team is not found, whoever asks, so ids of other teams reveal nothing.
     */
    public Optional<UserId> reading(CurrentUser viewer, Whose whose) {
        UserId member = whose.team() ? null : whose.member() == null ? viewer.userId() : whose.member();
        if (member != null && !member.equals(viewer.userId()) && !isMember(viewer.teamId(), member)) {
            throw new NotFoundException("member", member.value());
        }
        requireSees(viewer, member);
        return Optional.ofNullable(member);
    }

    private static void requireSees(CurrentUser viewer, UserId member) {
        if (!viewer.userId().equals(member) && !viewer.role().seesTeam()) {
            throw new AccessDeniedException("only owners and managers see other members' records");
        }
    }

    /**
     * The one member whose records a read covers, as that member sees them (their time zone, their
     * clients) but unable to write: the viewer themselves, or for owners and managers a member they
     * asked for. Not for the whole team.
     */
    public CurrentUser readingAs(CurrentUser viewer, Whose whose) {
        if (whose.team()) {
            throw new dev.rapport.shared.InvalidInputException("team", "these records are read one member at a time");
        }
        if (whose.member() == null || whose.member().equals(viewer.userId())) {
            return viewer;
        }
        // one read finds the member (404 outside the viewer's team) and what they see; then the role check
        CurrentUser m = member(viewer.teamId(), whose.member()).orElseThrow(() -> new NotFoundException("member",
                whose.member().value()));
        requireSees(viewer, m.userId());
        return new CurrentUser(m.userId(), m.teamId(), m.role(), m.zone(), m.email(), m.displayName(), true);
    }

    /** Owners, managers and members own clients; viewers do not. */
    public boolean canOwnClients(TeamId team, UserId user) {
        return accounts.role(team, user).map(Role::canWrite).orElse(false);
    }

    /** The user acting in a team, fresh from the database; empty once they left it. */
    public Optional<CurrentUser> inTeam(String email, TeamId team) {
        return accounts.findInTeam(email, team).map(Account::toCurrentUser);
    }

    /** The user in their first team; empty when they belong to none. */
    public Optional<CurrentUser> inFirstTeam(String email) {
        return accounts.findByEmail(email).map(Account::toCurrentUser);
    }

    public List<TeamMembership> teams(UserId user) {
        return accounts.teamsOf(user);
    }

    public Optional<TeamId> findTeamByName(String name) {
        return accounts.findTeamByName(name);
    }

    /** Your name, your own time zone (null: you follow the team's) and the team's zone. */
    public record Profile(String name, String timeZone, String teamTimeZone) {
        /** The zone your calendar days are in. */
        public String effectiveTimeZone() {
            return Account.effectiveZone(timeZone, teamTimeZone);
        }
    }

    public Profile profile(CurrentUser user) {
        Account a = accounts.findMembership(user.teamId(), user.userId())
                .orElseThrow(() -> new NotFoundException("user", user.userId()));
        return new Profile(a.displayName(), a.userZone(), a.teamZone());
    }

    /**
     * Your name and time zone, in all your teams; a blank or null zone follows each team's. Timed
     * entries are tallied again into the days of the new zone; entries logged for a day stay on it.
     */
    @Transactional
    public Profile updateProfile(CurrentUser user, String name, String timeZone) {
        if (user.readOnly()) {
            throw new AccessDeniedException("a read-only token cannot change your profile");
        }
        String zone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
        new Problems()
                .check(name != null && !name.isBlank() && name.length() <= 200, "name", "must be 1 to 200 characters")
                .check(zone == null || (zone.length() <= 64 && validZone(zone)), "timeZone",
                        "must be a time zone id such as Europe/Amsterdam, or empty to follow the team's")
                .throwIfAny();
        Profile before = profile(user);
        String id = zone == null ? null : ZoneId.of(zone).getId();
        accounts.setProfile(user.userId(), name.strip(), id);
        if (!java.util.Objects.equals(before.timeZone(), id)) {
            events.publishEvent(new TimeZoneChanged(user.userId()));
        }
        if (!before.name().equals(name.strip())) {
            events.publishEvent(new NameChanged(user.userId()));
        }
        return profile(user);
    }

    public String teamName(TeamId team) {
        return accounts.teamName(team).orElseThrow(() -> new NotFoundException("team", team));
    }

    public boolean hasUsers() {
        return accounts.countUsers() > 0;
    }

    static boolean validZone(String zone) {
        if (zone == null) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Every member of every team as they act there, zone included (for the email digest job). */
    public List<CurrentUser> allMembers() {
        return accounts.allMemberships().stream().map(Account::toCurrentUser).toList();
    }

    /** The user as they act in the team, or empty once they are no longer a member (calendar feeds). */
    public Optional<CurrentUser> member(TeamId team, UserId user) {
        return accounts.findMembership(team, user).map(Account::toCurrentUser);
    }
}
