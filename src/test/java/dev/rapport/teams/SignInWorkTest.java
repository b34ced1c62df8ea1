package dev.rapport.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.TooManyRequestsException;
import dev.rapport.shared.UserId;

/**
 * Unknown emails cost the same work as wrong passwords: exactly one password hash each, so
 * response times do not tell which emails have accounts. Counted, not timed (no flaky clocks).
 */
class SignInWorkTest {
    private static final String EMAIL = "ada@example.com";

    /** Counts hash checks; "hashes" are the password with a prefix, enough to tell right from wrong. */
    static final class CountingEncoder implements PasswordEncoder {
        int matches;

        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches++;
            return encoded.equals("hash:" + raw);
        }
    }

    private final CountingEncoder encoder = new CountingEncoder();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    private final Account ada = new Account(new UserId(1), EMAIL, "Ada", encoder.encode("right password"), null,
            new TeamId(1), Role.MEMBER, "Europe/Amsterdam", false);
    private final AccountRepository repository = accountsWith(ada);
    private final AccountService accounts = new AccountService(repository, encoder, event -> { }, clock);

    /** Only reads accounts by email; any other call fails the test. */
    private static AccountRepository accountsWith(Account account) {
        return (AccountRepository) Proxy.newProxyInstance(AccountRepository.class.getClassLoader(),
                new Class<?>[] {AccountRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "findByEmail" -> Optional.of(account)
                            .filter(a -> a.email().equalsIgnoreCase(((String) args[0]).strip()));
                    case "totp" -> Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Throttle counters in memory. */
    static final class MemoryThrottle implements ThrottleRepository {
        final Map<String, Counter> counters = new HashMap<>();

        @Override
        public Optional<Counter> find(String key) {
            return Optional.ofNullable(counters.get(key));
        }

        @Override
        public Counter addFailure(String key, Instant now, Instant staleBefore) {
            Counter c = counters.get(key);
            Counter next = c == null || !c.windowStart().isAfter(staleBefore) ? new Counter(1, now, null)
                    : new Counter(c.failures() + 1, c.windowStart(), c.blockedUntil());
            counters.put(key, next);
            return next;
        }

        @Override
        public void block(String key, Instant windowStart, Instant until) {
            Counter c = counters.get(key);
            if (c != null && c.windowStart().equals(windowStart)) {
                counters.put(key, new Counter(c.failures(), windowStart, until));
            }
        }

        @Override
        public void delete(String key) {
            counters.remove(key);
        }
    }

    private int hashesFor(Runnable attempt) {
        int before = encoder.matches;
        attempt.run();
        return encoder.matches - before;
    }

    @Test
    void unknownEmailsWrongPasswordsAndMissingFieldsEachCostOneHash() {
        assertThat(hashesFor(() -> assertThat(accounts.verify(EMAIL, "wrong")).isEmpty())).isEqualTo(1);
        assertThat(hashesFor(() -> assertThat(accounts.verify("nobody@example.com", "wrong")).isEmpty()))
                .isEqualTo(1);
        assertThat(hashesFor(() -> assertThat(accounts.verify(null, "wrong")).isEmpty())).isEqualTo(1);
        assertThat(hashesFor(() -> assertThat(accounts.verify(EMAIL, null)).isEmpty())).isEqualTo(1);
        assertThat(hashesFor(() -> assertThat(accounts.verify(" ADA@example.com ", "right password")).isPresent()))
                .isEqualTo(1);
    }

    @Test
    void signInDoesTheSameWorkForUnknownAndKnownEmailsAndNoneOnceThrottled() {
        MemoryThrottle counters = new MemoryThrottle();
        var throttle = new LoginThrottle(counters, clock, 3, 100, Duration.ofMinutes(15));
        var signIn = new SignInService(accounts, repository, throttle, event -> { }, clock);

        for (int i = 0; i < 3; i++) {
            assertThat(hashesFor(() -> assertThat(signIn.signIn(EMAIL, "wrong", null, "10.0.0.1", "api"))
                    .isEmpty())).isEqualTo(1);
            assertThat(hashesFor(() -> assertThat(signIn.signIn("nobody@example.com", "wrong", null, "10.0.0.2",
                    "api")).isEmpty())).isEqualTo(1);
        }
        for (String email : new String[] {EMAIL, "nobody@example.com"}) {
            assertThat(hashesFor(() -> assertThatThrownBy(() -> signIn.signIn(email, "right password", null,
                    "10.0.0.3", "api")).isInstanceOf(TooManyRequestsException.class)
                    .hasMessage("too many failed sign-ins; try again later")))
                    .as("throttled: answered before any hashing, the same for both").isZero();
        }
        assertThat(counters.counters).containsKeys("email:ada@example.com", "email:nobody@example.com",
                "ip:10.0.0.1", "ip:10.0.0.2");
    }
}
