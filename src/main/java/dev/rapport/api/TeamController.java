package dev.rapport.api;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.shared.UserId;
import dev.rapport.teams.AuditEvent;
import dev.rapport.teams.AuditLog;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Invitation;
import dev.rapport.teams.IssuedInvitation;
import dev.rapport.teams.Member;
import dev.rapport.teams.MembershipService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/team")
@Tag(name = "Team", description = "Members, roles, invitations and the audit log of your current team")
class TeamController {
    private final MembershipService memberships;
    private final AuditLog audit;
    private final java.time.Clock clock;

    TeamController(MembershipService memberships, AuditLog audit, java.time.Clock clock) {
        this.memberships = memberships;
        this.audit = audit;
        this.clock = clock;
    }

    record MemberDto(long userId, String email, String name, String role) {
        static MemberDto of(Member m) {
            return new MemberDto(m.userId().value(), m.email(), m.displayName(), m.role().code());
        }
    }

    record InvitationDto(long id, String email, String role, String state, Instant createdAt, Instant expiresAt,
                         Instant acceptedAt) {
        static InvitationDto of(Invitation i, Instant now) {
            return new InvitationDto(i.id(), i.email(), i.role().code(),
                    i.state(now).name().toLowerCase(java.util.Locale.ROOT), i.createdAt(), i.expiresAt(),
                    i.acceptedAt());
        }
    }

    /** token: the secret for the link, shown once; acceptUrl: the page to send to the invited person. */
    record IssuedInvitationDto(InvitationDto invitation, String token, String acceptPath) {
    }

    record InviteRequest(String email, String role) {
    }

    record RoleRequest(String role) {
    }

    record AuditEventDto(long id, Instant at, Long userId, String userEmail, String action, String detail,
                         String remoteAddress) {
        static AuditEventDto of(AuditEvent e) {
            return new AuditEventDto(e.id(), e.at(), e.userId() == null ? null : e.userId().value(), e.userEmail(),
                    e.action(), e.detail(), e.remoteAddress());
        }
    }

    @GetMapping("/members")
    @Operation(summary = "The team's members and their roles")
    List<MemberDto> members(CurrentUser user) {
        return memberships.members(user).stream().map(MemberDto::of).toList();
    }

    @PutMapping("/members/{userId}/role")
    @Operation(summary = "Change a member's role (owners)",
            description = "Takes effect on the member's next request. The last owner cannot be demoted (409).")
    ResponseEntity<Void> changeRole(CurrentUser user, @PathVariable long userId, @RequestBody RoleRequest request) {
        memberships.changeRole(user, new UserId(userId), request.role());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/members/{userId}")
    @Operation(summary = "Remove a member (owners)",
            description = "successorId takes over the member's clients with their history and open work; it is "
                    + "required when the member owns clients. The last owner cannot be removed (409).")
    ResponseEntity<Void> remove(CurrentUser user, @PathVariable long userId,
                                @RequestParam(required = false) Long successorId) {
        memberships.remove(user, new UserId(userId), successorId == null ? null : new UserId(successorId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/invitations")
    @Operation(summary = "Invitations of the team, newest first (owners)")
    List<InvitationDto> invitations(CurrentUser user) {
        Instant now = clock.instant();
        return memberships.invitations(user).stream().map(i -> InvitationDto.of(i, now)).toList();
    }

    @PostMapping("/invitations")
    @Operation(summary = "Invite someone by email with a role (owners)",
            description = "Returns the secret link once; it works once, until it expires (7 days by default).")
    ResponseEntity<IssuedInvitationDto> invite(CurrentUser user, @RequestBody InviteRequest request) {
        IssuedInvitation issued = memberships.invite(user, request.email(), request.role());
        return ResponseEntity.status(HttpStatus.CREATED).body(new IssuedInvitationDto(
                InvitationDto.of(issued.invitation(), clock.instant()), issued.token(), "/invite/" + issued.token()));
    }

    @DeleteMapping("/invitations/{id}")
    @Operation(summary = "Withdraw a pending invitation (owners)")
    ResponseEntity<Void> revokeInvitation(CurrentUser user, @PathVariable long id) {
        memberships.revokeInvitation(user, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/audit")
    @Operation(summary = "The team's audit log, newest first (owners)",
            description = "Sign-ins, role changes, tokens, exports, ownership transfers: who, when, what, from where.")
    PageDto<AuditEventDto> audit(CurrentUser user, @RequestParam(required = false) String cursor,
                                 @RequestParam(defaultValue = "50") int limit) {
        return PageDto.of(audit.page(user, cursor, limit), AuditEventDto::of);
    }
}
