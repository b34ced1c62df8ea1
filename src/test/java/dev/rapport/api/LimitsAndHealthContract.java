package dev.rapport.api;

import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.Role;
import tools.jackson.databind.JsonNode;

/**
 * Request limits (JSON body size, nesting depth), request ids (header, problem bodies, log lines)
 * and the health probes, with the default limits: 1 MB bodies, 64 levels of JSON. The readiness
 * probe asks the database, so this runs on H2 and on PostgreSQL.
 */
@TestPropertySource(properties = "rapport.test-endpoints=true")
@ExtendWith(OutputCaptureExtension.class)
abstract class LimitsAndHealthContract extends AppTestBase {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ID_PATTERN = "[A-Za-z0-9._-]{1,64}";

    @Autowired
    HealthEndpointGroups healthGroups;

    /** A valid client whose notes make the body {@code bytes} long, give or take. */
    static String clientOfSize(int bytes) {
        return json("{'name':'Big','notes':'") + "x".repeat(bytes) + "\"}";
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    /** A POST whose body is streamed without a Content-Length (chunked). */
    HttpResponse<String> postChunked(String path, String token, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    }

    static JsonNode body(HttpResponse<String> r) {
        return Api.JSON.readTree(r.body());
    }

    static void assertProblem(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().has("title")).isTrue();
        assertThat(r.json().has("detail")).isTrue();
        assertThat(r.json().get("requestId").asString()).as("the id the user can quote")
                .isEqualTo(r.header("X-Request-Id"));
    }

    // --- request body size ---

    @Test
    void aJsonBodyOverOneMegabyteIsA413ProblemAndWritesNothing() {
        Api api = newTeam(Role.MEMBER).api();
        Response tooBig = api.post("/api/v1/clients", clientOfSize(1024 * 1024 + 1));
        assertProblem(tooBig, 413);
        assertThat(tooBig.json().get("detail").asString()).contains("1 MB").contains("RAPPORT_MAX_JSON_BODY");
        assertThat(api.get("/api/v1/clients").json().get("items").isEmpty()).isTrue();

        assertThat(api.post("/api/v1/clients", clientOfSize(1000 * 1000)).status()).as("just under the limit")
                .isEqualTo(201);
    }

