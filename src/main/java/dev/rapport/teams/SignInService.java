package dev.rapport.teams;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.rapport.shared.Audited;
import dev.rapport.shared.TooManyRequestsException;

/**
 * Every sign-in (web form and API token request) goes through here: throttle first, then the
 * password, then the second factor when the account has one. Any failure is the same failure,
 * so a wrong code tells nothing more than a wrong password.
 */
@Service
public class SignInService {
    private final AccountService accounts;
    private final AccountRepository repository;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInService(AccountService accounts, AccountRepository repository, LoginThrottle throttle,
                  ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.repository = repository;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The signed-in user, or empty for wrong credentials.
     *
     * @param code the TOTP code; ignored for accounts without a second factor
     * @param address the caller's address, throttled separately from the account
     * @throws TooManyRequestsException while the account or the address is throttled
     */
    public Optional<CurrentUser> signIn(String email, String password, String code, String address, String via) {
        Optional<Duration> wait = throttle.blocked(email, address);
        if (wait.isPresent()) {
            events.publishEvent(new Audited(null, null, "auth.login.throttled", via + " sign-in refused for "
                    + shorten(email), address));
            throw new TooManyRequestsException("too many failed sign-ins; try again later", wait.get());
        }
        Optional<Account> account = accounts.verify(email, password).filter(a -> secondFactorOk(a, code));
        if (account.isEmpty()) {
            throttle.failed(email, address);
            Optional<Account> known = email == null ? Optional.empty() : repository.findByEmail(email.strip());
            events.publishEvent(new Audited(known.map(Account::teamId).orElse(null),
                    known.map(Account::userId).orElse(null), "auth.login.failed",
                    via + " sign-in failed for " + shorten(email), address));
            return Optional.empty();
        }
        throttle.succeeded(email);
        Account a = account.get();
        events.publishEvent(new Audited(a.teamId(), a.userId(), "auth.login.succeeded", via + " sign-in", address));
        return Optional.of(a.toCurrentUser());
    }

    private boolean secondFactorOk(Account account, String code) {
        if (!account.totpEnabled()) {
            return true;
        }
        return repository.totp(account.userId()).map(state -> {
            OptionalLong step = Totp.matchingStep(state.secret(), code, clock.instant());
            return step.isPresent() && repository.useTotpStep(account.userId(), step.getAsLong());
        }).orElse(false);
    }

    private static String shorten(String email) {
        if (email == null) {
            return "(no email)";
        }
        String e = email.strip();
        return e.length() > 100 ? e.substring(0, 100) + "..." : e;
    }
}
