package dev.rapport.api;

import static dev.rapport.support.Api.fields;
import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.rapport.support.Api;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.WebClient;
import dev.rapport.teams.Role;
import tools.jackson.databind.JsonNode;

/**
 * Owners and managers see every member's deals, promises and plans (PRODUCT.md: a manager "sees all
 * members' data in the team"), read only: only the member who made a record moves it on. Members and
 * viewers read their own; a user of another team is not found. Runs once per database.
 */
abstract class MemberRecordsContract extends AppTestBase {

    /** A team with a manager and two members; Ann has a deal, a promise and a plan, Bob a deal. */
    record Team(Session manager, Session ann, Session bob, long acme, long annDeal, long bobDeal, long promise,
                long plan) {
    }

    Team team() {
        Session manager = newTeam(Role.MANAGER);
        Session ann = newMember(manager.user().teamId(), Role.MEMBER);
        Session bob = newMember(manager.user().teamId(), Role.MEMBER);
        long acme = ann.api().post("/api/v1/clients", json("{'name':'ACME','tier':'A'}")).json().get("id").asLong();
        long annDeal = ann.api().post("/api/v1/clients/" + acme + "/deals", json("{'title':'Elm St 4','amount':400000}"))
                .json().get("id").asLong();
        clock.advance(Duration.ofHours(1));
        ann.api().post("/api/v1/deals/" + annDeal + "/complete", json("{'milestone':'listing agreement'}"));
        long promise = ann.api().post("/api/v1/clients/" + acme + "/promises", json("{'text':'send the survey','dueOn':'"
                + clock.instant().plus(Duration.ofDays(3)).toString().substring(0, 10) + "'}")).json().get("id").asLong();
        long plan = ann.api().post("/api/v1/clients/" + acme + "/plans", json("""
                {'name':'ACME 2027','activities':[{'name':'monthly call','frequency':'monthly','minutes':60}]}"""))
                .json().get("id").asLong();
        long bravo = bob.api().post("/api/v1/clients", json("{'name':'Bravo','tier':'B'}")).json().get("id").asLong();
        long bobDeal = bob.api().post("/api/v1/clients/" + bravo + "/deals", json("{'title':'Oak Ave 9','amount':250000}"))
                .json().get("id").asLong();
        return new Team(manager, ann, bob, acme, annDeal, bobDeal, promise, plan);
    }

