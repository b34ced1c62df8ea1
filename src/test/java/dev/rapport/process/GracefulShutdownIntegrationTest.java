package dev.rapport.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.rapport.RapportApplication;
import dev.rapport.api.TestEndpoints;
import dev.rapport.shared.TeamId;
import dev.rapport.support.TestDatabases;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Role;

/**
 * Stopping the app (what SIGTERM does: close the context) lets a request that is already running
 * finish with its answer. One database is enough: shutdown is the web server's business.
 */
class GracefulShutdownIntegrationTest {

    @Test
    void aRequestInFlightWhenTheAppStopsStillGetsItsAnswer() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RapportApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--spring.datasource.url=" + TestDatabases.newH2Url(),
                        "--rapport.jobs.enabled=false", "--rapport.test-endpoints=true",
                        "--spring.main.banner-mode=off");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        AccountService accounts = app.getBean(AccountService.class);
        TeamId team = accounts.createTeam("Shutdown", "Europe/Amsterdam");
        accounts.createUser(team, "ada@example.com", "Ada", "correct horse battery", Role.MEMBER);
        CurrentUser ada = accounts.authenticate("ada@example.com", "correct horse battery").orElseThrow();
        String token = accounts.issueToken(ada, "test").token();

        TestEndpoints.SLOW_STARTED.drainPermits();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/test/slow?millis=2000"))
                        .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(TestEndpoints.SLOW_STARTED.tryAcquire(30, TimeUnit.SECONDS)).as("the request is running").isTrue();

        long start = System.nanoTime();
        app.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - start);

        HttpResponse<String> answer = slow.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"slept\":2000");
        assertThat(closing).as("close waited for the request").isGreaterThan(Duration.ofMillis(1000));
        assertThat(app.isActive()).isFalse();
    }
}
