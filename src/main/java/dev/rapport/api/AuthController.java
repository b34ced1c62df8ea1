package dev.rapport.api;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.teams.OwnAccount;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.TeamId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.SignInService;
import dev.rapport.teams.TokenScope;
import jakarta.servlet.http.HttpServletRequest;
import dev.rapport.teams.ApiToken;
import dev.rapport.teams.BearerToken;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.IssuedToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Authentication", description = "Personal API tokens and who you are")
class AuthController {
    private final AccountService accounts;
    private final SignInService signIn;
    private final java.time.Clock clock;

    AuthController(AccountService accounts, SignInService signIn, java.time.Clock clock) {
        this.accounts = accounts;
        this.signIn = signIn;
        this.clock = clock;
    }

    /**
     * code: the 6-digit TOTP code, for accounts with two-factor sign-in. teamId: the team the
     * token acts in (default: your first team). scope: read or read_write (default). expiresAt:
     * optional.
     */
    record LoginRequest(String email, String password, String code, String tokenName, Long teamId, String scope,
                        Instant expiresAt) {
    }

    record TokenDto(long id, String name, String token) {
        static TokenDto of(IssuedToken t) {
            return new TokenDto(t.id(), t.name(), t.token());
        }
    }

    record TokenInfoDto(long id, String name, String scope, Instant createdAt, Instant expiresAt,
                        Instant lastUsedAt, Instant revokedAt) {
        static TokenInfoDto of(ApiToken t) {
            return new TokenInfoDto(t.id(), t.name(), t.scope().code(), t.createdAt(), t.expiresAt(), t.lastUsedAt(),
                    t.revokedAt());
        }
    }

    /**
     * scope: read or read_write (default); expiresAt: no later than the calling token's own, and
     * required when it has one; teamId: the calling token's team only (the default).
     */
    record NewTokenRequest(String name, String scope, Instant expiresAt, Long teamId) {
    }

    /** today: the user's local calendar date, which the CLI uses for "yesterday" and "fri". */
    record MeDto(long userId, String email, String name, long teamId, String team, String role, String timeZone,
                 java.time.LocalDate today) {
    }

    @OwnAccount("signing in")
    @PostMapping("/auth/tokens")
    @Operation(summary = "Sign in with email and password (and TOTP code) and get a new API token",
            description = "The token is shown once; only its SHA-256 is stored. Send it as 'Authorization: Bearer'. "
                    + "Failed attempts are throttled per account and per address: 429 with Retry-After.")
    ResponseEntity<?> login(@RequestBody LoginRequest request, HttpServletRequest http) {
        return signIn.signIn(request.email(), request.password(), request.code(), http.getRemoteAddr(), "api")
                .<ResponseEntity<?>>map(user -> ResponseEntity.status(HttpStatus.CREATED).body(TokenDto.of(
                        accounts.issueToken(inTeam(user, request.teamId()),
                                request.tokenName() == null ? "api" : request.tokenName(), scope(request.scope()),
                                request.expiresAt()))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(
                        ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "invalid email, password or code")));
    }

    @GetMapping("/me")
    @Operation(summary = "Who the token belongs to")
    MeDto me(CurrentUser user) {
        return new MeDto(user.userId().value(), user.email(), user.displayName(), user.teamId().value(),
                accounts.teamName(user.teamId()), user.role().code(), user.zone().getId(), user.today(clock));
    }

    /** timeZone: your own zone, or null when you follow the team's (teamTimeZone). */
    record ProfileDto(String name, String timeZone, String teamTimeZone, String effectiveTimeZone) {
        static ProfileDto of(AccountService.Profile p) {
            return new ProfileDto(p.name(), p.timeZone(), p.teamTimeZone(), p.effectiveTimeZone());
        }
    }

    /** timeZone: an IANA id such as Europe/Paris; null or empty follows the team's zone. */
    record ProfileRequest(String name, String timeZone) {
    }

    @GetMapping("/me/profile")
    @Operation(summary = "Your name and time zone")
    ProfileDto profile(CurrentUser user) {
        return ProfileDto.of(accounts.profile(user));
    }

    @OwnAccount("own name and time zone")
    @PutMapping("/me/profile")
    @Operation(summary = "Change your name and time zone (in all your teams)",
            description = "The time zone decides your calendar days: today's queue, the journal, reports and the "
                    + "digest hour. Null or empty follows the team's zone. Timed entries move to the days they fall on in the new zone.")
    ProfileDto updateProfile(CurrentUser user, @RequestBody ProfileRequest request) {
        return ProfileDto.of(accounts.updateProfile(user, request.name(), request.timeZone()));
    }

    @GetMapping("/tokens")
    @Operation(summary = "Your API tokens (never the secrets)")
    List<TokenInfoDto> tokens(CurrentUser user) {
        return accounts.tokens(user).stream().map(TokenInfoDto::of).toList();
    }

    @OwnAccount("own tokens; a read-only token mints only read-only ones")
    @PostMapping("/tokens")
    @Operation(summary = "Create another API token",
            description = "The new token stays within the calling one: its team, no later expiry, and read-only "
                    + "if the caller is. For a token in another team, sign in with POST /api/v1/auth/tokens {teamId}.")
    ResponseEntity<TokenDto> newToken(CurrentUser user, @RequestBody NewTokenRequest request) {
        BearerToken.current().ifPresent(caller -> caller.checkMints(request.teamId(), request.expiresAt()));
        return ResponseEntity.status(HttpStatus.CREATED).body(TokenDto.of(accounts.issueToken(
                inTeam(user, request.teamId()), request.name(), scope(request.scope()), request.expiresAt())));
    }

    private CurrentUser inTeam(CurrentUser user, Long teamId) {
        if (teamId == null || teamId == user.teamId().value()) {
            return user;
        }
        CurrentUser other = accounts.inTeam(user.email(), new TeamId(teamId))
                .orElseThrow(() -> new NotFoundException("team", teamId));
        return user.readOnly() ? new CurrentUser(other.userId(), other.teamId(), other.role(), other.zone(),
                other.email(), other.displayName(), true) : other;
    }

    private static TokenScope scope(String code) {
        return code == null ? TokenScope.READ_WRITE : TokenScope.fromCode(code)
                .orElseThrow(() -> new InvalidInputException("scope", "must be read or read_write"));
    }

    @OwnAccount("revoking one's own token")
    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke an API token")
    ResponseEntity<Void> revoke(CurrentUser user, @PathVariable long id) {
        accounts.revokeToken(user, id);
        return ResponseEntity.noContent().build();
    }
}
