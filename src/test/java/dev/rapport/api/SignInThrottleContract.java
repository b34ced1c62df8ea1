package dev.rapport.api;

import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.WebClient;
import dev.rapport.teams.Role;
import dev.rapport.teams.Totp;

/**
 * Sign-in throttling (per account and per address, 429 with Retry-After), no account enumeration,
 * and the second factor, through the API token endpoint and the web form alike. Defaults: 5
 * failures per account, 50 per address, 15-minute windows.
 */
abstract class SignInThrottleContract extends AppTestBase {
    private static final AtomicInteger ERA = new AtomicInteger();
    private static final String PASSWORD = "correct horse battery";
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Autowired
    JdbcClient jdbc;

    /**
     * Every test counts its failures in its own past, far from other tests' windows (all test
     * requests come from one address), and leaves no counter behind.
     */
    @BeforeEach
    void ownWindow() {
        clock.set(Instant.parse("2020-01-06T09:00:00Z").plus(Duration.ofDays(ERA.incrementAndGet())));
    }

    @AfterEach
    void forgetFailures() {
        jdbc.sql("DELETE FROM login_throttle").update();
    }

    Response signIn(String email, String password) {
        return signIn(email, password, null);
    }

    Response signIn(String email, String password, String code) {
        String c = code == null ? "" : ",'code':'" + code + "'";
        return new Api(baseUrl(), null).post("/api/v1/auth/tokens",
                json("{'email':'" + email + "','password':'" + password + "'" + c + "}"));
    }

    static String unknownEmail() {
        return "nobody-" + System.nanoTime() + "@example.com";
    }

