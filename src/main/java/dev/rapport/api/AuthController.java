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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.teams.AccountService;
import dev.rapport.teams.ApiToken;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.IssuedToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Authentication", description = "Personal API tokens and who you are")
class AuthController {
    private final AccountService accounts;
    private final java.time.Clock clock;

    AuthController(AccountService accounts, java.time.Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    record LoginRequest(String email, String password, String tokenName) {
    }

    record TokenDto(long id, String name, String token) {
        static TokenDto of(IssuedToken t) {
            return new TokenDto(t.id(), t.name(), t.token());
        }
    }

    record TokenInfoDto(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        static TokenInfoDto of(ApiToken t) {
            return new TokenInfoDto(t.id(), t.name(), t.createdAt(), t.lastUsedAt(), t.revokedAt());
        }
    }

    record NewTokenRequest(String name) {
    }

    /** today: the user's local calendar date, which the CLI uses for "yesterday" and "fri". */
    record MeDto(long userId, String email, String name, long teamId, String team, String role, String timeZone,
                 java.time.LocalDate today) {
    }

    @PostMapping("/auth/tokens")
    @Operation(summary = "Sign in with email and password and get a new API token",
            description = "The token is shown once; only its SHA-256 is stored. Send it as 'Authorization: Bearer'.")
    ResponseEntity<?> login(@RequestBody LoginRequest request) {
        return accounts.authenticate(request.email(), request.password())
                .<ResponseEntity<?>>map(user -> ResponseEntity.status(HttpStatus.CREATED).body(TokenDto.of(
                        accounts.issueToken(user, request.tokenName() == null ? "api" : request.tokenName()))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(
                        ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "invalid email or password")));
    }

    @GetMapping("/me")
    @Operation(summary = "Who the token belongs to")
    MeDto me(CurrentUser user) {
        return new MeDto(user.userId().value(), user.email(), user.displayName(), user.teamId().value(),
                accounts.teamName(user.teamId()), user.role().code(), user.zone().getId(), user.today(clock));
    }

    @GetMapping("/tokens")
    @Operation(summary = "Your API tokens (never the secrets)")
    List<TokenInfoDto> tokens(CurrentUser user) {
        return accounts.tokens(user).stream().map(TokenInfoDto::of).toList();
    }

    @PostMapping("/tokens")
    @Operation(summary = "Create another API token")
    ResponseEntity<TokenDto> newToken(CurrentUser user, @RequestBody NewTokenRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(TokenDto.of(accounts.issueToken(user, request.name())));
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke an API token")
    ResponseEntity<Void> revoke(CurrentUser user, @PathVariable long id) {
        accounts.revokeToken(user, id);
        return ResponseEntity.noContent().build();
    }
}
