package dev.rapport.teams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.shared.ConflictException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.Problems;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/** Teams, users, sign-in and personal API tokens. */
@Service
public class AccountService {
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final String TOKEN_PREFIX = "rp_";

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Hash of a random password: unknown emails cost the same time as wrong passwords. */
    private final String dummyHash;

    AccountService(AccountRepository accounts, PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
        this.dummyHash = encoder.encode(randomSecret());
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
        new Problems()
                .check(email != null && EMAIL.matcher(email).matches(), "email", "must be an email address")
                .check(displayName != null && !displayName.isBlank(), "name", "must not be empty")
                .check(password != null && password.length() >= 8, "password", "must have at least 8 characters")
                .check(password == null || password.length() <= 256, "password", "must have at most 256 characters")
                .throwIfAny();
        if (accounts.findByEmail(email).isPresent()) {
            throw new ConflictException("a user with this email already exists");
        }
        UserId user = accounts.createUser(email.strip().toLowerCase(Locale.ROOT), displayName.strip(),
                encoder.encode(password), clock.instant());
        accounts.addMember(team, user, role, clock.instant());
        return user;
    }

    /** Checks a password in constant work whether or not the email exists (no user enumeration). */
    public Optional<CurrentUser> authenticate(String email, String password) {
        if (email == null || password == null) {
            encoder.matches("x", dummyHash);
            return Optional.empty();
        }
        Optional<Account> account = accounts.findByEmail(email.strip());
        String hash = account.map(Account::passwordHash).orElse(dummyHash);
        boolean ok = encoder.matches(password, hash);
        return ok ? account.map(Account::toCurrentUser) : Optional.empty();
    }

    Optional<Account> accountByEmail(String email) {
        return accounts.findByEmail(email);
    }

    @Transactional
    public IssuedToken issueToken(CurrentUser user, String name) {
        new Problems().check(name != null && !name.isBlank() && name.length() <= 100, "name",
                "must be 1 to 100 characters").throwIfAny();
        String token = TOKEN_PREFIX + randomSecret();
        long id = accounts.createToken(user.teamId(), user.userId(), name.strip(), sha256(token), clock.instant());
        return new IssuedToken(id, name.strip(), token);
    }

    public Optional<CurrentUser> resolveToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Optional<CurrentUser> user = accounts.findByToken(hash).map(Account::toCurrentUser);
        user.ifPresent(u -> accounts.touchToken(hash, clock.instant()));
        return user;
    }

    public List<ApiToken> tokens(CurrentUser user) {
        return accounts.tokens(user.teamId(), user.userId());
    }

    @Transactional
    public void revokeToken(CurrentUser user, long tokenId) {
        if (!accounts.revokeToken(user.teamId(), user.userId(), tokenId, clock.instant())) {
            throw new NotFoundException("token", tokenId);
        }
    }

    public List<Member> members(TeamId team) {
        return accounts.members(team);
    }

    public boolean isMember(TeamId team, UserId user) {
        return accounts.isMember(team, user);
    }

    public Optional<TeamId> findTeamByName(String name) {
        return accounts.findTeamByName(name);
    }

    public String teamName(TeamId team) {
        return accounts.teamName(team).orElseThrow(() -> new NotFoundException("team", team));
    }

    public boolean hasUsers() {
        return accounts.countUsers() > 0;
    }

    private String randomSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
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
}