    @Test
    void aManagerReadsEachMembersRecordsAndTheTeamPipelineButMovesNone() {
        Team t = team();
        Api manager = t.manager().api();
        long ann = t.ann().userId().value();

        JsonNode deals = manager.get("/api/v1/deals?userId=" + ann).json().get("items");
        assertThat(deals.size()).isEqualTo(1);
        assertThat(deals.get(0).get("title").asString()).isEqualTo("Elm St 4");
        assertThat(deals.get(0).get("userId").asLong()).isEqualTo(ann);
        assertThat(manager.get("/api/v1/deals?team=true&status=open").json().get("items").size()).isEqualTo(2);
        assertThat(manager.get("/api/v1/deals").json().get("items").size()).as("the manager's own: none").isZero();
        JsonNode pipeline = manager.get("/api/v1/deals/pipeline?team=true").json();
        assertThat(pipeline.size()).isEqualTo(2);
        assertThat(pipeline.findValuesAsString("name")).containsExactlyInAnyOrder("listing agreement signed", "not started");
        assertThat(pipeline.findValues("value").stream().mapToDouble(JsonNode::asDouble).sum()).isEqualTo(650000.0);
        assertThat(manager.get("/api/v1/deals/pipeline?userId=" + ann).json().get(0).get("deals").asInt()).isEqualTo(1);
        assertThat(manager.get("/api/v1/deals/" + t.annDeal()).json().get("stage").asString())
                .isEqualTo("listing agreement signed");

        JsonNode promises = manager.get("/api/v1/promises?userId=" + ann + "&status=pending").json().get("items");
        assertThat(promises.size()).isEqualTo(1);
        assertThat(promises.get(0).get("text").asString()).isEqualTo("send the survey");
        assertThat(promises.get(0).get("userId").asLong()).isEqualTo(ann);
        assertThat(manager.get("/api/v1/promises/" + t.promise()).status()).isEqualTo(200);
        assertThat(manager.get("/api/v1/promises/kept-rate?userId=" + ann).status()).isEqualTo(200);

        assertThat(manager.get("/api/v1/plans?userId=" + ann).json().get(0).get("name").asString())
                .isEqualTo("ACME 2027");
        JsonNode check = manager.get("/api/v1/plans/sustainability?userId=" + ann).json();
        assertThat(check.get("requiredHours").asDouble()).isEqualTo(1.0);
        assertThat(check.get("plans").get(0).get("client").asString()).isEqualTo("ACME");
        assertThat(manager.get("/api/v1/plans/" + t.plan() + "/adherence").status()).isEqualTo(200);

        // reading is not moving: each write is refused and changes nothing
        Api.Response complete = manager.post("/api/v1/deals/" + t.annDeal() + "/complete", json("{'milestone':'1'}"));
        assertThat(complete.status()).isEqualTo(403);
        assertThat(complete.json().get("detail").asString()).contains("only the member who made a deal");
        assertThat(manager.post("/api/v1/deals/" + t.annDeal() + "/lose", null).status()).isEqualTo(403);
        assertThat(manager.post("/api/v1/promises/" + t.promise() + "/keep", null).status()).isEqualTo(403);
        assertThat(manager.post("/api/v1/promises/" + t.promise() + "/break", null).status()).isEqualTo(403);
        assertThat(manager.put("/api/v1/plans/" + t.plan() + "/active", json("{'active':false}")).status())
                .isEqualTo(403);
        assertThat(manager.get("/api/v1/deals/" + t.annDeal()).json().get("status").asString()).isEqualTo("open");
        assertThat(manager.get("/api/v1/deals/" + t.annDeal()).json().get("stage").asString())
                .isEqualTo("listing agreement signed");
        assertThat(manager.get("/api/v1/promises/" + t.promise()).json().get("status").asString()).isEqualTo("open");
        assertThat(manager.get("/api/v1/plans/" + t.plan()).json().get("active").asBoolean()).isTrue();
        // the maker still does
        assertThat(t.ann().api().post("/api/v1/promises/" + t.promise() + "/keep", null).status()).isEqualTo(200);
    }

    @Test
    void membersViewersAndOtherTeamsReadNoOneElsesRecords() {
        Team t = team();
        long ann = t.ann().userId().value();
        Api bob = t.bob().api();
        for (String path : new String[]{"/api/v1/deals?userId=" + ann, "/api/v1/deals?team=true",
                "/api/v1/deals/pipeline?userId=" + ann, "/api/v1/deals/pipeline?team=true",
                "/api/v1/promises?userId=" + ann, "/api/v1/promises/kept-rate?userId=" + ann,
                "/api/v1/plans?userId=" + ann, "/api/v1/plans/sustainability?userId=" + ann}) {
            assertThat(bob.get(path).status()).as("a member: %s", path).isEqualTo(403);
            Api viewer = newMember(t.manager().user().teamId(), Role.VIEWER).api();
            assertThat(viewer.get(path).status()).as("a viewer: %s", path).isEqualTo(403);
        }
        assertThat(bob.get("/api/v1/deals?userId=" + t.bob().userId().value()).json().get("items").size())
                .as("their own, asked for by id").isEqualTo(1);
        for (String path : new String[]{"/api/v1/deals/" + t.annDeal(), "/api/v1/promises/" + t.promise(),
                "/api/v1/plans/" + t.plan(), "/api/v1/plans/" + t.plan() + "/adherence"}) {
            assertThat(bob.get(path).status()).as("a colleague's record: %s", path).isEqualTo(404);
        }

        Api outsider = newTeam(Role.OWNER).api();
        for (String path : new String[]{"/api/v1/deals?userId=" + ann, "/api/v1/deals/pipeline?userId=" + ann,
                "/api/v1/promises?userId=" + ann, "/api/v1/plans?userId=" + ann,
                "/api/v1/plans/sustainability?userId=" + ann, "/api/v1/deals/" + t.annDeal(),
                "/api/v1/promises/" + t.promise(), "/api/v1/plans/" + t.plan()}) {
            Api.Response r = outsider.get(path);
            assertThat(r.status()).as("another team: %s", path).isEqualTo(404);
            assertThat(r.body()).doesNotContain("Elm St 4", "send the survey", "ACME");
        }
        assertThat(outsider.get("/api/v1/deals?team=true").json().get("items").size()).as("their own team's").isZero();
        assertThat(outsider.get("/api/v1/deals/pipeline?team=true").json().size()).isZero();

        Api.Response both = t.manager().api().get("/api/v1/deals?team=true&userId=" + ann);
        assertThat(both.status()).isEqualTo(422);
        assertThat(fields(both)).containsExactly("team");
        assertThat(t.manager().api().get("/api/v1/deals?userId=ann").status()).isEqualTo(400);
    }

