package dev.rapport.api;

import static dev.rapport.support.Api.fields;
import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.Role;
import dev.rapport.teams.Totp;
import tools.jackson.databind.JsonNode;

/** Members, roles, invitations, transfers, account security and the audit log; once per database. */
abstract class TeamContract extends AppTestBase {

    private static long client(Api api, String name) {
        return api.post("/api/v1/clients", json("{'name':'" + name + "','tier':'C'}")).json().get("id").asLong();
    }

    private Api anonymous() {
        return new Api(baseUrl(), null);
    }

    private Response signIn(String email, String password, String code) {
        return anonymous().post("/api/v1/auth/tokens", json("{'email':'" + email + "','password':'" + password + "'"
                + (code == null ? "" : ",'code':'" + code + "'") + "}"));
    }

    private static List<String> names(Response list) {
        return list.json().get("items").valueStream().map(c -> c.get("name").asString()).toList();
    }

    @Test
    void anInvitationWorksOnceUntilItExpiresAndCreatesTheAccountWithTheInvitedRole() {
        Session owner = newTeam(Role.OWNER);
        String email = "new-" + System.nanoTime() + "@example.com";
        Response invited = owner.api().post("/api/v1/team/invitations", json("{'email':'" + email.toUpperCase()
                + "','role':'manager'}"));
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.json().at("/invitation/email").asString()).isEqualTo(email);
        String token = invited.json().get("token").asString();
        assertThat(invited.json().get("acceptPath").asString()).isEqualTo("/invite/" + token);

        Response info = anonymous().get("/api/v1/invitations/" + token);
        assertThat(info.json().get("role").asString()).isEqualTo("manager");
        Response weak = anonymous().post("/api/v1/invitations/" + token + "/accept", json("{'name':'','password':'x'}"));
        assertThat(fields(weak)).containsExactlyInAnyOrder("name", "password");

