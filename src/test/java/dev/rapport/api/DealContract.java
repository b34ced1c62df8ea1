package dev.rapport.api;

import static dev.rapport.support.Api.fields;
import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.support.Api;
import dev.rapport.support.WebClient;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.Role;
import tools.jackson.databind.JsonNode;

/** Deals, milestones, the listing cadence and the pipeline through the API; runs once per database. */
abstract class DealContract extends AppTestBase {
    @org.springframework.beans.factory.annotation.Autowired
    dev.rapport.deals.ToldDealsJob toldDeals;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Runs the told-deals job now (the test clock restarts with every test: a lease may look "future"). */
    int sweepToldDeals() {
        jdbc.update("UPDATE job_lock SET locked_until = ? WHERE name = 'told-deals'",
                java.sql.Timestamp.from(clock.instant()));
        return toldDeals.run();
    }


    static List<String> reasons(Api api, long client) {
        List<String> codes = new ArrayList<>();
        for (JsonNode e : api.get("/api/v1/queue").json().get("entries")) {
            if (e.get("clientId").asLong() == client) {
                e.get("reasons").forEach(r -> codes.add(r.get("code").asString()));
            }
        }
        return codes;
    }

    @Test
    void completedMilestonesAskForAClientUpdateAndAListingForcesWeeklyContact() {
        Session member = newTeam(Role.MEMBER);
        Api api = member.api();
        long seller = api.post("/api/v1/clients", json("{'name':'Sam Seller','tier':'C'}")).json().get("id").asLong();
        api.post("/api/v1/clients/" + seller + "/touches", json("{'channel':'phone'}"));
        Response deal = api.post("/api/v1/clients/" + seller + "/deals", json("{'title':'Elm St 4','amount':450000}"));
        assertThat(deal.status()).isEqualTo(201);
        assertThat(deal.json().get("milestones").size()).isEqualTo(10);
        long id = deal.json().get("id").asLong();

        clock.advance(Duration.ofHours(1));
        api.post("/api/v1/deals/" + id + "/complete", json("{'milestone':'listing agreement'}"));
        api.post("/api/v1/deals/" + id + "/complete", json("{'milestone':'1'}"));
        Response listed = api.post("/api/v1/deals/" + id + "/complete", json("{'milestone':'listed'}"));
        assertThat(listed.json().get("activeListing").asBoolean()).isTrue();
        assertThat(listed.json().get("stage").asString()).isEqualTo("listed");
        JsonNode entry = api.get("/api/v1/queue").json().get("entries").get(0);
        assertThat(entry.get("reasons").get(0).get("text").asString())
                .isEqualTo("milestone “listed” completed on 2026-11-23 (and 2 earlier) — tell the client");

        Response twice = api.post("/api/v1/deals/" + id + "/complete", json("{'milestone':'listed'}"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains("already completed");

        clock.advance(Duration.ofMinutes(10));
        api.post("/api/v1/clients/" + seller + "/touches", json("{'channel':'phone','note':'we are live'}"));
        assertThat(reasons(api, seller)).isEmpty();
        // tier C allows 90 days, but an active listing allows at most 7
        clock.advance(Duration.ofDays(8));
        assertThat(reasons(api, seller)).containsExactly("overdue");
        // the client's page and the client list word it as the queue does
        WebClient browser = new WebClient(baseUrl());
        assertThat(browser.signIn(member.email(), "correct horse battery").location()).isEqualTo("/");
        String overdue = "8 days since last touch, an active listing allows at most 7 days — 1 day overdue";
        assertThat(browser.get("/clients/" + seller).body()).contains(overdue);
        assertThat(browser.get("/clients").body()).contains("<span class=\"badge badge-overdue\">Overdue 1 day</span>");

        clock.advance(Duration.ofDays(7));
        JsonNode pipeline = api.get("/api/v1/deals/pipeline").json();
        assertThat(pipeline.get(0).get("name").asString()).isEqualTo("listed");
        assertThat(pipeline.get(0).get("stale").asInt()).isEqualTo(1);
        assertThat(pipeline.get(0).get("value").asDouble()).isEqualTo(450000.0);
        assertThat(api.get("/api/v1/deals/" + id).json().get("stale").asBoolean()).isTrue();
    }

    @Test
    void aMilestoneAsksForAnUpdateUntilTheClientIsToldHoweverLongAgo() {
        Api api = newTeam(Role.MEMBER).api();
        long buyer = api.post("/api/v1/clients", json("{'name':'Bea Buyer','tier':'C'}")).json().get("id").asLong();
        long id = api.post("/api/v1/clients/" + buyer + "/deals", json("{'title':'Oak Ave 9'}")).json().get("id")
                .asLong();
        clock.advance(Duration.ofHours(1));
        api.post("/api/v1/deals/" + id + "/complete", json("{'milestone':'listing agreement'}"));
        // an outbound touch at the very instant of the completion is not after it: not told yet
        api.post("/api/v1/clients/" + buyer + "/touches", json("{'channel':'email','direction':'outbound','at':'"
                + clock.instant() + "'}"));
        assertThat(reasons(api, buyer)).containsExactly("milestone_update");
        // the client keeps calling (inbound touches restart the cadence) but nobody tells them
        for (int day = 0; day < 4; day++) {
            clock.advance(Duration.ofDays(25));
            api.post("/api/v1/clients/" + buyer + "/touches", json("{'channel':'phone','direction':'inbound'}"));
            assertThat(reasons(api, buyer)).as("day %d", 25 * (day + 1)).containsExactly("milestone_update");
        }
        // a lost deal's milestones were still news to the client: the job leaves it in the queue's scope
        assertThat(api.post("/api/v1/deals/" + id + "/lose", null).status()).isEqualTo(200);
        assertThat(sweepToldDeals()).isNotNegative();
        assertThat(reasons(api, buyer)).containsExactly("milestone_update");
        api.post("/api/v1/clients/" + buyer + "/touches", json("{'channel':'email','direction':'outbound'}"));
        assertThat(reasons(api, buyer)).isEmpty();
        assertThat(sweepToldDeals()).as("told, so out of the scope").isPositive();
        assertThat(sweepToldDeals()).isZero();
        assertThat(reasons(api, buyer)).isEmpty();
        assertThat(api.get("/api/v1/clients/" + buyer + "/deals").json().get(0).get("status").asString())
                .isEqualTo("lost");
    }

    @Test
    void aColleaguesDealOnASharedClientReachesTheOwnersQueue() {
        Session owner = newTeam(Role.OWNER);
        Session colleague = newMember(owner.user().teamId(), Role.MEMBER);
        long shared = owner.api().post("/api/v1/clients", json("{'name':'Sol Shared','tier':'C','shared':true}"))
                .json().get("id").asLong();
        owner.api().post("/api/v1/clients/" + shared + "/touches", json("{'channel':'phone'}"));
        long id = colleague.api().post("/api/v1/clients/" + shared + "/deals", json("{'title':'Pine Rd 1'}")).json()
                .get("id").asLong();
        clock.advance(Duration.ofHours(1));
        for (String step : List.of("0", "1", "listed")) {
            colleague.api().post("/api/v1/deals/" + id + "/complete", json("{'milestone':'" + step + "'}"));
        }
        assertThat(reasons(owner.api(), shared)).containsExactly("milestone_update");
        assertThat(reasons(colleague.api(), shared)).as("only owners' queues hold clients").isEmpty();
        // the owner reads the deal that asks them for an update, and leaves moving it on to its maker
        JsonNode onClient = owner.api().get("/api/v1/clients/" + shared + "/deals").json();
        assertThat(onClient.size()).isEqualTo(1);
        assertThat(onClient.get(0).get("userId").asLong()).isEqualTo(colleague.userId().value());
        assertThat(onClient.get(0).get("stage").asString()).isEqualTo("listed");
        assertThat(owner.api().post("/api/v1/deals/" + id + "/complete", json("{'milestone':'showings'}")).status())
                .as("an owner reads every deal, and only its maker moves it on").isEqualTo(403);
        WebClient browser = new WebClient(baseUrl());
        browser.signIn(owner.email(), "correct horse battery");
        String page = browser.get("/clients/" + shared).body();
        assertThat(page).contains("Pine Rd 1", "by " + colleague.user().displayName() + ", who moves it on")
                .doesNotContain("/deals/" + id + "/complete");
        assertThat(newTeam(Role.OWNER).api().get("/api/v1/clients/" + shared + "/deals").status()).isEqualTo(404);

        clock.advance(Duration.ofMinutes(10));
        colleague.api().post("/api/v1/clients/" + shared + "/touches", json("{'channel':'phone','note':'live'}"));
        assertThat(reasons(owner.api(), shared)).isEmpty();
        // the colleague's listing tightens the client's cadence (tier C allows 90 days) for its owner
        clock.advance(Duration.ofDays(8));
        assertThat(reasons(owner.api(), shared)).containsExactly("overdue");
        JsonNode overdue = owner.api().get("/api/v1/team/members/" + owner.userId().value() + "/overdue").json()
                .get("items");
        assertThat(overdue.size()).isEqualTo(1);
        assertThat(overdue.get(0).get("reasons").get(0).get("text").asString())
                .isEqualTo("8 days since last touch, an active listing allows at most 7 days — 1 day overdue");
    }

    @Test
    void customTemplatesAndBadInput() {
        Api api = newTeam(Role.OWNER).api();
        long ada = api.post("/api/v1/clients", json("{'name':'Ada'}")).json().get("id").asLong();
        assertThat(fields(api.post("/api/v1/deal-templates", json("{'name':'Lease','milestones':['viewing','Viewing']}"))))
                .containsExactly("milestones[1]");
        Response lease = api.post("/api/v1/deal-templates", json("{'name':'Lease','milestones':['viewing','signed']}"));
        assertThat(lease.status()).isEqualTo(201);
        assertThat(api.post("/api/v1/deal-templates", json("{'name':'lease','milestones':['x']}")).status())
                .isEqualTo(409);
        long template = lease.json().get("id").asLong();
        assertThat(api.get("/api/v1/deal-templates").json().size()).isEqualTo(2);
        long deal = api.post("/api/v1/clients/" + ada + "/deals", json("{'title':'Flat 2B','templateId':" + template
                + "}")).json().get("id").asLong();
        assertThat(fields(api.post("/api/v1/deals/" + deal + "/complete", json("{'milestone':'keys'}"))))
                .containsExactly("milestone");
        assertThat(api.post("/api/v1/deals/" + deal + "/complete", json("{'milestone':'signed'}")).json()
                .get("status").asString()).isEqualTo("won");
        assertThat(api.post("/api/v1/deals/" + deal + "/lose", null).status()).isEqualTo(409);
        assertThat(fields(api.post("/api/v1/clients/" + ada + "/deals", json("{'title':'','amount':-1}"))))
                .containsExactly("title", "amount");
        assertThat(fields(api.post("/api/v1/clients/" + ada + "/deals", json("{'title':'x','templateId':999999}"))))
                .containsExactly("templateId");
        Api stranger = newTeam(Role.OWNER).api();
        assertThat(stranger.get("/api/v1/deals/" + deal).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/deals/" + deal + "/complete", json("{'milestone':'0'}")).status())
                .isEqualTo(404);
        assertThat(stranger.post("/api/v1/clients/" + ada + "/deals", json("{'title':'x'}")).status()).isEqualTo(404);
    }

    /** The deals listing is paged like every other: oldest first, ties in the order they were made. */
    @Test
    void dealsComeInPagesOldestFirstForTheMemberAndTheWholeTeam() {
        Session owner = newTeam(Role.OWNER);
        Session ann = newMember(owner.user().teamId(), Role.MEMBER);
        long acme = ann.api().post("/api/v1/clients", json("{'name':'ACME'}")).json().get("id").asLong();
        List<Long> anns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            anns.add(ann.api().post("/api/v1/clients/" + acme + "/deals", json("{'title':'Unit " + i + "'}")).json()
                    .get("id").asLong());
            clock.advance(Duration.ofMinutes(i % 2));
        }
        long mine = owner.api().post("/api/v1/clients", json("{'name':'Bravo'}")).json().get("id").asLong();
        long ownersDeal = owner.api().post("/api/v1/clients/" + mine + "/deals", json("{'title':'Oak Ave'}")).json()
                .get("id").asLong();

        assertThat(PromiseContract.allPages(ann.api(), "/api/v1/deals", 2)).containsExactlyElementsOf(anns);
        assertThat(PromiseContract.allPages(owner.api(), "/api/v1/deals?userId=" + ann.userId().value(), 1))
                .containsExactlyElementsOf(anns);
        List<Long> team = new ArrayList<>(anns);
        team.add(ownersDeal);
        assertThat(PromiseContract.allPages(owner.api(), "/api/v1/deals?team=true&status=open", 3))
                .containsExactlyElementsOf(team);
        assertThat(PromiseContract.allPages(ann.api(), "/api/v1/deals?status=won", 2)).isEmpty();
        assertThat(fields(ann.api().get("/api/v1/deals?limit=500"))).containsExactly("limit");
        assertThat(ann.api().get("/api/v1/deals?team=true&limit=1").status()).as("still a manager's read")
                .isEqualTo(403);
    }
}
