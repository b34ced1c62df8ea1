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
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.Role;
import tools.jackson.databind.JsonNode;

/** The time journal and the 24-hour challenge through the API; runs once per database. */
abstract class JournalContract extends AppTestBase {
    @Autowired
    JdbcClient jdbc;


    static Response quick(Api api, String text) {
        return api.post("/api/v1/journal/entries/quick", json("{'text':'" + text + "'}"));
    }

    /** 2026-11-23 in Europe/Amsterdam at a local time. */
    static String at(String hhmm) {
        return Instant.parse("2026-11-23T" + hhmm + ":00Z").minus(Duration.ofHours(1)).toString();
    }

    static JsonNode day(Api api, String date) {
        return api.get("/api/v1/journal/day?date=" + date).json();
    }

    long entries() {
        return jdbc.sql("SELECT COUNT(*) FROM journal_entry").query(Long.class).single();
    }

    @Test
    void categoriesComeWithClassesAndBenchmarksAndTeamsCanAddTheirOwn() {
        Api api = newTeam(Role.OWNER).api();
        JsonNode categories = api.get("/api/v1/journal/categories").json();
        assertThat(categories.size()).isEqualTo(8);
        assertThat(categories.get(0).get("code").asString()).isEqualTo("client_interaction");
        assertThat(categories.get(0).get("categoryClass").asString()).isEqualTo("external_connection");
        assertThat(categories.get(0).get("benchmarkPercent").asDouble()).isEqualTo(4.0);
        Response added = api.post("/api/v1/journal/categories",
                json("{'code':'site_visit','label':'Site visit','categoryClass':'external_connection'}"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(api.post("/api/v1/journal/categories", json("{'code':'site_visit'}")).status()).isEqualTo(409);
        assertThat(fields(api.post("/api/v1/journal/categories", json("{'code':'Bad Code!'}")))).containsExactly("code");
        assertThat(quick(api, "1h site_visit").json().get("contributes").asBoolean()).isTrue();
    }

    @Test
    void quickEntriesInTheCliGrammar() {
        var s = newTeam(Role.MEMBER);
        Api api = s.api();
        long ada = api.post("/api/v1/clients", json("{'name':'Ada Lovelace'}")).json().get("id").asLong();
        Response email = quick(api, "30m email inbox zero");
        assertThat(email.status()).isEqualTo(201);
        assertThat(email.json().get("minutes").asInt()).isEqualTo(30);
        assertThat(email.json().get("start").isNull()).isTrue();
        assertThat(email.json().get("day").asString()).isEqualTo("2026-11-23");
        assertThat(email.json().get("note").asString()).isEqualTo("inbox zero");

        Response call = quick(api, "09:00-09:45 call ACME review @ada");
        assertThat(call.status()).isEqualTo(201);
        assertThat(call.json().get("category").asString()).isEqualTo("client_interaction");
        assertThat(call.json().get("clientId").asLong()).isEqualTo(ada);
        assertThat(call.json().get("start").asString()).isEqualTo("2026-11-23T08:00:00Z");
        assertThat(call.json().get("contributes").asBoolean()).isTrue();

        Response yesterday = api.post("/api/v1/journal/entries/quick",
                json("{'text':'2h firefighting','date':'2026-11-22'}"));
        assertThat(yesterday.json().get("day").asString()).isEqualTo("2026-11-22");
    }

    @Test
    void badEntriesAreClearErrorsAndWriteNothing() {
        Api api = newTeam(Role.MEMBER).api();
        long before = entries();
        assertThat(fields(quick(api, "25h email"))).containsExactly("text");
        assertThat(fields(quick(api, "0m email"))).containsExactly("text");
        assertThat(fields(quick(api, "30m sleeping"))).containsExactly("category");
        assertThat(quick(api, "30m sleeping").json().get("detail").asString()).contains("use one of client_interaction");
        assertThat(fields(quick(api, "10:00-09:00 email"))).containsExactly("text");
        String path = "/api/v1/journal/entries";
        assertThat(fields(api.post(path, json("{'start':'" + at("10:00") + "','end':'" + at("09:00")
                + "','category':'email'}")))).containsExactly("end");
        assertThat(fields(api.post(path, json("{'day':'2026-11-23','minutes':-5,'category':'email'}"))))
                .containsExactly("minutes");
        assertThat(fields(api.post(path, json("{'day':'2026-12-25','minutes':30,'category':'email'}"))))
                .containsExactly("day");
        assertThat(fields(api.post(path, json("{'category':'email'}")))).containsExactly("start");
        assertThat(fields(api.post(path, json("{'day':'2026-11-23','minutes':30,'category':'email','clientId':999999}"))))
                .containsExactly("clientId");
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void overlappingEntriesAreRefusedNamingTheOtherUnlessSplit() {
        Api api = newTeam(Role.MEMBER).api();
        long first = quick(api, "09:00-10:00 email").json().get("id").asLong();
        Response clash = quick(api, "09:30-09:45 admin");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("detail").asString()).contains("#" + first).contains("09:00-10:00").contains("email");
        Response split = api.post("/api/v1/journal/entries/quick", json("{'text':'09:30-09:45 admin','split':true}"));
        assertThat(split.status()).isEqualTo(201);
        JsonNode day = day(api, "2026-11-23");
        assertThat(day.get("minutesByCategory").get("email").asDouble()).isEqualTo(45.0);
        assertThat(day.get("minutesByCategory").get("internal_admin").asDouble()).isEqualTo(15.0);
        assertThat(day.get("entries").size()).isEqualTo(3);
        // half-open: an entry may start exactly where another ends
        assertThat(quick(api, "10:00-10:30 web").status()).isEqualTo(201);
    }

    @Test
    void bulkIsAllOrNothingAndNamesTheBadEntry() {
        Api api = newTeam(Role.MEMBER).api();
        long before = entries();
        Response bad = api.post("/api/v1/journal/entries/bulk", json("{'entries':["
                + "{'start':'" + at("08:00") + "','end':'" + at("09:00") + "','category':'email'},"
                + "{'day':'2026-11-23','minutes':30,'category':'nope'},"
                + "{'start':'" + at("08:30") + "','end':'" + at("09:30") + "','category':'web'}]}"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(fields(bad)).containsExactly("entries[1].category", "entries[2]");
        assertThat(entries()).isEqualTo(before);
        Response ok = api.post("/api/v1/journal/entries/bulk", json("{'entries':["
                + "{'start':'" + at("08:00") + "','end':'" + at("09:00") + "','category':'email','tags':['Inbox']},"
                + "{'day':'2026-11-23','minutes':30,'category':'errands'}]}"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().size()).isEqualTo(2);
        assertThat(ok.json().get(0).get("tags").toString()).isEqualTo("[\"inbox\"]");
        assertThat(entries()).isEqualTo(before + 2);
    }

    @Test
    void touchTimeCountsAsClientInteractionWithoutDoubleCounting() {
        Api api = newTeam(Role.MEMBER).api();
        long ada = api.post("/api/v1/clients", json("{'name':'Ada'}")).json().get("id").asLong();
        api.post("/api/v1/clients/" + ada + "/touches", json("{'channel':'phone','minutes':30,'at':'" + at("10:00")
                + "'}"));
        assertThat(day(api, "2026-11-23").get("minutesByCategory").get("client_interaction").asDouble())
                .isEqualTo(30.0);
        quick(api, "10:15-11:00 email");
        JsonNode day = day(api, "2026-11-23");
        assertThat(day.get("minutesByCategory").get("client_interaction").asDouble()).isEqualTo(15.0);
        assertThat(day.get("minutesByCategory").get("email").asDouble()).isEqualTo(45.0);
        assertThat(day.get("loggedMinutes").asDouble()).isEqualTo(60.0);
        // the report reads the rollup kept on write: the same numbers
        JsonNode report = api.get("/api/v1/reports/challenge?period=day&date=2026-11-23").json();
        assertThat(report.get("loggedMinutes").asDouble()).isEqualTo(60.0);
        assertThat(report.get("customerFacingShare").asDouble()).isEqualTo(25.0);
        assertThat(report.get("contributesShare").asDouble()).isEqualTo(25.0);
        // automated touches and touches without minutes count for nothing
        api.post("/api/v1/clients/" + ada + "/touches", json("{'channel':'email','minutes':20,'automated':true,'at':'"
                + at("12:00") + "'}"));
        assertThat(day(api, "2026-11-23").get("loggedMinutes").asDouble()).isEqualTo(60.0);
    }

    @Test
    void updatesAndDeletesKeepTheReportRight() {
        Api api = newTeam(Role.MEMBER).api();
        long id = quick(api, "09:00-10:00 email").json().get("id").asLong();
        Response moved = api.put("/api/v1/journal/entries/" + id, json("{'start':'" + at("11:00") + "','end':'"
                + at("11:30") + "','category':'web'}"));
        assertThat(moved.status()).isEqualTo(200);
        JsonNode report = api.get("/api/v1/reports/challenge?period=day&date=2026-11-23").json();
        assertThat(report.get("loggedMinutes").asDouble()).isEqualTo(30.0);
        assertThat(api.delete("/api/v1/journal/entries/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/reports/challenge?period=day&date=2026-11-23").json().get("loggedMinutes")
                .asDouble()).isZero();
        assertThat(api.get("/api/v1/journal/entries/" + id).status()).isEqualTo(404);
    }

    @Test
    void aNewTimeZoneMovesTimedEntriesToItsDaysAndLaterChangesStayRight() {
        Api api = newTeam(Role.MEMBER).api();
        long id = quick(api, "09:00-10:00 email").json().get("id").asLong(); // 08:00-09:00 UTC on the 23rd
        assertThat(minutes(api, "2026-11-23")).isEqualTo(60.0);
        assertThat(api.put("/api/v1/me/profile", json("{'name':'Pat','timeZone':'Pacific/Pago_Pago'}")).status())
                .isEqualTo(200);
        assertThat(minutes(api, "2026-11-22")).as("21:00-22:00 on the 22nd in Pago Pago").isEqualTo(60.0);
        assertThat(minutes(api, "2026-11-23")).isZero();
        assertThat(api.delete("/api/v1/journal/entries/" + id).status()).isEqualTo(204);
        assertThat(minutes(api, "2026-11-22")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_day jd JOIN app_user u ON u.id = jd.user_id"
                + " WHERE u.display_name = 'Pat'").query(Long.class).single()).as("no stale day totals").isZero();
    }

    private static double minutes(Api api, String date) {
        return api.get("/api/v1/reports/challenge?period=day&date=" + date).json().get("loggedMinutes").asDouble();
    }

    @Test
    void daylightSavingDaysAre23And25Hours() {
        Api api = newTeam(Role.MEMBER).api();
        JsonNode spring = api.get("/api/v1/reports/challenge?from=2026-03-29&to=2026-03-29").json();
        assertThat(spring.get("days").get(0).get("hours").asDouble()).isEqualTo(23.0);
        assertThat(spring.get("untrackedMinutes").asDouble()).isEqualTo(23 * 60.0);
        assertThat(day(api, "2026-10-25").get("dayHours").asDouble()).isEqualTo(25.0);
    }

    @Test
    void weeklyReportHasBenchmarksTrendObservationsAndAChart() {
        Api api = newTeam(Role.MEMBER).api();
        api.post("/api/v1/journal/entries/bulk", json("{'entries':["
                + "{'day':'2026-11-23','minutes':300,'category':'email'},"
                + "{'day':'2026-11-23','minutes':60,'category':'client_interaction'},"
                + "{'day':'2026-11-17','minutes':120,'category':'errands'}]}"));
        JsonNode week = api.get("/api/v1/reports/challenge?period=week&date=2026-11-23").json();
        assertThat(week.get("from").asString()).isEqualTo("2026-11-23");
        assertThat(week.get("to").asString()).isEqualTo("2026-11-29");
        JsonNode email = week.get("categories").get(3);
        assertThat(email.get("category").asString()).isEqualTo("email");
        assertThat(email.get("share").asDouble()).isEqualTo(83.3);
        assertThat(email.get("benchmark").asDouble()).isEqualTo(24.0);
        assertThat(email.get("pointsVsBenchmark").asDouble()).isEqualTo(59.3);
        assertThat(week.get("classes").get("external_connection").get("share").asDouble()).isEqualTo(16.7);
        assertThat(week.get("observations").get(0).asString())
                .isEqualTo("Email took 83% of your logged time, 59 points above the benchmark (24%).");
        // only Monday the 23rd is over (today): later days count no untracked time yet
        assertThat(week.get("untrackedWorkingMinutes").asDouble()).isEqualTo(480 - 360.0);

        JsonNode twoWeeks = api.get("/api/v1/reports/challenge?from=2026-11-16&to=2026-11-29").json();
        assertThat(twoWeeks.get("weeks").size()).isEqualTo(2);
        assertThat(twoWeeks.get("weeks").get(1).get("customerFacingShare").asDouble()).isEqualTo(16.7);

        Response svg = api.get("/api/v1/reports/challenge.svg?period=week&date=2026-11-23");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg").contains("Benchmark").endsWith("</svg>");
        assertThat(fields(api.get("/api/v1/reports/challenge?from=2026-11-20&to=2026-11-10"))).containsExactly("to");
        assertThat(fields(api.get("/api/v1/reports/challenge?period=year"))).containsExactly("period");
    }

    @Test
    void managersSeeCustomerFacingTimePerMemberAndMembersDoNot() {
        var owner = newTeam(Role.OWNER);
        var member = newMember(owner.user().teamId(), Role.MEMBER);
        quick(member.api(), "2h client");
        quick(member.api(), "2h email");
        quick(owner.api(), "1h admin");
        assertThat(member.api().get("/api/v1/reports/challenge/team").status()).isEqualTo(403);
        JsonNode team = owner.api().get("/api/v1/reports/challenge/team?period=day").json();
        assertThat(team.get("members").size()).isEqualTo(2);
        assertThat(team.get("customerFacingShare").asDouble()).isEqualTo(40.0);
        JsonNode other = newTeam(Role.OWNER).api().get("/api/v1/reports/challenge/team?period=day").json();
        assertThat(other.get("loggedMinutes").asDouble()).isZero();
    }

    @Test
    void timersBecomeEntries() {
        Api api = newTeam(Role.MEMBER).api();
        assertThat(api.get("/api/v1/journal/timer").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/journal/timer/start", json("{'category':'admin'}")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/journal/timer/start", json("{'category':'email'}")).status()).isEqualTo(409);
        clock.advance(Duration.ofMinutes(25));
        Response stopped = api.post("/api/v1/journal/timer/stop", null);
        assertThat(stopped.status()).isEqualTo(201);
        assertThat(stopped.json().get("minutes").asInt()).isEqualTo(25);
        assertThat(stopped.json().get("category").asString()).isEqualTo("internal_admin");
        assertThat(api.post("/api/v1/journal/timer/stop", null).status()).isEqualTo(409);
        assertThat(fields(api.post("/api/v1/journal/timer/start", json("{'category':'napping'}"))))
                .containsExactly("category");
    }

    @Test
    void aChallengeRemindsOfGapsAndEndsWithObservations() {
        Api api = newTeam(Role.MEMBER).api();
        clock.set(Instant.parse("2026-11-23T14:00:00Z")); // 15:00 in Amsterdam
        Response started = api.post("/api/v1/journal/challenge", json("{'kind':'day'}"));
        assertThat(started.status()).isEqualTo(201);
        quick(api, "09:00-12:00 email");
        JsonNode status = api.get("/api/v1/journal/challenge").json();
        assertThat(status.get("active").asBoolean()).isTrue();
        assertThat(status.get("gapsToday").get(0).get("local").asString()).isEqualTo("08:00–09:00");
        assertThat(status.get("gapsToday").get(1).get("local").asString()).isEqualTo("12:00–15:00");
        assertThat(api.get("/api/v1/queue").json().get("reminders").get(0).asString())
                .startsWith("24-hour challenge: 2 unlogged gaps today (08:00–09:00, 12:00–15:00)");
        clock.advance(Duration.ofDays(1));
        JsonNode ended = api.get("/api/v1/journal/challenge").json();
        assertThat(ended.get("active").asBoolean()).isFalse();
        assertThat(ended.get("report").get("observations").get(0).asString()).startsWith("Email took 100%");
        assertThat(api.get("/api/v1/queue").json().get("reminders").isEmpty()).isTrue();
        assertThat(fields(api.post("/api/v1/journal/challenge", json("{'kind':'month'}")))).containsExactly("kind");
        JsonNode week = api.post("/api/v1/journal/challenge", json("{'kind':'week','start':'2026-11-28'}")).json();
        assertThat(week.get("firstDay").asString()).isEqualTo("2026-11-30");
        assertThat(week.get("lastDay").asString()).isEqualTo("2026-12-04");
    }

    @Test
    void entriesOfOthersAre404() {
        var mine = newTeam(Role.MEMBER);
        var colleague = newMember(mine.user().teamId(), Role.MEMBER);
        var stranger = newTeam(Role.OWNER);
        long id = quick(mine.api(), "30m email").json().get("id").asLong();
        for (Api other : List.of(colleague.api(), stranger.api())) {
            assertThat(other.get("/api/v1/journal/entries/" + id).status()).isEqualTo(404);
            assertThat(other.put("/api/v1/journal/entries/" + id, json("{'day':'2026-11-23','minutes':5,"
                    + "'category':'email'}")).status()).isEqualTo(404);
            assertThat(other.delete("/api/v1/journal/entries/" + id).status()).isEqualTo(404);
            assertThat(other.get("/api/v1/journal/entries?from=2026-11-23&to=2026-11-23").json().isEmpty()).isTrue();
        }
        assertThat(mine.api().get("/api/v1/journal/entries/" + id).status()).isEqualTo(200);
    }
}