    @Test
    void theDashboardLeadsAManagerToEachMembersReadOnlyPages() {
        Team t = team();
        long ann = t.ann().userId().value();
        WebClient manager = new WebClient(baseUrl());
        manager.signIn(t.manager().email(), "correct horse battery");
        assertThat(manager.get("/team").body()).contains("href=\"/deals?member=" + ann + "\"",
                "href=\"/promises?member=" + ann + "\"", "href=\"/plans?member=" + ann + "\"",
                "href=\"/deals?member=team\"");

        String pipeline = manager.get("/deals?member=team").body();
        assertThat(pipeline).contains("The team’s open deals", "Elm St 4", "Oak Ave 9",
                "by " + t.ann().user().displayName(), "by " + t.bob().user().displayName(), "650,000");
        // the client page, where a maker completes a deal or keeps a promise, reads the same for the manager
        assertThat(manager.get("/clients/" + t.acme()).body()).contains("Elm St 4", "send the survey",
                "by " + t.ann().user().displayName() + ", who moves it on",
                "by " + t.ann().user().displayName() + ", who keeps it")
                .doesNotContain("/deals/" + t.annDeal() + "/complete", "/promises/" + t.promise() + "/keep");
        String deals = manager.get("/deals?member=" + ann).body();
        assertThat(deals).contains(t.ann().user().displayName() + "’s open deals", "Elm St 4")
                .doesNotContain("Oak Ave 9");
        String promises = manager.get("/promises?member=" + ann).body();
        assertThat(promises).contains("send the survey", "Read only").doesNotContain("/keep", "/renegotiate");
        String plans = manager.get("/plans?member=" + ann).body();
        assertThat(plans).contains("ACME 2027", t.ann().user().displayName() + "’s plans")
                .doesNotContain("action=\"/plans/capacity\"", "New plan");
        assertThat(manager.get("/deals?member=nobody").status()).isEqualTo(400);

        WebClient bob = new WebClient(baseUrl());
        bob.signIn(t.bob().email(), "correct horse battery");
        assertThat(bob.get("/deals?member=" + ann).status()).isEqualTo(403);
        assertThat(bob.get("/promises?member=" + ann).status()).isEqualTo(403);
        assertThat(bob.get("/plans?member=" + ann).status()).isEqualTo(403);
        assertThat(bob.get("/deals").body()).contains("Oak Ave 9").doesNotContain("Elm St 4", "whose-member");
        WebClient outsider = new WebClient(baseUrl());
        Session other = newTeam(Role.OWNER);
        outsider.signIn(other.email(), "correct horse battery");
        assertThat(outsider.get("/plans?member=" + ann).status()).isEqualTo(404);
        assertThat(outsider.get("/deals?member=" + ann).body()).doesNotContain("Elm St 4");
    }
}
