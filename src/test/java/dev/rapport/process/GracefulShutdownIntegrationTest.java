package dev.rapport.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    record Answer(int status, String body) {
    }

    static Answer get(String url, String token) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestProperty("Authorization", "Bearer " + token);
            c.setReadTimeout(30_000);
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRequestInFlightWhenTheAppStopsStillGetsItsAnswer() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RapportApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--spring.datasource.url=" + TestDatabases.newH2Url(),
                        "--rapport.jobs.enabled=false", "--rapport.test-endpoints=true",
                        "--spring.main.banner-mode=off", "--logging.level.org.springframework.boot.tomcat=INFO");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            AccountService accounts = app.getBean(AccountService.class);
            TeamId team = accounts.createTeam("Shutdown", "Europe/Amsterdam");
            accounts.createUser(team, "ada@example.com", "Ada", "correct horse battery", Role.MEMBER);
            CurrentUser ada = accounts.authenticate("ada@example.com", "correct horse battery").orElseThrow();
            String token = accounts.issueToken(ada, "test").token();

            TestEndpoints.SLOW_STARTED.drainPermits();
            TestEndpoints.SLOW_FINISHED.set(0);
            // a plain blocking connection on its own thread: one request, no client-side retries
            CompletableFuture<Answer> slow = CompletableFuture.supplyAsync(() -> get(
                    "http://127.0.0.1:" + port + "/api/v1/test/slow?millis=2000", token));
            assertThat(TestEndpoints.SLOW_STARTED.tryAcquire(30, TimeUnit.SECONDS)).as("the request is running")
                    .isTrue();

            app.close();
            long closed = System.nanoTime();

            Answer answer = slow.get(10, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"slept\":2000");
            assertThat(TestEndpoints.SLOW_FINISHED.get()).as("close waited for the request to finish its work")
                    .isNotZero().isLessThan(closed);
            assertThat(app.isActive()).isFalse();
        } finally {
            app.close(); // a no-op when the test closed it
        }
    }
}