        Response joined = anonymous().post("/api/v1/invitations/" + token + "/accept",
                json("{'name':'Nina New','password':'a long secret'}"));
        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.json().get("role").asString()).isEqualTo("manager");
        Api nina = new Api(baseUrl(), signIn(email, "a long secret", null).json().get("token").asString());
        assertThat(nina.get("/api/v1/me").json().get("teamId").asLong()).isEqualTo(owner.user().teamId().value());

        Response reused = anonymous().post("/api/v1/invitations/" + token + "/accept",
                json("{'name':'Eve','password':'another secret'}"));
        assertThat(reused.status()).isEqualTo(410);
        assertThat(reused.json().get("detail").asString()).contains("already used");
        assertThat(anonymous().get("/api/v1/invitations/nonsense").status()).isEqualTo(404);

        String late = owner.api().post("/api/v1/team/invitations", json("{'email':'late-" + System.nanoTime()
                + "@example.com','role':'member'}")).json().get("token").asString();
        clock.advance(Duration.ofDays(8));
        Response expired = anonymous().get("/api/v1/invitations/" + late);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.json().get("detail").asString()).contains("expired");
    }

    @Test
    void invitationsAreForOwnersWithEveryBadFieldReportedAndNoDuplicateMembers() {
        Session owner = newTeam(Role.OWNER);
        Session manager = newMember(owner.user().teamId(), Role.MANAGER);
        assertThat(manager.api().post("/api/v1/team/invitations", json("{'email':'x@example.com','role':'member'}"))
                .status()).isEqualTo(403);
        Response bad = owner.api().post("/api/v1/team/invitations", json("{'email':'nope','role':'boss'}"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(fields(bad)).containsExactlyInAnyOrder("email", "role");
        Response again = owner.api().post("/api/v1/team/invitations", json("{'email':'" + manager.email()
                + "','role':'member'}"));
        assertThat(again.status()).isEqualTo(409);

        long id = owner.api().post("/api/v1/team/invitations", json("{'email':'w-" + System.nanoTime()
                + "@example.com','role':'viewer'}")).json().at("/invitation/id").asLong();
        assertThat(owner.api().delete("/api/v1/team/invitations/" + id).status()).isEqualTo(204);
        assertThat(owner.api().delete("/api/v1/team/invitations/" + id).status()).isEqualTo(409);
        JsonNode listed = owner.api().get("/api/v1/team/invitations").json();
        assertThat(listed.get(0).get("state").asString()).isEqualTo("revoked");
    }

    @Test
    void anExistingUserJoinsASecondTeamAndGetsATokenForIt() {
        Session alice = newTeam(Role.OWNER);
        Session other = newTeam(Role.OWNER);
        String token = other.api().post("/api/v1/team/invitations", json("{'email':'" + alice.email()
                + "','role':'member'}")).json().get("token").asString();
        Session stranger = newTeam(Role.MEMBER);
        assertThat(stranger.api().post("/api/v1/invitations/" + token + "/accept", null).status()).isEqualTo(422);

        Response joined = alice.api().post("/api/v1/invitations/" + token + "/accept", null);
        assertThat(joined.json().get("teamId").asLong()).isEqualTo(other.user().teamId().value());
        JsonNode teams = alice.api().get("/api/v1/me/teams").json();
        assertThat(teams.size()).isEqualTo(2);

        long otherTeam = other.user().teamId().value();
        Response minted = signIn(alice, otherTeam);
        Api inOther = new Api(baseUrl(), minted.json().get("token").asString());
        JsonNode me = inOther.get("/api/v1/me").json();
        assertThat(me.get("teamId").asLong()).isEqualTo(otherTeam);
        assertThat(me.get("role").asString()).isEqualTo("member");
        long strangerTeam = stranger.user().teamId().value();
        assertThat(signIn(alice, strangerTeam).status()).isEqualTo(404);
    }

    /** A token for one of the user's teams: only a password sign-in reaches another team. */
    private Response signIn(Session user, long teamId) {
        return new Api(baseUrl(), null).post("/api/v1/auth/tokens", json("{'email':'" + user.email()
                + "','password':'correct horse battery','tokenName':'second','teamId':" + teamId + "}"));
    }

    @Test
    void theLastOwnerStaysAndRoleChangesApplyOnTheNextRequest() {
        Session owner = newTeam(Role.OWNER);
        Session member = newMember(owner.user().teamId(), Role.MEMBER);
        long ownerId = owner.userId().value();
        assertThat(owner.api().put("/api/v1/team/members/" + ownerId + "/role", json("{'role':'member'}")).status())
                .isEqualTo(409);
        assertThat(owner.api().delete("/api/v1/team/members/" + ownerId).status()).isEqualTo(409);
        assertThat(owner.api().put("/api/v1/team/members/" + member.userId().value() + "/role",
                json("{'role':'chief'}")).status()).isEqualTo(422);

        assertThat(member.api().post("/api/v1/clients", json("{'name':'Before','tier':'C'}")).status())
                .isEqualTo(201);
        assertThat(owner.api().put("/api/v1/team/members/" + member.userId().value() + "/role",
                json("{'role':'viewer'}")).status()).isEqualTo(204);
        assertThat(member.api().post("/api/v1/clients", json("{'name':'After','tier':'C'}")).status())
                .isEqualTo(403);
        assertThat(member.api().get("/api/v1/me").json().get("role").asString()).isEqualTo("viewer");

        owner.api().put("/api/v1/team/members/" + member.userId().value() + "/role", json("{'role':'owner'}"));
        assertThat(owner.api().put("/api/v1/team/members/" + ownerId + "/role", json("{'role':'member'}")).status())
                .isEqualTo(204);
    }

    @Test
    void aLeavingMembersClientsAndOpenWorkGoToTheSuccessor() {
        Session owner = newTeam(Role.OWNER);
        Session leaving = newMember(owner.user().teamId(), Role.MEMBER);
        Session successor = newMember(owner.user().teamId(), Role.MEMBER);
        long ada = client(leaving.api(), "Ada");
        leaving.api().post("/api/v1/clients/" + ada + "/touches", json("{'channel':'phone','direction':'outbound'}"));
        long promise = leaving.api().post("/api/v1/clients/" + ada + "/promises",
                json("{'text':'call back','dueOn':'2026-11-25'}")).json().get("id").asLong();

        Response refused = owner.api().delete("/api/v1/team/members/" + leaving.userId().value());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("successorId");
        assertThat(owner.api().delete("/api/v1/team/members/" + leaving.userId().value() + "?successorId="
                + leaving.userId().value()).status()).isEqualTo(422);

        assertThat(owner.api().delete("/api/v1/team/members/" + leaving.userId().value() + "?successorId="
                + successor.userId().value()).status()).isEqualTo(204);
        assertThat(leaving.api().get("/api/v1/me").status()).isEqualTo(401);
        JsonNode moved = successor.api().get("/api/v1/clients/" + ada).json();
        assertThat(moved.get("ownerId").asLong()).isEqualTo(successor.userId().value());
        assertThat(successor.api().get("/api/v1/clients/" + ada + "/timeline").json().get("items").size())
                .isEqualTo(1);
        assertThat(successor.api().get("/api/v1/promises?status=pending").json().get("items").valueStream()
                .map(p -> p.get("id").asLong()).toList()).containsExactly(promise);
        assertThat(successor.api().get("/api/v1/queue").json().toString()).contains("Ada");
    }

    @Test
    void membersSeeTheirOwnAndSharedClientsAndOwnersOrManagersTransferThem() {
        Session manager = newTeam(Role.MANAGER);
        Session mia = newMember(manager.user().teamId(), Role.MEMBER);
        Session max = newMember(manager.user().teamId(), Role.MEMBER);
        long mine = client(mia.api(), "Mia client");
        long theirs = client(max.api(), "Max client");
        assertThat(mia.api().get("/api/v1/clients/" + theirs).status()).isEqualTo(404);
        assertThat(names(mia.api().get("/api/v1/clients"))).containsExactly("Mia client");
        assertThat(names(manager.api().get("/api/v1/clients"))).contains("Mia client", "Max client");

        assertThat(mia.api().put("/api/v1/clients/" + mine + "/sharing", json("{'shared':true}")).json()
                .get("shared").asBoolean()).isTrue();
        assertThat(max.api().get("/api/v1/clients/" + mine).status()).isEqualTo(200);
        // the list finds a shared client as well as one's own, each once
        assertThat(names(max.api().get("/api/v1/clients"))).containsExactlyInAnyOrder("Max client", "Mia client");
        assertThat(names(mia.api().get("/api/v1/clients"))).containsExactly("Mia client");
        assertThat(max.api().post("/api/v1/clients/" + mine + "/touches",
                json("{'channel':'email','direction':'outbound'}")).status()).isEqualTo(201);
        assertThat(max.api().post("/api/v1/clients/" + mine + "/transfer", json("{'ownerId':"
                + max.userId().value() + "}")).status()).isEqualTo(403);
        assertThat(max.api().put("/api/v1/clients/" + mine + "/sharing", json("{'shared':false}")).status())
                .isEqualTo(403);

        long promise = mia.api().post("/api/v1/clients/" + mine + "/promises",
                json("{'text':'send plan','dueOn':'2026-11-24'}")).json().get("id").asLong();
        Response given = mia.api().post("/api/v1/clients/" + mine + "/transfer", json("{'ownerId':"
                + max.userId().value() + "}"));
        assertThat(given.json().get("ownerId").asLong()).isEqualTo(max.userId().value());
        assertThat(max.api().get("/api/v1/promises?status=pending").json().get("items").valueStream()
                .map(p -> p.get("id").asLong()).toList()).containsExactly(promise);
        assertThat(mia.api().get("/api/v1/promises?status=pending").json().get("items").size()).isZero();
        assertThat(manager.api().post("/api/v1/clients/" + theirs + "/transfer", json("{'ownerId':999999}"))
                .status()).isEqualTo(422);
        JsonNode audit = newMember(manager.user().teamId(), Role.OWNER).api().get("/api/v1/team/audit").json();
        assertThat(audit.toString()).contains("client.transfer");
    }

    @Test
    void twoFactorSignInNeedsAFreshCodeAndAWrongCodeLooksLikeAWrongPassword() {
        Session user = newTeam(Role.MEMBER);
        Response started = user.api().post("/api/v1/me/totp", null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        JsonNode enrolment = started.json();
        String secret = enrolment.get("secret").asString();
        assertThat(enrolment.get("otpauthUri").asString()).startsWith("otpauth://totp/Rapport").contains(secret);
        assertThat(fields(user.api().post("/api/v1/me/totp/confirm", json("{'code':'000000'}"))))
                .containsExactly("code");
        assertThat(user.api().post("/api/v1/me/totp/confirm", json("{'code':'" + Totp.codeAt(secret,
                clock.instant()) + "'}")).status()).isEqualTo(204);

        Response noCode = signIn(user.email(), "correct horse battery", null);
        Response wrongPassword = signIn(user.email(), "wrong horse battery", null);
        assertThat(noCode.status()).isEqualTo(401);
        assertThat(noCode.json().get("detail")).isEqualTo(wrongPassword.json().get("detail"));
        clock.advance(Duration.ofSeconds(30));
        String code = Totp.codeAt(secret, clock.instant());
        assertThat(signIn(user.email(), "correct horse battery", code).status()).isEqualTo(201);
        assertThat(signIn(user.email(), "correct horse battery", code).status()).isEqualTo(401);

        clock.advance(Duration.ofSeconds(30));
        assertThat(user.api().send("DELETE", "/api/v1/me/totp", json("{'password':'correct horse battery','code':'"
                + Totp.codeAt(secret, clock.instant()) + "'}")).status()).isEqualTo(204);
        assertThat(signIn(user.email(), "correct horse battery", null).status()).isEqualTo(201);
    }

    @Test
    void passwordChangeAndSignOutEverywhereAreAuditedForOwners() {
        Session owner = newTeam(Role.OWNER);
        Session member = newMember(owner.user().teamId(), Role.MEMBER);
        Response wrong = member.api().post("/api/v1/me/password",
                json("{'currentPassword':'nope','newPassword':'short'}"));
        assertThat(fields(wrong)).containsExactly("newPassword");
        assertThat(fields(member.api().post("/api/v1/me/password",
                json("{'currentPassword':'nope','newPassword':'a new long secret'}")))).containsExactly("currentPassword");
        assertThat(member.api().post("/api/v1/me/password",
                json("{'currentPassword':'correct horse battery','newPassword':'a new long secret'}")).status())
                .isEqualTo(204);
        assertThat(signIn(member.email(), "correct horse battery", null).status()).isEqualTo(401);
        assertThat(signIn(member.email(), "a new long secret", null).status()).isEqualTo(201);

        assertThat(member.api().post("/api/v1/me/sign-out-everywhere", null).json().get("ended").asInt())
                .isGreaterThanOrEqualTo(2);
        assertThat(member.api().get("/api/v1/me").status()).isEqualTo(401);

        assertThat(member.api().get("/api/v1/team/audit").status()).isEqualTo(401);
        Response audit = owner.api().get("/api/v1/team/audit?limit=3");
        List<String> actions = audit.json().get("items").valueStream().map(e -> e.get("action").asString()).toList();
        assertThat(actions).containsExactly("account.signed_out_everywhere", "token.created", "auth.login.succeeded");
        String cursor = audit.json().get("nextCursor").asString();
        assertThat(owner.api().get("/api/v1/team/audit?limit=50&cursor=" + cursor).json().toString())
                .contains("account.password_changed", "auth.login.failed");
        assertThat(newMember(owner.user().teamId(), Role.MANAGER).api().get("/api/v1/team/audit").status())
                .isEqualTo(403);
        assertThat(owner.api().get("/api/v1/team/audit?cursor=garbage").status()).isEqualTo(422);
    }
}
