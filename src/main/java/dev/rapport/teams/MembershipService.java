package dev.rapport.teams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.shared.Audited;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.Problems;
import dev.rapport.shared.UserId;

/** Who belongs to a team: invitations, roles, removals. Owners decide; the last owner stays. */
@Service
public class MembershipService {
    private final AccountRepository accounts;
    private final InvitationRepository invitations;
    private final AccountService accountService;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration validFor;

    MembershipService(AccountRepository accounts, InvitationRepository invitations, AccountService accountService,
                      ApplicationEventPublisher events, Clock clock,
                      @Value("${rapport.invitations.valid-for:7d}") Duration validFor) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.accountService = accountService;
        this.events = events;
        this.clock = clock;
        this.validFor = validFor;
    }

    /** Invites an email address with a role; the returned secret goes into the link, once. */
    @Transactional
    public IssuedInvitation invite(CurrentUser owner, String email, String role) {
        owner.requireOwner();
        String clean = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        new Problems()
                .check(clean != null && AccountService.EMAIL.matcher(clean).matches() && clean.length() <= 320,
                        "email", "must be an email address")
                .check(Role.parse(role).isPresent(), "role", "must be one of owner, manager, member, viewer")
                .throwIfAny();
        if (accounts.findInTeam(clean, owner.teamId()).isPresent()) {
            throw new ConflictException(clean + " is already a member of this team");
        }
        String token = Secrets.random();
        Instant now = clock.instant();
        long id = invitations.insert(owner.teamId(), clean, Role.parse(role).orElseThrow(), Secrets.sha256(token),
                owner.userId(), now, now.plus(validFor));
        audit(owner, "member.invited", clean + " as " + role);
        return new IssuedInvitation(invitations.find(owner.teamId(), id).orElseThrow(), token);
    }

    public List<Invitation> invitations(CurrentUser owner) {
        owner.requireOwnerRole();
        return invitations.list(owner.teamId());
    }

    @Transactional
    public void revokeInvitation(CurrentUser owner, long id) {
        owner.requireOwner();
        Invitation invitation = invitations.find(owner.teamId(), id)
                .orElseThrow(() -> new NotFoundException("invitation", id));
        if (!invitations.revoke(owner.teamId(), id, clock.instant())) {
            throw new ConflictException("this invitation is already " + stateWord(invitation));
        }
        audit(owner, "member.invitation_revoked", invitation.email());
    }

    /** The invitation behind a link, if it can still be accepted; a clear 410 or 404 otherwise. */
    public Invitation pending(String token) {
        Invitation invitation = token == null ? null
                : invitations.findByTokenHash(Secrets.sha256(token)).orElse(null);
        if (invitation == null) {
            throw new NotFoundException("invitation", "(this link)");
        }
        Instant now = clock.instant();
        switch (invitation.state(now)) {
            case ACCEPTED -> throw new InvitationGoneException(Invitation.State.ACCEPTED,
                    "this invitation was already used; sign in instead");
            case REVOKED -> throw new InvitationGoneException(Invitation.State.REVOKED,
                    "this invitation was withdrawn; ask the team owner for a new one");
            case EXPIRED -> throw new InvitationGoneException(Invitation.State.EXPIRED,
                    "this invitation expired on " + invitation.expiresAt()
                    + "; ask the team owner for a new one");
            case PENDING -> {
                return invitation;
            }
            default -> throw new IllegalStateException();
        }
    }

    /** A signed-in user accepts an invitation sent to their email address. */
    @Transactional
    public CurrentUser accept(String token, CurrentUser user) {
        if (user.readOnly()) {
            throw new org.springframework.security.access.AccessDeniedException("this API token is read-only");
        }
        Invitation invitation = pending(token);
        if (!invitation.email().equalsIgnoreCase(user.email())) {
            throw new InvalidInputException("email", "this invitation is for " + invitation.email()
                    + "; sign in with that address");
        }
        if (accounts.role(invitation.teamId(), user.userId()).isPresent()) {
            throw new ConflictException("you are already a member of " + invitation.teamName());
        }
        return join(invitation, user.userId(), user.email());
    }

    /** Someone without an account accepts: the account is created with the invited email address. */
    @Transactional
    public CurrentUser acceptAsNewUser(String token, String name, String password) {
        Invitation invitation = pending(token);
        if (accounts.userIdByEmail(invitation.email()).isPresent()) {
            throw new ConflictException("an account with " + invitation.email()
                    + " already exists: sign in, then open the invitation link again");
        }
        Problems problems = new Problems().check(name != null && !name.isBlank() && name.length() <= 200, "name",
                "must be 1 to 200 characters");
        AccountService.checkPassword(problems, "password", password).throwIfAny();
        UserId user = accountService.createUser(invitation.teamId(), invitation.email(), name, password,
                invitation.role());
        if (!invitations.accept(invitation.teamId(), invitation.id(), user, clock.instant())) {
            throw new InvitationGoneException(Invitation.State.ACCEPTED, "this invitation was already used");
        }
        return audited(invitation, user);
    }

    private CurrentUser join(Invitation invitation, UserId user, String email) {
        if (!invitations.accept(invitation.teamId(), invitation.id(), user, clock.instant())) {
            throw new InvitationGoneException(Invitation.State.ACCEPTED, "this invitation was already used");
        }
        accounts.addMember(invitation.teamId(), user, invitation.role(), clock.instant());
        return audited(invitation, user);
    }

    private CurrentUser audited(Invitation invitation, UserId user) {
        CurrentUser joined = accountService.inTeam(invitation.email(), invitation.teamId()).orElseThrow();
        events.publishEvent(new Audited(invitation.teamId(), user, "member.joined",
                invitation.email() + " as " + invitation.role().code(), null));
        return joined;
    }

    /** Changes a member's role; takes effect on their next request (sessions and tokens included). */
    @Transactional
    public void changeRole(CurrentUser owner, UserId member, String role) {
        owner.requireOwner();
        Role newRole = Role.parse(role).orElseThrow(() -> new InvalidInputException("role",
                "must be one of owner, manager, member, viewer"));
        Role old = accounts.role(owner.teamId(), member).orElseThrow(() -> new NotFoundException("member", member));
        if (old == newRole) {
            return;
        }
        if (old == Role.OWNER && accounts.countOwners(owner.teamId()) <= 1) {
            throw new ConflictException("the last owner cannot be demoted; make someone else owner first");
        }
        accounts.setRole(owner.teamId(), member, newRole);
        audit(owner, "member.role_changed", emailOf(owner, member) + ": " + old.code() + " -> " + newRole.code());
    }

    /**
     * Removes a member. Their clients (and the open work on them) go to the successor; without a
     * successor the removal is refused when they own clients. Their tokens for this team die.
     */
    @Transactional
    public void remove(CurrentUser owner, UserId member, UserId successor) {
        owner.requireOwner();
        // the member's row first: handing their clients over takes the rollup gate (RollupGate's order)
        Role role = accounts.lockRole(owner.teamId(), member)
                .orElseThrow(() -> new NotFoundException("member", member));
        if (role == Role.OWNER && accounts.countOwners(owner.teamId()) <= 1) {
            throw new ConflictException("the last owner cannot be removed; make someone else owner first");
        }
        if (successor != null && (successor.equals(member)
                || !accounts.role(owner.teamId(), successor).map(Role::canWrite).orElse(false))) {
            throw new InvalidInputException("successorId",
                    "must be another member of this team who can own clients (not a viewer)");
        }
        String email = emailOf(owner, member);
        events.publishEvent(new MemberRemoving(owner.teamId(), member, successor));
        accounts.revokeTeamTokens(owner.teamId(), member, clock.instant());
        accounts.removeMember(owner.teamId(), member);
        audit(owner, "member.removed", email + (successor == null ? "" : ", clients to user #" + successor));
    }

    public List<Member> members(CurrentUser user) {
        return accounts.members(user.teamId());
    }

    private String emailOf(CurrentUser owner, UserId member) {
        return accounts.members(owner.teamId()).stream().filter(m -> m.userId().equals(member))
                .map(Member::email).findFirst().orElse("user #" + member);
    }

    private void audit(CurrentUser owner, String action, String detail) {
        events.publishEvent(new Audited(owner.teamId(), owner.userId(), action, detail, null));
    }

    private static String stateWord(Invitation invitation) {
        return invitation.acceptedAt() != null ? "accepted" : "withdrawn";
    }
}
