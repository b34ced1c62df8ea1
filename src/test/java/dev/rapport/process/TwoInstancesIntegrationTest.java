package dev.rapport.process;

import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.rapport.RapportApplication;
import dev.rapport.attention.HoneymoonJob;
import dev.rapport.promises.BreakOverduePromisesJob;
import dev.rapport.shared.TeamId;
import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.TestDatabases;
import dev.rapport.support.WebClient;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.Role;

/**
 * Two complete app instances (each its own Spring context, web server and connection pool) on ONE
 * PostgreSQL database, as behind a load balancer: a browser session started on one is served by
 * the other, signing out anywhere ends it everywhere, sign-in throttling is shared, a scheduled
 * job runs once across both, and a queue cached on one follows writes made through the other.
 */
class TwoInstancesIntegrationTest {
    private static final String PASSWORD = "correct horse battery";
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static int users;

    @BeforeAll
    static void startTwoInstances() {
        String url = TestDatabases.newPostgresUrl();
        a = start(url); // migrates the database
        b = start(url); // finds it migrated
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(RapportApplication.class).web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--spring.datasource.url=" + url, "--rapport.jobs.enabled=false",
                        "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static String url(ConfigurableApplicationContext instance) {
        return "http://localhost:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    /** A new team and owner, made through instance A. */
    private static String newUser(String name) {
        AccountService accounts = a.getBean(AccountService.class);
        TeamId team = accounts.createTeam(name + " team", "Europe/Amsterdam");
        String email = "two-" + (++users) + "-" + System.nanoTime() + "@example.com";
        accounts.createUser(team, email, name, PASSWORD, Role.OWNER);
        return email;
    }

    private static Api token(ConfigurableApplicationContext instance, String email) {
        Response r = new Api(url(instance), null).post("/api/v1/auth/tokens",
                json("{'email':'" + email + "','password':'" + PASSWORD + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Api(url(instance), r.json().get("token").asString());
    }

    private static WebClient signedInOn(ConfigurableApplicationContext instance, String email) {
        WebClient browser = new WebClient(url(instance));
        WebClient.Page signedIn = browser.signIn(email, PASSWORD);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).isEqualTo("/");
        return browser;
    }

    private static void assertSignedOut(WebClient browser, String where) {
        WebClient.Page page = browser.get("/");
        assertThat(page.status()).as(where).isEqualTo(302);
        assertThat(page.location()).as(where).endsWith("/login");
    }

    @Test
    void theInstancesAreSeparateServers() {
        assertThat(url(a)).isNotEqualTo(url(b));
        assertThat(a.getBean(AccountService.class)).isNotSameAs(b.getBean(AccountService.class));
    }

    @Test
    void aSessionStartedOnOneInstanceIsServedByTheOtherAndSigningOutThereEndsItHere() {
        String email = newUser("Ada Twofold");
        WebClient browser = signedInOn(a, email);
        assertThat(browser.cookie(WebClient.SESSION_COOKIE)).isNotNull();

        browser.at(url(b));
        WebClient.Page today = browser.get("/");
        assertThat(today.status()).as("B serves A's session").isEqualTo(200);
        assertThat(today.body()).contains("Ada Twofold");
        assertThat(browser.get("/clients").status()).isEqualTo(200);

        WebClient.Page out = browser.post("/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).isEqualTo("/login?logout");
        browser.at(url(a));
        assertSignedOut(browser, "signed out on B, dead on A");
    }

    @Test
    void signingOutEverywhereOrChangingThePasswordOnOneInstanceEndsSessionsUsedOnTheOther() {
        String email = newUser("Bea Twofold");
        WebClient onB = signedInOn(b, email);
        WebClient alsoOnB = signedInOn(b, email);
        assertThat(onB.get("/").status()).isEqualTo(200);

        Api viaA = token(a, email);
        Response ended = viaA.post("/api/v1/me/sign-out-everywhere", null);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().get("ended").asInt()).as("two sessions and one token").isEqualTo(3);
        assertSignedOut(onB, "after signing out everywhere on A");
        assertSignedOut(alsoOnB, "after signing out everywhere on A");
        assertThat(viaA.get("/api/v1/me").status()).as("the token is revoked too").isEqualTo(401);

        WebClient again = signedInOn(b, email);
        Api newToken = token(a, email);
        assertThat(newToken.post("/api/v1/me/password", json("{'currentPassword':'" + PASSWORD
                + "','newPassword':'a brand new password'}")).status()).isEqualTo(204);
        assertSignedOut(again, "after a password change on A");
        assertThat(new WebClient(url(b)).signIn(email, PASSWORD).location()).isEqualTo("/login?error");
        assertThat(new WebClient(url(b)).signIn(email, "a brand new password").location()).isEqualTo("/");
    }

    @Test
    void roleChangesOnOneInstanceApplyToSessionsOnTheOther() {
        String ownerEmail = newUser("Cy Owner");
        Api owner = token(a, ownerEmail);
        String memberEmail = "two-member-" + System.nanoTime() + "@example.com";
        Response invited = owner.post("/api/v1/team/invitations", json("{'email':'" + memberEmail
                + "','role':'member'}"));
        assertThat(invited.status()).isEqualTo(201);
        Response joined = new Api(url(b), null).post("/api/v1/invitations/" + invited.json().get("token").asString()
                + "/accept", json("{'name':'Dee Member','password':'" + PASSWORD + "'}"));
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        long memberId = joined.json().get("userId").asLong();

        WebClient member = signedInOn(b, memberEmail);
        Map<String, String> client = Map.of("name", "Written on B", "tier", "A", "status", "active",
                "kind", "external", "ownerId", Long.toString(memberId));
        member.get("/clients/new");
        assertThat(member.post("/clients", client).status()).isEqualTo(302);

        assertThat(owner.put("/api/v1/team/members/" + memberId + "/role", json("{'role':'viewer'}")).status())
                .isEqualTo(204);
        assertThat(member.post("/clients", client).status()).as("demoted on A, refused on B").isEqualTo(403);
        assertThat(owner.delete("/api/v1/team/members/" + memberId + "?successorId="
                + owner.get("/api/v1/me").json().get("userId").asLong()).status()).isEqualTo(204);
        assertSignedOut(member, "removed on A");
    }

    @Test
    void signInThrottlingIsSharedByTheInstances() {
        String email = newUser("Eve Twofold");
        for (int i = 1; i <= 5; i++) {
            ConfigurableApplicationContext instance = i % 2 == 0 ? b : a;
            assertThat(new Api(url(instance), null).post("/api/v1/auth/tokens",
                    json("{'email':'" + email + "','password':'wrong " + i + "'}")).status()).isEqualTo(401);
        }
        for (ConfigurableApplicationContext instance : List.of(a, b)) {
            Response r = new Api(url(instance), null).post("/api/v1/auth/tokens",
                    json("{'email':'" + email + "','password':'" + PASSWORD + "'}"));
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.header("Retry-After")).isNotNull();
        }
    }

    @Test
    void aScheduledJobRunsOnceAcrossInstancesWhenBothTick() throws Exception {
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        // both instances' schedules fire together, twice over
        for (int round = 0; round < 2; round++) {
            jdbc.sql("UPDATE job_lock SET last_run_at = NULL, locked_until = TIMESTAMP WITH TIME ZONE "
                    + "'2000-01-01 00:00:00+00'").update();
            List<Integer> promises = together(i -> (i == 0 ? a : b).getBean(BreakOverduePromisesJob.class)
                    .runScheduled());
            assertThat(promises).as("round " + round + ": one ran, one skipped").containsOnlyOnce(-1)
                    .anyMatch(n -> n >= 0);
            List<Integer> honeymoon = together(i -> (i == 0 ? a : b).getBean(HoneymoonJob.class).runScheduled());
            assertThat(honeymoon).as("round " + round).containsOnlyOnce(-1).anyMatch(n -> n >= 0);
        }
        // a tick shortly after, on either instance: it ran moments ago, so nobody runs it again
        assertThat(a.getBean(BreakOverduePromisesJob.class).runScheduled()).isEqualTo(-1);
        assertThat(b.getBean(BreakOverduePromisesJob.class).runScheduled()).isEqualTo(-1);
        assertThat(b.getBean(HoneymoonJob.class).runScheduled()).isEqualTo(-1);
        // and an explicit run (the admin's, the demo's) is not held back by the schedule
        assertThat(b.getBean(BreakOverduePromisesJob.class).run()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void overduePromisesBreakOnceWhenBothInstancesRunTheJobTogether() throws Exception {
        String email = newUser("Flo Twofold");
        Api api = token(a, email);
        long client = api.post("/api/v1/clients", json("{'name':'Overdue Client'}")).json().get("id").asLong();
        long promise = api.post("/api/v1/clients/" + client + "/promises",
                json("{'text':'call back','madeOn':'2020-01-01','dueOn':'2020-01-02'}")).json().get("id").asLong();
        a.getBean(JdbcClient.class).sql("UPDATE job_lock SET last_run_at = NULL, locked_until = TIMESTAMP WITH TIME ZONE "
                + "'2000-01-01 00:00:00+00'").update();

        List<Integer> broken = together(i -> (i == 0 ? a : b).getBean(BreakOverduePromisesJob.class)
                .runScheduled());
        assertThat(broken).containsExactlyInAnyOrder(-1, 1);
        assertThat(api.get("/api/v1/promises/" + promise).json().get("status").asString()).isEqualTo("broken");
    }

    /** Each instance caches a member's queue; a write made through the other one shows at the next request. */
    @Test
    void aQueueCachedOnOneInstanceShowsWritesMadeThroughTheOther() {
        String email = newUser("Cy Twofold");
        Api viaA = token(a, email);
        Api viaB = token(b, email);
        long client = viaA.post("/api/v1/clients", json("{'name':'Watched Client'}")).json().get("id").asLong();
        assertThat(queueReasons(viaB, client)).doesNotContain("promise_due");

        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).plusDays(1).toString();
        long promise = viaA.post("/api/v1/clients/" + client + "/promises",
                json("{'text':'send the offer','dueOn':'" + tomorrow + "'}")).json().get("id").asLong();
        assertThat(queueReasons(viaB, client)).as("B's cached queue gave way").contains("promise_due");

        assertThat(viaA.post("/api/v1/promises/" + promise + "/keep", null).status()).isEqualTo(200);
        assertThat(queueReasons(viaB, client)).doesNotContain("promise_due");
    }

    /** The reason codes of one client's entry in the caller's queue (none when it is not in it). */
    private static List<String> queueReasons(Api api, long client) {
        Response r = api.get("/api/v1/queue");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        r.json().get("entries").forEach(e -> {
            if (e.get("clientId").asLong() == client) {
                e.get("reasons").forEach(reason -> codes.add(reason.get("code").asString()));
            }
        });
        return codes;
    }

    /** Calls the task for instance 0 and instance 1 at the same moment, each on its own thread. */
    private static List<Integer> together(Function<Integer, Integer> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int instance = i;
                Callable<Integer> call = () -> {
                    start.await();
                    return task.apply(instance);
                };
                results.add(pool.submit(call));
            }
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : results) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
