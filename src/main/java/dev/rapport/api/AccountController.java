package dev.rapport.api;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.teams.OwnAccount;
import dev.rapport.teams.AccountSecurityService;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Invitation;
import dev.rapport.teams.MembershipService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Account", description = "Your teams, password, sessions, second factor; accepting invitations")
class AccountController {
    private final AccountService accounts;
    private final AccountSecurityService security;
    private final MembershipService memberships;

    AccountController(AccountService accounts, AccountSecurityService security, MembershipService memberships) {
        this.accounts = accounts;
        this.security = security;
        this.memberships = memberships;
    }

    record TeamDto(long id, String name, String role, boolean current) {
    }

    record PasswordRequest(String currentPassword, String newPassword) {
    }

    record TotpEnrolmentDto(String secret, String otpauthUri) {
    }

    record CodeRequest(String code) {
    }

    record DisableTotpRequest(String password, String code) {
    }

    record SignedOutDto(int ended) {
    }

    record InvitationInfoDto(String team, String email, String role, java.time.Instant expiresAt) {
        static InvitationInfoDto of(Invitation i) {
            return new InvitationInfoDto(i.teamName(), i.email(), i.role().code(), i.expiresAt());
        }
    }

    record AcceptRequest(String name, String password) {
    }

    record JoinedDto(long userId, long teamId, String team, String role) {
        static JoinedDto of(CurrentUser u, String team) {
            return new JoinedDto(u.userId().value(), u.teamId().value(), team, u.role().code());
        }
    }

    @GetMapping("/me/teams")
    @Operation(summary = "The teams you belong to",
            description = "A token acts in one team; get a token for another team by signing in: "
                    + "POST /api/v1/auth/tokens {teamId}.")
    List<TeamDto> teams(CurrentUser user) {
        return accounts.teams(user.userId()).stream().map(t -> new TeamDto(t.teamId().value(), t.name(),
                t.role().code(), t.teamId().equals(user.teamId()))).toList();
    }

    @OwnAccount("own password")
    @PostMapping("/me/password")
    @Operation(summary = "Change your password", description = "Ends all your web sessions; API tokens stay.")
    ResponseEntity<Void> password(CurrentUser user, @RequestBody PasswordRequest request) {
        security.changePassword(user, request.currentPassword(), request.newPassword(), null);
        return ResponseEntity.noContent().build();
    }

    @OwnAccount("own sessions and tokens")
    @PostMapping("/me/sign-out-everywhere")
    @Operation(summary = "Sign out everywhere",
            description = "Ends every web session and revokes every API token of yours, this one included.")
    SignedOutDto signOutEverywhere(CurrentUser user) {
        return new SignedOutDto(security.signOutEverywhere(user));
    }

    @OwnAccount("own second factor")
    @PostMapping("/me/totp")
    @Operation(summary = "Start two-factor sign-in: a secret to add to an authenticator app",
            description = "Two-factor is on only after POST /api/v1/me/totp/confirm with a current code.")
    TotpEnrolmentDto startTotp(CurrentUser user) {
        var enrolment = security.startTotp(user);
        return new TotpEnrolmentDto(enrolment.secret(), enrolment.uri());
    }

    @OwnAccount("own second factor")
    @PostMapping("/me/totp/confirm")
    @Operation(summary = "Confirm two-factor sign-in with a code from the app")
    ResponseEntity<Void> confirmTotp(CurrentUser user, @RequestBody CodeRequest request) {
        security.confirmTotp(user, request.code());
        return ResponseEntity.noContent().build();
    }

    @OwnAccount("own second factor")
    @DeleteMapping("/me/totp")
    @Operation(summary = "Turn two-factor sign-in off (needs your password and a current code)")
    ResponseEntity<Void> disableTotp(CurrentUser user, @RequestBody DisableTotpRequest request) {
        security.disableTotp(user, request.password(), request.code());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/invitations/{token}")
    @Operation(summary = "What an invitation link offers (no sign-in needed)",
            description = "404 for an unknown link; 410 with the reason when it expired, was used or withdrawn.")
    InvitationInfoDto invitation(@PathVariable String token) {
        return InvitationInfoDto.of(memberships.pending(token));
    }

    @OwnAccount("joining another team by invitation")
    @PostMapping("/invitations/{token}/accept")
    @Operation(summary = "Accept an invitation",
            description = "With a token of the invited account: joins the team. Without one: creates the account "
                    + "(name and password) for the invited email and joins.")
    JoinedDto accept(@PathVariable String token, @RequestBody(required = false) AcceptRequest request) {
        CurrentUser joined = signedIn().map(user -> memberships.accept(token, user))
                .orElseGet(() -> memberships.acceptAsNewUser(token, request == null ? null : request.name(),
                        request == null ? null : request.password()));
        return JoinedDto.of(joined, accounts.teamName(joined.teamId()));
    }

    private static java.util.Optional<CurrentUser> signedIn() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? java.util.Optional.of(user)
                : java.util.Optional.empty();
    }
}