    @Test
    void aStreamedBodyWithoutLengthIsCutOffAtTheLimitToo() {
        var s = newTeam(Role.MEMBER);
        HttpResponse<String> tooBig = postChunked("/api/v1/clients", s.api().token(), clientOfSize(2 * 1024 * 1024));
        assertThat(tooBig.statusCode()).as(tooBig.body()).isEqualTo(413);
        assertThat(tooBig.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(body(tooBig).get("detail").asString()).contains("1 MB");
        assertThat(body(tooBig).get("requestId").asString())
                .isEqualTo(tooBig.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(s.api().get("/api/v1/clients").json().get("items").isEmpty()).isTrue();

        HttpResponse<String> small = postChunked("/api/v1/clients", s.api().token(), json("{'name':'Small'}"));
        assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
    }

    @Test
    void anOversizedBodyIsRefusedEvenBeforeAuthentication() {
        Response r = new Api(baseUrl(), null).post("/api/v1/auth/tokens", clientOfSize(2 * 1024 * 1024));
        assertProblem(r, 413);
    }

    // --- JSON nesting ---

    @Test
    void jsonNestedDeeperThan64LevelsIsA400ProblemNotAStackOverflow() {
        Api api = newTeam(Role.MEMBER).api();
        assertThat(api.post("/api/v1/test/echo", nested(64)).status()).isEqualTo(200);
        for (int depth : new int[] {65, 10_000, 200_000}) {
            Response deep = api.post("/api/v1/test/echo", nested(depth));
            assertProblem(deep, 400);
            assertThat(deep.json().get("detail").asString()).as("depth " + depth).contains("nesting depth");
        }
        Response realEndpoint = api.post("/api/v1/clients", "{\"name\":" + nested(100_000) + "}");
        assertThat(realEndpoint.status()).as(realEndpoint.body()).isIn(400, 422);
        assertThat(realEndpoint.header("Content-Type")).startsWith("application/problem+json");
    }

    // --- request ids ---

    @Test
    void aWellFormedRequestIdIsEchoedAndAnInvalidOneReplaced() {
        Api api = newTeam(Role.MEMBER).api();
        HttpResponse<String> kept = send(request("/api/v1/clients", api.token())
                .header("X-Request-Id", "proxy-4f2a.77_x").GET());
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("proxy-4f2a.77_x");

        for (String bad : new String[] {"a".repeat(65), "two words", "<script>", "semi;colon"}) {
            HttpResponse<String> replaced = send(request("/api/v1/clients", api.token())
                    .header("X-Request-Id", bad).GET());
            assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow()).as(bad)
                    .isNotEqualTo(bad).matches(ID_PATTERN);
        }

        HttpResponse<String> generated = send(request("/login", null).GET());
        assertThat(generated.headers().firstValue("X-Request-Id").orElseThrow()).as("web pages too")
                .matches(ID_PATTERN);
        HttpResponse<String> other = send(request("/login", null).GET());
        assertThat(other.headers().firstValue("X-Request-Id"))
                .isNotEqualTo(generated.headers().firstValue("X-Request-Id"));
    }

    @Test
    void everyKindOfApiProblemNamesTheRequestId() {
        Api api = newTeam(Role.MEMBER).api();
        HttpResponse<String> notFound = send(request("/api/v1/clients/987654321", api.token())
                .header("X-Request-Id", "support-ticket-42").GET());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(body(notFound).get("requestId").asString()).isEqualTo("support-ticket-42");

        assertProblem(api.post("/api/v1/clients", json("{'name':''}")), 422); // validation
        assertProblem(api.post("/api/v1/clients", "{not json"), 400); // malformed
        assertProblem(new Api(baseUrl(), null).get("/api/v1/clients"), 401); // security filter chain
        assertProblem(new Api(baseUrl(), "rp_not-a-real-token").get("/api/v1/clients"), 401);
        assertProblem(newTeam(Role.VIEWER).api().post("/api/v1/clients", json("{'name':'Nope'}")), 403);
    }

    @Test
    void logLinesOfARequestCarryItsId(CapturedOutput output) {
        Api api = newTeam(Role.MEMBER).api();
        String id = "log-check-" + System.nanoTime();
        HttpResponse<String> r = send(request("/api/v1/test/echo", api.token()).header("X-Request-Id", id)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(output.getOut()).containsPattern("\\[" + id + "\\].*echo for user");
    }

    // --- rate limit headers (the limit itself: H2RateLimitIntegrationTest) ---

    @Test
    void apiAnswersCarryTheRateLimitAndWhatIsLeftOfIt() {
        Api api = newTeam(Role.MEMBER).api();
        Response first = api.get("/api/v1/clients");
        assertThat(first.header("RateLimit-Limit")).isEqualTo("200");
        // a fresh token's bucket, less this request (50 a second flow back in, so no exact count)
        assertThat(Long.parseLong(first.header("RateLimit-Remaining"))).isEqualTo(199);
        HttpResponse<String> page = send(request("/login", null).GET());
        assertThat(page.headers().firstValue("RateLimit-Limit")).as("web pages are not API calls").isEmpty();
    }

    // --- health ---

    @Test
    void livenessAndReadinessAreOpenToAnyoneAndShowOnlyTheStatus() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness",
            "/actuator/health"}) {
            HttpResponse<String> r = send(request(probe, null).GET());
            assertThat(r.statusCode()).as(probe).isEqualTo(200);
            JsonNode body = body(r);
            assertThat(body.get("status").asString()).as(probe).isEqualTo("UP");
            assertThat(body.has("components")).as(probe + " shows no components").isFalse();
            assertThat(body.has("details")).as(probe + " shows no details").isFalse();
        }
    }

    @Test
    void readinessAsksTheDatabaseAndLivenessDoesNot() {
        assertThat(healthGroups.get("readiness").isMember("db")).isTrue();
        assertThat(healthGroups.get("readiness").isMember("readinessState")).isTrue();
        assertThat(healthGroups.get("liveness").isMember("livenessState")).isTrue();
        assertThat(healthGroups.get("liveness").isMember("db")).as("a slow database must not restart the app")
                .isFalse();
    }
}
