package dev.rapport.api;

import static dev.rapport.support.Api.fields;
import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.rapport.support.Api;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.Role;
import tools.jackson.databind.JsonNode;

/** The manager dashboard and its drill-down through the API, on a small hand-made team; runs once per database. */
abstract class DashboardContract extends AppTestBase {
    private static final String NOVEMBER = "/api/v1/team/dashboard?from=2026-11-01&to=2026-11-30";

    @Autowired
    JdbcTemplate jdbc;

    private long client(Api api, String name, String tier, String kind) {
        return api.post("/api/v1/clients", json("{'name':'" + name + "','tier':'" + tier + "','kind':'" + kind + "'}"))
                .json().get("id").asLong();
    }

    private void touch(Api api, long client, int daysAgo, String extra) {
        Instant at = clock.instant().minus(Duration.ofDays(daysAgo));
        Api.Response r = api.post("/api/v1/clients/" + client + "/touches",
                json("{'channel':'email','at':'" + at + "'" + extra + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static JsonNode member(JsonNode dashboard, long userId) {
        for (JsonNode m : dashboard.get("members")) {
            if (m.get("userId").asLong() == userId) {
                return m;
            }
        }
        throw new AssertionError("no member " + userId + " in " + dashboard);
    }

    /** Today is Monday 2026-11-23 (the test clock), Europe/Amsterdam. */
    @Test
    void membersTeamTotalsTrendAndDrillDownForASmallTeam() {
        var owner = newTeam(Role.MANAGER);
        var ann = newMember(owner.user().teamId(), Role.MEMBER);
        var ben = newMember(owner.user().teamId(), Role.MEMBER);
        Api a = ann.api();
        long late = client(a, "Late Ltd", "A", "external");       // touched 20 days ago: overdue (A allows 14)
        touch(a, late, 25, "");
        touch(a, late, 20, ",'direction':'inbound','updateRequest':true");  // a late signal on 3 Nov
        long due = client(a, "Due GmbH", "A", "external");        // 10 days ago: due (7), not overdue
        touch(a, due, 10, "");
        long fresh = client(a, "Fresh BV", "B", "external");      // touched today: on track
        touch(a, fresh, 0, "");
        touch(a, fresh, 0, ",'automated':true");                  // a digest: never counted
        client(a, "Facilities", "C", "internal");                 // never touched: due on its creation day
        long it = client(a, "IT desk", "C", "internal");          // 100 days ago: overdue (C allows 90)
        touch(a, it, 100, "");
        a.post("/api/v1/journal/entries", json("{'day':'2026-11-20','minutes':60,'category':'client_interaction'}"));
        a.post("/api/v1/journal/entries", json("{'day':'2026-11-20','minutes':180,'category':'email'}"));
        long kept = a.post("/api/v1/clients/" + due + "/promises", json(
                "{'text':'send the quote','dueOn':'2026-11-10','madeOn':'2026-11-02'}")).json().get("id").asLong();
        long broken = a.post("/api/v1/clients/" + due + "/promises", json(
                "{'text':'call back','dueOn':'2026-11-20','madeOn':'2026-11-02'}")).json().get("id").asLong();
        assertThat(a.post("/api/v1/promises/" + kept + "/keep", "{}").status()).isEqualTo(200);
        assertThat(a.post("/api/v1/promises/" + broken + "/break", json("{'reason':'forgot'}")).status()).isEqualTo(200);
        assertThat(a.post("/api/v1/clients/" + due + "/plans", json("""
                {'name':'Due care','activities':[{'name':'monthly call','frequency':'monthly','minutes':60}]}"""))
                .status()).isEqualTo(201);

        Api b = ben.api();
        long drifting = client(b, "Drifting plc", "B", "external");  // 40 days ago: overdue (B allows 30)
        touch(b, drifting, 40, "");
        jdbc.update("INSERT INTO honeymoon (client_id, team_id, before_rate, after_rate, dropped, evaluated_on)"
                + " VALUES (?, ?, 8, 1, TRUE, DATE '2026-11-23')", drifting, owner.user().teamId().value());

        Api.Response r = owner.api().get(NOVEMBER);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode d = r.json();
        assertThat(d.get("today").asString()).isEqualTo("2026-11-23");
        assertThat(d.get("wholeTeam").asBoolean()).isTrue();
        assertThat(d.get("members").size()).isEqualTo(3);

        JsonNode af = member(d, ann.userId().value()).get("figures");
        assertThat(af.get("loggedMinutes").asDouble()).isEqualTo(240.0);
        assertThat(af.get("customerFacingShare").asDouble()).isEqualTo(25.0);
        assertThat(af.get("contributesShare").asDouble()).isEqualTo(25.0);
        assertThat(af.get("external").toString()).isEqualTo(
                "{\"touches\":3,\"lateSignals\":1,\"overdue\":1,\"due\":1,\"honeymoonFlags\":0}");
        assertThat(af.get("internal").toString()).isEqualTo(
                "{\"touches\":0,\"lateSignals\":0,\"overdue\":1,\"due\":1,\"honeymoonFlags\":0}");
        assertThat(af.get("promisesKept").asLong()).isEqualTo(1);
        assertThat(af.get("promisesBroken").asLong()).isEqualTo(1);
        assertThat(af.get("keptRate").asDouble()).isEqualTo(50.0);
        // 1 h of plans against 1 h of client time over 8 weeks = 0.54 h a month
        assertThat(af.get("requiredHours").asDouble()).isEqualTo(1.0);
        assertThat(af.get("sustainabilityRatio").asDouble()).isEqualTo(1.85);
        assertThat(member(d, ann.userId().value()).get("capacitySource").asString()).isEqualTo("measured");

        JsonNode bf = member(d, ben.userId().value()).get("figures");
        assertThat(bf.get("external").toString()).isEqualTo(
                "{\"touches\":0,\"lateSignals\":0,\"overdue\":1,\"due\":0,\"honeymoonFlags\":1}");
        assertThat(bf.get("customerFacingShare").isNull()).isTrue();
        assertThat(bf.get("keptRate").isNull()).isTrue();
        assertThat(bf.get("sustainabilityRatio").asDouble()).isEqualTo(0.0);

        JsonNode team = d.get("team");
        assertThat(team.get("external").toString()).isEqualTo(
                "{\"touches\":3,\"lateSignals\":1,\"overdue\":2,\"due\":1,\"honeymoonFlags\":1}");
        assertThat(team.get("internal").get("overdue").asInt()).isEqualTo(1);
        assertThat(team.get("loggedMinutes").asDouble()).isEqualTo(240.0);
        assertThat(team.get("keptRate").asDouble()).isEqualTo(50.0);

        // ISO weeks: 1 Nov is a Sunday, 30 Nov a Monday
        List<String> mondays = new ArrayList<>();
        d.get("weeks").forEach(w -> mondays.add(w.get("monday").asString()));
        assertThat(mondays).containsExactly("2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23",
                "2026-11-30");
        JsonNode weeks = d.get("weeks");
        assertThat(weeks.get(0).get("from").asString()).isEqualTo("2026-11-01");
        assertThat(weeks.get(1).get("external").toString()).isEqualTo("{\"touches\":1,\"lateSignals\":1}");
        assertThat(weeks.get(2).get("promisesKept").asLong()).isEqualTo(1);
        assertThat(weeks.get(3).get("loggedMinutes").asDouble()).isEqualTo(240.0);
        assertThat(weeks.get(3).get("customerFacingShare").asDouble()).isEqualTo(25.0);
        assertThat(weeks.get(3).get("keptRate").asDouble()).isEqualTo(0.0);
        assertThat(weeks.get(4).get("external").get("touches").asInt()).isEqualTo(1);

        // drill-down: the most overdue first, worded as the queue words it
        String path = "/api/v1/team/members/" + ann.userId().value() + "/overdue";
        JsonNode items = owner.api().get(path).json().get("items");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).get("name").asString()).isEqualTo("IT desk");
        assertThat(items.get(0).get("kind").asString()).isEqualTo("internal");
        assertThat(items.get(0).get("overdueDays").asInt()).isEqualTo(10);
        assertThat(items.get(0).get("reasons").get(0).get("text").asString())
                .isEqualTo("100 days since last touch, tier C allows at most 90 days — 10 days overdue");
        assertThat(items.get(1).get("name").asString()).isEqualTo("Late Ltd");
        assertThat(items.get(1).get("reasons").toString()).contains("late_signal");
        JsonNode queue = a.get("/api/v1/queue").json().get("entries");
        List<String> queueTexts = new ArrayList<>();
        queue.forEach(e -> e.get("reasons").forEach(x -> queueTexts.add(x.get("text").asString())));
        assertThat(queueTexts).contains(items.get(0).get("reasons").get(0).get("text").asString(),
                items.get(1).get("reasons").get(0).get("text").asString());
        JsonNode external = owner.api().get(path + "?kind=external").json();
        assertThat(external.get("items").size()).isEqualTo(1);
        assertThat(external.get("items").get(0).get("name").asString()).isEqualTo("Late Ltd");
        JsonNode first = owner.api().get(path + "?limit=1").json();
        assertThat(first.get("items").get(0).get("name").asString()).isEqualTo("IT desk");
        JsonNode second = owner.api().get(path + "?limit=1&cursor=" + first.get("nextCursor").asString()).json();
        assertThat(second.get("items").get(0).get("name").asString()).isEqualTo("Late Ltd");
        assertThat(second.get("nextCursor").isNull()).isTrue();

        // touching the client takes it off the list and the counts at once
        touch(a, late, 0, "");
        assertThat(owner.api().get(path).json().get("items").size()).isEqualTo(1);
        assertThat(member(owner.api().get(NOVEMBER).json(), ann.userId().value()).get("figures").get("external")
                .get("overdue").asInt()).isZero();
    }

    /** PRODUCT.md: late rate = inbound update requests in a month / clients with a real touch that month. */
    @Test
    void theLateRateIsUpdateRequestsPerClientServedInEachMonthThePeriodTouches() {
        var owner = newTeam(Role.MANAGER);
        var ann = newMember(owner.user().teamId(), Role.MEMBER);
        var ben = newMember(owner.user().teamId(), Role.MEMBER);
        Api a = ann.api();
        long acme = client(a, "Acme", "A", "external");
        touch(a, acme, 34, "");                                          // 20 Oct: served in October
        touch(a, acme, 20, ",'direction':'inbound','updateRequest':true"); // 3 Nov: had to ask
        touch(a, acme, 13, ",'direction':'inbound','updateRequest':true"); // 10 Nov: asked again
        touch(a, acme, 11, "");                                          // still one client served
        touch(a, client(a, "Beta", "B", "external"), 18, "");
        touch(a, client(a, "Gamma", "B", "external"), 16, "");
        touch(a, client(a, "Desk", "C", "internal"), 17, ",'direction':'inbound','updateRequest':true");
        touch(a, client(a, "Digest only", "C", "external"), 5, ",'automated':true"); // not served
        // the manager touches Ann's client too: served by each of them
        touch(owner.api(), acme, 8, "");

        JsonNode d = owner.api().get("/api/v1/team/dashboard?from=2026-10-15&to=2026-11-23").json();
        assertThat(member(d, ann.userId().value()).get("lateRates").toString()).isEqualTo("["
                + "{\"month\":\"2026-10\",\"updateRequests\":0,\"clientsServed\":1,\"rate\":0.0,"
                + "\"external\":{\"updateRequests\":0,\"clientsServed\":1},"
                + "\"internal\":{\"updateRequests\":0,\"clientsServed\":0}},"
                + "{\"month\":\"2026-11\",\"updateRequests\":3,\"clientsServed\":4,\"rate\":75.0,"
                + "\"external\":{\"updateRequests\":2,\"clientsServed\":3},"
                + "\"internal\":{\"updateRequests\":1,\"clientsServed\":1}}]");
        JsonNode bens = member(d, ben.userId().value()).get("lateRates");
        assertThat(bens.get(1).get("clientsServed").asInt()).isZero();
        assertThat(bens.get(1).get("rate").isNull()).as("nobody served: no rate").isTrue();
        JsonNode team = d.get("teamLateRates");
        assertThat(team.get(0).get("rate").asDouble()).isEqualTo(0.0);
        assertThat(team.get(1).get("updateRequests").asInt()).isEqualTo(3);
        assertThat(team.get(1).get("clientsServed").asInt()).as("Ann's 4 and the manager's 1").isEqualTo(5);
        assertThat(team.get(1).get("rate").asDouble()).isEqualTo(60.0);

        // a member sees their own months only; a one-week period still shows its whole month
        JsonNode own = a.get("/api/v1/team/dashboard?period=week&date=2026-11-23").json();
        assertThat(own.get("members").size()).isEqualTo(1);
        assertThat(own.get("teamLateRates").toString()).isEqualTo("[" + member(d, ann.userId().value())
                .get("lateRates").get(1) + "]");
    }

    @Test
    void membersAndViewersSeeOnlyTheirOwnRowAndOtherTeamsAreNotFound() {
        var owner = newTeam(Role.OWNER);
        var member = newMember(owner.user().teamId(), Role.MEMBER);
        var viewer = newMember(owner.user().teamId(), Role.VIEWER);
        long c = client(member.api(), "Mine", "A", "external");
        touch(member.api(), c, 30, "");

        JsonNode own = member.api().get(NOVEMBER).json();
        assertThat(own.get("wholeTeam").asBoolean()).isFalse();
        assertThat(own.get("members").size()).isEqualTo(1);
        assertThat(own.get("members").get(0).get("userId").asLong()).isEqualTo(member.userId().value());
        assertThat(own.get("team").get("external").get("overdue").asInt()).isEqualTo(1);
        assertThat(member.api().get("/api/v1/team/members/" + member.userId().value() + "/overdue").json()
                .get("items").size()).isEqualTo(1);
        assertThat(member.api().get("/api/v1/team/members/" + owner.userId().value() + "/overdue").status())
                .isEqualTo(403);

        JsonNode viewed = viewer.api().get(NOVEMBER).json();
        assertThat(viewed.get("members").size()).isEqualTo(1);
        assertThat(viewed.get("team").get("external").get("overdue").asInt()).isZero();
        assertThat(viewer.api().get("/api/v1/team/members/" + member.userId().value() + "/overdue").status())
                .isEqualTo(403);
        assertThat(owner.api().get(NOVEMBER).json().get("members").size()).isEqualTo(3);

        var stranger = newTeam(Role.OWNER);
        assertThat(stranger.api().get("/api/v1/team/members/" + member.userId().value() + "/overdue").status())
                .isEqualTo(404);
        assertThat(stranger.api().get("/api/v1/team/members/999999999/overdue").status()).isEqualTo(404);
        JsonNode theirs = stranger.api().get(NOVEMBER).json();
        assertThat(theirs.get("members").size()).isEqualTo(1);
        assertThat(theirs.get("team").get("external").get("overdue").asInt()).isZero();
    }

    @Test
    void periodsAreCheckedAndDefaultToThisMonth() {
        Api api = newTeam(Role.MANAGER).api();
        JsonNode month = api.get("/api/v1/team/dashboard").json();
        assertThat(month.get("from").asString()).isEqualTo("2026-11-01");
        assertThat(month.get("to").asString()).isEqualTo("2026-11-30");
        JsonNode week = api.get("/api/v1/team/dashboard?period=week&date=2026-11-25").json();
        assertThat(week.get("from").asString()).isEqualTo("2026-11-23");
        assertThat(week.get("weeks").size()).isEqualTo(1);
        assertThat(fields(api.get("/api/v1/team/dashboard?from=2026-11-01"))).containsExactly("to");
        assertThat(fields(api.get("/api/v1/team/dashboard?from=2026-11-10&to=2026-11-01"))).containsExactly("to");
        assertThat(fields(api.get("/api/v1/team/dashboard?from=2025-01-01&to=2026-11-01"))).containsExactly("to");
        assertThat(fields(api.get("/api/v1/team/dashboard?period=year"))).containsExactly("period");
        assertThat(api.get("/api/v1/team/dashboard?from=nope&to=2026-11-01").status()).isEqualTo(400);
        assertThat(fields(api.get("/api/v1/team/members/1/overdue?kind=partner"))).containsExactly("kind");
        assertThat(new Api(baseUrl(), null).get(NOVEMBER).status()).isEqualTo(401);
    }
}
