package dev.rapport.teams;

import java.time.Clock;
import java.util.OptionalLong;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.shared.Audited;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.Problems;
import dev.rapport.shared.UserId;

/** A user's own account security: password, sessions, second factor; and the admin's reset. */
@Service
public class AccountSecurityService {
    private final AccountRepository accounts;
    private final AccountService accountService;
    private final SessionTerminator sessions;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountSecurityService(AccountRepository accounts, AccountService accountService, SessionTerminator sessions,
                           PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.sessions = sessions;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    /** Changes the password; every other session of the user ends (tokens stay: they are revoked one by one). */
    @Transactional
    public void changePassword(CurrentUser user, String current, String replacement, String keepSessionId) {
        requireNotToken(user);
        Problems problems = new Problems();
        AccountService.checkPassword(problems, "newPassword", replacement).throwIfAny();
        if (accountService.verify(user.email(), current).isEmpty()) {
            throw new InvalidInputException("currentPassword", "is not your current password");
        }
        accounts.setPassword(user.userId(), encoder.encode(replacement), clock.instant());
        int ended = sessions.endSessions(user.email(), keepSessionId);
        audit(user, "account.password_changed", ended + " other session(s) ended");
    }

    /** Ends every web session (this one too) and revokes every API token of the user, in all teams. */
    @Transactional
    public int signOutEverywhere(CurrentUser user) {
        requireNotToken(user);
        int tokens = accounts.revokeAllTokens(user.userId(), clock.instant());
        int ended = sessions.endSessions(user.email(), null);
        audit(user, "account.signed_out_everywhere", ended + " session(s) ended, " + tokens + " token(s) revoked");
        return ended + tokens;
    }

    /** For the `rapport admin reset-password` command: a new password, all sessions ended, optionally no TOTP. */
    @Transactional
    public void resetPassword(String email, String replacement, boolean removeSecondFactor) {
        UserId user = accounts.userIdByEmail(email == null ? "" : email)
                .orElseThrow(() -> new NotFoundException("user", email));
        AccountService.checkPassword(new Problems(), "password", replacement).throwIfAny();
        accounts.setPassword(user, encoder.encode(replacement), clock.instant());
        if (removeSecondFactor) {
            accounts.setTotp(user, null, false);
        }
        sessions.endSessions(email.strip().toLowerCase(java.util.Locale.ROOT), null);
        for (TeamMembership team : accounts.teamsOf(user)) {
            events.publishEvent(new Audited(team.teamId(), user, "account.password_reset_by_admin",
                    removeSecondFactor ? "password reset, second factor removed" : "password reset", null));
        }
    }

    public record TotpEnrolment(String secret, String uri) {
    }

    public boolean totpEnabled(CurrentUser user) {
        return accounts.totp(user.userId()).map(AccountRepository.TotpState::enabled).orElse(false);
    }

    /** Starts enrolment: a new secret to scan; the factor is on only after {@link #confirmTotp}. */
    @Transactional
    public TotpEnrolment startTotp(CurrentUser user) {
        requireNotToken(user);
        if (totpEnabled(user)) {
            throw new ConflictException("two-factor sign-in is already on; turn it off first to start again");
        }
        String secret = Totp.newSecret();
        accounts.setTotp(user.userId(), secret, false);
        return new TotpEnrolment(secret, Totp.uri(secret, user.email()));
    }

    @Transactional
    public void confirmTotp(CurrentUser user, String code) {
        requireNotToken(user);
        var state = accounts.totp(user.userId()).orElseThrow(() -> new ConflictException(
                "start two-factor enrolment first"));
        if (state.enabled()) {
            throw new ConflictException("two-factor sign-in is already on");
        }
        OptionalLong step = Totp.matchingStep(state.secret(), code, clock.instant());
        if (step.isEmpty()) {
            throw new InvalidInputException("code", "does not match; check the time on your phone and try again");
        }
        accounts.setTotp(user.userId(), state.secret(), true);
        accounts.useTotpStep(user.userId(), step.getAsLong());
        audit(user, "account.totp_enabled", null);
    }

    /** Turning the factor off needs the password and a current code (a stolen session alone cannot). */
    @Transactional
    public void disableTotp(CurrentUser user, String password, String code) {
        requireNotToken(user);
        var state = accounts.totp(user.userId()).filter(AccountRepository.TotpState::enabled)
                .orElseThrow(() -> new ConflictException("two-factor sign-in is not on"));
        OptionalLong step = Totp.matchingStep(state.secret(), code, clock.instant());
        boolean ok = accountService.verify(user.email(), password).isPresent() && step.isPresent()
                && accounts.useTotpStep(user.userId(), step.getAsLong());
        if (!ok) {
            throw new InvalidInputException("code", "password or code is wrong");
        }
        accounts.setTotp(user.userId(), null, false);
        audit(user, "account.totp_disabled", null);
    }

    /** A read-only token must not change credentials. */
    private static void requireNotToken(CurrentUser user) {
        if (user.readOnly()) {
            throw new org.springframework.security.access.AccessDeniedException("this API token is read-only");
        }
    }

    private void audit(CurrentUser user, String action, String detail) {
        events.publishEvent(new Audited(user.teamId(), user.userId(), action, detail, null));
    }
}