    @Test
    void anAccountIsThrottledAfterFiveFailuresWith429AndRetryAfterThenWorksAfterTheWindow() {
        var s = newTeam(Role.MEMBER);
        for (int i = 1; i <= 5; i++) {
            Response wrong = signIn(s.email(), "wrong password " + i);
            assertThat(wrong.status()).as("attempt " + i).isEqualTo(401);
        }
        Response throttled = signIn(s.email(), PASSWORD);
        assertThat(throttled.status()).as("even the right password waits").isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo(Long.toString(WINDOW.toSeconds()));
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(throttled.body()).doesNotContain(s.email());

        clock.advance(Duration.ofMinutes(5));
        assertThat(signIn(s.email(), PASSWORD).header("Retry-After")).isEqualTo("600");
        assertThat(signIn(s.email().toUpperCase(java.util.Locale.ROOT), PASSWORD).status())
                .as("the same account in capitals").isEqualTo(429);

        clock.advance(Duration.ofMinutes(10));
        assertThat(signIn(s.email(), PASSWORD).status()).as("after the window").isEqualTo(201);
        assertThat(signIn(s.email(), "wrong again").status()).as("a fresh count after success").isEqualTo(401);
        assertThat(signIn(s.email(), PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void unknownEmailsAreThrottledExactlyLikeRealOnesSoNothingIsEnumerated() {
        var s = newTeam(Role.MEMBER);
        String unknown = unknownEmail();
        List<Response> real = new ArrayList<>();
        List<Response> none = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            real.add(signIn(s.email(), "wrong password"));
            none.add(signIn(unknown, "wrong password"));
        }
        for (int i = 0; i < 6; i++) {
            Response r = real.get(i);
            Response n = none.get(i);
            assertThat(n.status()).as("attempt " + (i + 1)).isEqualTo(r.status()).isEqualTo(i < 5 ? 401 : 429);
            assertThat(n.header("Retry-After")).isEqualTo(r.header("Retry-After"));
            assertThat(n.header("Content-Type")).isEqualTo(r.header("Content-Type"));
            assertThat(shape(n)).isEqualTo(shape(r));
            assertThat(n.json().get("detail")).isEqualTo(r.json().get("detail"));
        }
    }

    /** The field names of a JSON body, with the values of those that vary per request left out. */
    private static List<String> shape(Response r) {
        List<String> names = new ArrayList<>();
        r.json().properties().forEach(e -> names.add(e.getKey()));
        names.sort(null);
        return names;
    }

    @Test
    void theWebFormIsThrottledTooAnd429CarriesRetryAfter() {
        var s = newTeam(Role.MEMBER);
        String unknown = unknownEmail();
        for (String email : List.of(s.email(), unknown)) {
            WebClient browser = new WebClient(baseUrl());
            for (int i = 1; i <= 5; i++) {
                WebClient.Page failed = browser.signIn(email, "wrong password");
                assertThat(failed.status()).as(email + " attempt " + i).isEqualTo(302);
                assertThat(failed.location()).isEqualTo("/login?error");
                assertThat(jdbc.sql("SELECT failures FROM login_throttle WHERE throttle_key = ?")
                        .param("email:" + email.toLowerCase(java.util.Locale.ROOT)).query(Integer.class).single())
                        .as("one attempt, one failure counted").isEqualTo(i);
            }
            WebClient.Page throttled = browser.signIn(email, PASSWORD);
            assertThat(throttled.status()).as(email).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isEqualTo(Long.toString(WINDOW.toSeconds()));
            assertThat(throttled.body()).contains("Too many failed sign-ins").doesNotContain(email);
        }
        assertThat(signIn(s.email(), PASSWORD).status()).as("one count for the form and the API").isEqualTo(429);
        clock.advance(WINDOW);
        WebClient browser = new WebClient(baseUrl());
        WebClient.Page ok = browser.signIn(s.email(), PASSWORD);
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.location()).isEqualTo("/");
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void anAddressIsThrottledAcrossEmailsAndASuccessDoesNotClearIt() {
        var s = newTeam(Role.MEMBER);
        assertThat(signIn(s.email(), PASSWORD).status()).isEqualTo(201);
        for (int i = 1; i <= 50; i++) {
            Response r = signIn(unknownEmail(), "guess " + i);
            assertThat(r.status()).as("guess " + i).isEqualTo(401);
            if (i == 25) {
                assertThat(signIn(s.email(), PASSWORD).status()).as("a success between guesses").isEqualTo(201);
            }
        }
        Response blocked = signIn(s.email(), PASSWORD);
        assertThat(blocked.status()).as("a fresh email from the same address").isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, WINDOW.toSeconds());
        assertThat(new WebClient(baseUrl()).signIn(s.email(), PASSWORD).status()).isEqualTo(429);
        assertThat(s.api().get("/api/v1/me").status()).as("tokens already issued keep working").isEqualTo(200);
        clock.advance(WINDOW);
        assertThat(signIn(s.email(), PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void aWrongSecondFactorIsAPlainFailureThatCountsAndACodeWorksOnce() {
        var s = newTeam(Role.MEMBER);
        Response enrol = s.api().post("/api/v1/me/totp", null);
        assertThat(enrol.status()).isEqualTo(200);
        String secret = enrol.json().get("secret").asString();
        String confirmCode = Totp.codeAt(secret, clock.instant());
        assertThat(s.api().post("/api/v1/me/totp/confirm", json("{'code':'" + confirmCode + "'}")).status())
                .isEqualTo(204);

        Response wrongPassword = signIn(s.email(), "wrong password", Totp.codeAt(secret, clock.instant()));
        Response noCode = signIn(s.email(), PASSWORD);
        Response wrongCode = signIn(s.email(), PASSWORD, wrong(Totp.codeAt(secret, clock.instant())));
        Response confirmCodeAgain = signIn(s.email(), PASSWORD, confirmCode);
        for (Response r : List.of(noCode, wrongCode, confirmCodeAgain)) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(Api.withoutRequestId(r.body())).isEqualTo(Api.withoutRequestId(wrongPassword.body()));
        }

        clock.advance(Duration.ofSeconds(30));
        String code = Totp.codeAt(secret, clock.instant());
        assertThat(signIn(s.email(), PASSWORD, code).status()).isEqualTo(201);
        Response replay = signIn(s.email(), PASSWORD, code);
        assertThat(replay.status()).as("the same code twice").isEqualTo(401);
        assertThat(Api.withoutRequestId(replay.body())).isEqualTo(Api.withoutRequestId(wrongPassword.body()));
        WebClient browser = new WebClient(baseUrl());
        assertThat(browser.signIn(s.email(), PASSWORD, code).location()).as("nor on the web form")
                .isEqualTo("/login?error");

        clock.advance(Duration.ofSeconds(30));
        String next = Totp.codeAt(secret, clock.instant());
        WebClient.Page web = browser.signIn(s.email(), PASSWORD, next);
        assertThat(web.location()).isEqualTo("/");

        // wrong codes count towards the account's limit like wrong passwords
        clock.advance(Duration.ofSeconds(30));
        for (int i = 1; i <= 5; i++) {
            assertThat(signIn(s.email(), PASSWORD, wrong(Totp.codeAt(secret, clock.instant()))).status())
                    .isEqualTo(401);
        }
        assertThat(signIn(s.email(), PASSWORD, Totp.codeAt(secret, clock.instant())).status()).isEqualTo(429);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void theFormNeedsItsCsrfToken() {
        var s = newTeam(Role.MEMBER);
        WebClient browser = new WebClient(baseUrl());
        browser.get("/login");
        WebClient.Page forged = browser.post("/login", Map.of("email", s.email(), "password", PASSWORD,
                "_csrf", "forged"));
        assertThat(forged.status()).isEqualTo(403);
    }
}
