package dev.rapport.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Role;

/**
 * The whole app on a random port with a controllable clock. Subclasses choose the database with
 * an initializer; every test makes its own team, so tests share a context without sharing data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rapport.jobs.enabled=false")
@Import(TestClockConfig.class)
public abstract class AppTestBase {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected AccountService accounts;

    @BeforeEach
    void resetClock() {
        clock.reset();
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A new team with one user of the given role, signed in with a fresh API token. */
    protected Session newTeam(Role role) {
        int n = COUNTER.incrementAndGet();
        TeamId team = accounts.createTeam("Team " + n, "Europe/Amsterdam");
        return newMember(team, role);
    }

    protected Session newMember(TeamId team, Role role) {
        int n = COUNTER.incrementAndGet();
        String email = "user" + n + "-" + System.nanoTime() + "@example.com";
        UserId id = accounts.createUser(team, email, "User " + n, "correct horse battery", role);
        CurrentUser user = accounts.authenticate(email, "correct horse battery").orElseThrow();
        String token = accounts.issueToken(user, "test").token();
        return new Session(new Api(baseUrl(), token), user, email, id);
    }

    /** Another team's owner, who invited {@code user} as a member; the user has accepted. */
    protected Session joinedSecondTeam(Session user) {
        Session other = newTeam(Role.OWNER);
        String invitation = other.api().post("/api/v1/team/invitations", Api.json("{'email':'" + user.email()
                + "','role':'member'}")).json().get("token").asString();
        org.assertj.core.api.Assertions.assertThat(user.api().post("/api/v1/invitations/" + invitation + "/accept",
                null).status()).isEqualTo(200);
        return other;
    }

    public record Session(Api api, CurrentUser user, String email, UserId userId) {
    }
}
