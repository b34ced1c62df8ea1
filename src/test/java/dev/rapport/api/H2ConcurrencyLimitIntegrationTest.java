package dev.rapport.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.H2Initializer;
import dev.rapport.teams.Role;

/**
 * The API concurrency limit in the running server, set to one request at a time with a 100 ms wait
 * (its own context): while a slow request runs, another API request gets 503 with Retry-After and a
 * problem body, but the health probes and web pages still answer; once it is done the API serves
 * again. H2 only: the limit never touches the database.
 */
@ContextConfiguration(initializers = H2Initializer.class)
@TestPropertySource(properties = {"rapport.concurrency.max-in-flight=1", "rapport.concurrency.max-wait=100ms",
    "rapport.test-endpoints=true", "rapport.rate-limit.enabled=false"})
class H2ConcurrencyLimitIntegrationTest extends AppTestBase {

    @Test
    void overTheLimitTheApiAnswers503WithRetryAfterWhileProbesStillAnswer() throws Exception {
        var ada = newTeam(Role.MEMBER);
        assertThat(ada.api().get("/api/v1/queue").status()).isEqualTo(200);
        TestEndpoints.SLOW_STARTED.drainPermits();
        CompletableFuture<Response> slow = CompletableFuture.supplyAsync(
                () -> ada.api().get("/api/v1/test/slow?millis=10000"));
        assertThat(TestEndpoints.SLOW_STARTED.tryAcquire(30, TimeUnit.SECONDS)).isTrue();

        Response busy = ada.api().get("/api/v1/queue");
        assertThat(busy.status()).as(busy.body()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isEqualTo("1");
        assertThat(busy.header("Content-Type")).startsWith("application/problem+json");
        assertThat(busy.json().get("status").asInt()).isEqualTo(503);
        assertThat(busy.json().get("title").asString()).isEqualTo("Service Unavailable");
        assertThat(busy.json().get("detail").asString()).contains("busy");
        assertThat(busy.json().get("requestId").asString()).isNotBlank().isEqualTo(busy.header("X-Request-Id"));

        Response write = ada.api().post("/api/v1/clients", "{\"name\":\"Refused\"}");
        assertThat(write.status()).isEqualTo(503);

        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/actuator/health/readiness", "/actuator/health/liveness", "/login"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + " is not limited").isEqualTo(200);
        }
        assertThat(slow.isDone()).as("all of the above happened while the slow request ran").isFalse();

        assertThat(slow.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(ada.api().get("/api/v1/queue").status()).isEqualTo(200);
        assertThat(ada.api().get("/api/v1/clients").json().get("items").isEmpty())
                .as("the refused write wrote nothing").isTrue();
    }
}
