package dev.rapport.api;

import static dev.rapport.support.Api.fields;
import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.Role;
import tools.jackson.databind.JsonNode;

/** Key-account plans, sustainability and adherence through the API; runs once per database. */
abstract class PlanContract extends AppTestBase {


    @Test
    void plansAreCheckedAgainstDeclaredThenMeasuredCapacity() {
        Api api = newTeam(Role.MEMBER).api();
        long acme = api.post("/api/v1/clients", json("{'name':'ACME','tier':'A'}")).json().get("id").asLong();
        long bravo = api.post("/api/v1/clients", json("{'name':'Bravo','tier':'C'}")).json().get("id").asLong();
        Response plan = api.post("/api/v1/clients/" + acme + "/plans", json("""
                {'name':'ACME 2027','objectives':['renew in Q3'],'activities':[
                  {'name':'quarterly review','frequency':'quarterly','minutes':120,'channel':'face_to_face'},
                  {'name':'monthly call','frequency':'monthly','minutes':30,'channel':'phone'},
                  {'name':'weekly email','frequency':'weekly','minutes':10,'channel':'email'}]}"""));
        assertThat(plan.status()).isEqualTo(201);
        assertThat(plan.json().get("hoursPerMonth").asDouble()).isEqualTo(1.9);
        api.post("/api/v1/clients/" + bravo + "/plans", json("""
                {'name':'Bravo care','activities':[{'name':'visit','frequency':'every 2 weeks','minutes':90}]}"""));

        JsonNode none = api.get("/api/v1/plans/sustainability").json();
        assertThat(none.get("capacitySource").asString()).isEqualTo("none");
        assertThat(none.get("plans").get(0).get("overflows").asBoolean()).isTrue();

        api.put("/api/v1/plans/capacity", json("{'hoursPerMonth':3}"));
        JsonNode declared = api.get("/api/v1/plans/sustainability").json();
        assertThat(declared.get("capacitySource").asString()).isEqualTo("declared");
        assertThat(declared.get("plans").get(0).get("client").asString()).isEqualTo("ACME");
        assertThat(declared.get("plans").get(0).get("overflows").asBoolean()).isFalse();
        assertThat(declared.get("plans").get(1).get("overflows").asBoolean()).isTrue();
        assertThat(declared.get("sustainable").asBoolean()).isFalse();
        assertThat(declared.get("suggestions").get(1).asString()).startsWith("visit for Bravo");

        // eight weeks of logged client time replace the declared capacity: 16 h / 8 weeks = 8.7 h a month
        api.post("/api/v1/journal/entries", json("{'day':'2026-11-10','minutes':960,'category':'client_interaction'}"));
        JsonNode measured = api.get("/api/v1/plans/sustainability").json();
        assertThat(measured.get("capacitySource").asString()).isEqualTo("measured");
        assertThat(measured.get("capacityHours").asDouble()).isEqualTo(8.7);
        assertThat(measured.get("sustainable").asBoolean()).isTrue();
    }

    @Test
    void adherenceMatchesTouchesToPlannedActivities() {
        Api api = newTeam(Role.MEMBER).api();
        long acme = api.post("/api/v1/clients", json("{'name':'ACME','tier':'A'}")).json().get("id").asLong();
        long id = api.post("/api/v1/clients/" + acme + "/plans", json("""
                {'name':'ACME','activities':[{'name':'weekly call','frequency':'weekly','minutes':20,'channel':'phone'},
                  {'name':'monthly lunch','frequency':'monthly','minutes':90,'channel':'face_to_face'}]}"""))
                .json().get("id").asLong();
        api.post("/api/v1/clients/" + acme + "/touches", json("{'channel':'phone','minutes':20}"));
        clock.advance(Duration.ofDays(8));
        api.post("/api/v1/clients/" + acme + "/touches", json("{'channel':'email'}"));
        clock.advance(Duration.ofDays(7));
        JsonNode adherence = api.get("/api/v1/plans/" + id + "/adherence").json();
        assertThat(adherence.get(0).get("periods").asInt()).isEqualTo(2);
        assertThat(adherence.get(0).get("done").asInt()).isEqualTo(1);
        assertThat(adherence.get(0).get("percent").asDouble()).isEqualTo(50.0);
        assertThat(adherence.get(0).get("missedPeriodsStarting").get(0).asString()).isEqualTo("2026-11-30");
        assertThat(adherence.get(1).get("periods").asInt()).isZero();
    }

    @Test
    void badPlansAre422AndOthersPlansAre404() {
        Api api = newTeam(Role.MEMBER).api();
        long acme = api.post("/api/v1/clients", json("{'name':'ACME'}")).json().get("id").asLong();
        Response bad = api.post("/api/v1/clients/" + acme + "/plans", json("""
                {'name':'','activities':[{'name':'call','frequency':'every 0 weeks','minutes':0,'channel':'pigeon'}]}"""));
        assertThat(fields(bad)).containsExactlyInAnyOrder("name", "activities[0].minutes", "activities[0].channel",
                "activities[0].frequency");
        assertThat(fields(api.post("/api/v1/clients/" + acme + "/plans", json("{'name':'x','activities':[]}"))))
                .containsExactly("activities");
        assertThat(api.get("/api/v1/plans").json().isEmpty()).isTrue();
        assertThat(fields(api.put("/api/v1/plans/capacity", json("{'hoursPerMonth':-1}")))).containsExactly("hoursPerMonth");
        long id = api.post("/api/v1/clients/" + acme + "/plans", json("""
                {'name':'ok','activities':[{'name':'call','frequency':'monthly','minutes':30}]}""")).json().get("id")
                .asLong();
        Api stranger = newTeam(Role.MEMBER).api();
        assertThat(stranger.get("/api/v1/plans/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/plans/" + id + "/adherence").status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/clients/" + acme + "/plans", json("""
                {'name':'x','activities':[{'name':'call','frequency':'monthly','minutes':30}]}""")).status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/plans/" + id + "/active", json("{'active':false}")).json().get("active")
                .asBoolean()).isFalse();
    }
}
