package dev.rapport.teams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.rapport.teams.ThrottleRepository.Counter;

/**
 * Counts failed sign-ins per account and per address in fixed windows. Once a key reaches its
 * limit, sign-in for it is refused (429) until its window ends, whatever the password: a guesser
 * learns nothing, and unknown emails are throttled exactly like real ones.
 */
@Component
class LoginThrottle {
    private final ThrottleRepository counters;
    private final Clock clock;
    private final int accountLimit;
    private final int addressLimit;
    private final Duration window;

    LoginThrottle(ThrottleRepository counters, Clock clock,
                  @Value("${rapport.login.account-failures:5}") int accountLimit,
                  @Value("${rapport.login.address-failures:50}") int addressLimit,
                  @Value("${rapport.login.window:15m}") Duration window) {
        this.counters = counters;
        this.clock = clock;
        this.accountLimit = accountLimit;
        this.addressLimit = addressLimit;
        this.window = window;
    }

    /** How long until sign-in is possible again for this email or address, if blocked now. */
    Optional<Duration> blocked(String email, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(email, address)) {
            Optional<Instant> until = counters.find(key).map(Counter::blockedUntil).filter(now::isBefore);
            if (until.isPresent() && Duration.between(now, until.get()).compareTo(wait) > 0) {
                wait = Duration.between(now, until.get());
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String email, String address) {
        Instant now = clock.instant();
        count(accountKey(email), accountLimit, now);
        if (address != null) {
            count(addressKey(address), addressLimit, now);
        }
    }

    /** A success clears the account's count (not the address's: one good account must not unlock guessing). */
    void succeeded(String email) {
        counters.delete(accountKey(email));
    }

    private void count(String key, int limit, Instant now) {
        Counter c = counters.addFailure(key, now, now.minus(window));
        if (c.failures() >= limit && c.blockedUntil() == null) {
            counters.block(key, c.windowStart(), c.windowStart().plus(window));
        }
    }

    private static String[] keys(String email, String address) {
        return address == null ? new String[] {accountKey(email)}
                : new String[] {accountKey(email), addressKey(address)};
    }

    private static String accountKey(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return "email:" + (e.length() > 330 ? e.substring(0, 330) : e);
    }

    private static String addressKey(String address) {
        return "ip:" + (address.length() > 60 ? address.substring(0, 60) : address);
    }
}
