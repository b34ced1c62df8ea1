package dev.rapport.api;

import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.H2Initializer;
import dev.rapport.teams.Role;

/**
 * The API rate limit with a tiny bucket (its own context): 5 requests at once, then one an hour.
 * H2 only, on purpose: the buckets live in memory and never touch the database, so PostgreSQL
 * would test nothing more. The default limit (200 at once, 50/s) is checked in LimitsAndHealthContract.
 */
@ContextConfiguration(initializers = H2Initializer.class)
@TestPropertySource(properties = {"rapport.rate-limit.capacity=5", "rapport.rate-limit.refill-tokens=1",
    "rapport.rate-limit.refill-period=1h"})
class H2RateLimitIntegrationTest extends AppTestBase {
    private static final long HOUR = 3600;

    static void assertThrottled(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(429);
        long retryAfter = Long.parseLong(r.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, HOUR);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(429);
        assertThat(r.json().get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(r.json().get("type").asString()).isEqualTo("about:blank");
        assertThat(r.json().get("detail").asString()).contains("too many API requests");
        assertThat(r.json().get("requestId").asString()).isEqualTo(r.header("X-Request-Id"));
        assertThat(r.header("RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void aTokenGetsItsBurstThenA429WithRetryAfterWhileOtherTokensCarryOn() {
        var ada = newTeam(Role.MEMBER);
        for (int i = 4; i >= 0; i--) {
            Response ok = ada.api().get("/api/v1/clients");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).isEqualTo("5");
            assertThat(ok.header("RateLimit-Remaining")).isEqualTo(Integer.toString(i));
        }
        assertThrottled(ada.api().get("/api/v1/clients"));
        assertThrottled(ada.api().post("/api/v1/clients", json("{'name':'Written?'}")));

        var grace = newMember(ada.user().teamId(), Role.MEMBER);
        assertThat(grace.api().get("/api/v1/clients").status()).as("another token, another bucket").isEqualTo(200);
        assertThat(grace.api().get("/api/v1/clients").json().get("items").isEmpty())
                .as("the throttled write wrote nothing").isTrue();

        var second = new Api(baseUrl(), accounts.issueToken(ada.user(), "second").token());
        assertThat(second.get("/api/v1/clients").status()).as("the limit is per token").isEqualTo(200);
    }

    @Test
    void callsWithoutAValidTokenShareTheirAddressesBucketAndTheSignInThrottleStays() {
        // every call here comes from 127.0.0.1: sign-ins, no token, a wrong token
        Api anonymous = new Api(baseUrl(), null);
        int passed = 0;
        Response last = null;
        for (int i = 0; i < 8; i++) {
            last = i % 3 == 0 ? new Api(baseUrl(), "rp_wrong-" + i).get("/api/v1/clients")
                    : i % 3 == 1 ? anonymous.get("/api/v1/clients")
                    : anonymous.post("/api/v1/auth/tokens", json("{'email':'nobody" + i
                            + "@example.com','password':'wrong'}"));
            if (last.status() != 429) {
                assertThat(last.status()).as(last.body()).isEqualTo(401);
                passed++;
            }
        }
        assertThat(passed).isEqualTo(5);
        assertThrottled(last);

        var ada = newTeam(Role.MEMBER);
        assertThat(ada.api().get("/api/v1/clients").status()).as("a valid token has its own bucket").isEqualTo(200);
    }

    @Test
    void webPagesAndHealthProbesAreNotLimited() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/login", "/actuator/health/readiness"}) {
            for (int i = 0; i < 12; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path + " #" + i).isEqualTo(200);
            }
        }
    }
}
