package dev.rapport.api;

import static dev.rapport.support.Api.fields;
import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.rapport.promises.BreakOverduePromisesJob;
import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.Role;
import tools.jackson.databind.JsonNode;

/** Promises through the API, the overdue job and the queue; runs once per database. */
abstract class PromiseContract extends AppTestBase {
    @Autowired
    BreakOverduePromisesJob job;
    @Autowired
    JdbcClient jdbc;

    static long client(Api api, String name) {
        return api.post("/api/v1/clients", json("{'name':'" + name + "','tier':'C'}")).json().get("id").asLong();
    }

    static Response promise(Api api, long client, String text, String due) {
        return api.post("/api/v1/clients/" + client + "/promises", json("{'text':'" + text + "','dueOn':'" + due
                + "'}"));
    }


    static List<String> promiseReasons(Api api, long client) {
        List<String> texts = new ArrayList<>();
        for (JsonNode e : api.get("/api/v1/queue").json().get("entries")) {
            if (e.get("clientId").asLong() == client) {
                e.get("reasons").forEach(r -> {
                    if (r.get("code").asString().equals("promise_due")) {
                        texts.add(r.get("text").asString());
                    }
                });
            }
        }
        return texts;
    }

    /**
     * The queue holds the clients a user owns: a colleague's promise to a shared client reminds its
     * owner (it reached nobody's queue before), who sees it on the client's page and leaves keeping it
     * to its maker.
     */
    @Test
    void aColleaguesPromiseToASharedClientIsInTheOwnersQueue() {
        Session owner = newTeam(Role.MEMBER);
        Session colleague = newMember(owner.user().teamId(), Role.MEMBER);
        long shared = owner.api().post("/api/v1/clients", json("{'name':'Sol Shared','tier':'C','shared':true}"))
                .json().get("id").asLong();
        owner.api().post("/api/v1/clients/" + shared + "/touches", json("{'channel':'phone'}"));
        assertThat(promiseReasons(owner.api(), shared)).isEmpty();
        long id = promise(colleague.api(), shared, "send the survey", "2026-11-24").json().get("id").asLong();

        assertThat(promiseReasons(owner.api(), shared)).containsExactly(colleague.user().displayName()
                + " promised “send the survey” by 2026-11-24 — due tomorrow");
        JsonNode onClient = owner.api().get("/api/v1/clients/" + shared + "/promises").json();
        assertThat(onClient.size()).isEqualTo(1);
        assertThat(onClient.get(0).get("userId").asLong()).isEqualTo(colleague.userId().value());
        assertThat(newTeam(Role.OWNER).api().get("/api/v1/clients/" + shared + "/promises").status()).isEqualTo(404);
        dev.rapport.support.WebClient browser = new dev.rapport.support.WebClient(baseUrl());
        browser.signIn(owner.email(), "correct horse battery");
        assertThat(browser.get("/clients/" + shared).body()).contains("send the survey",
                "by " + colleague.user().displayName() + ", who keeps it").doesNotContain("/promises/" + id + "/keep");
        assertThat(owner.api().post("/api/v1/promises/" + id + "/keep", null).status()).isEqualTo(404);

        // the owner's kept queue names the maker as they are now called
        assertThat(colleague.api().put("/api/v1/me/profile", json("{'name':'Ann Renamed'}")).status()).isEqualTo(200);
        assertThat(promiseReasons(owner.api(), shared)).containsExactly(
                "Ann Renamed promised “send the survey” by 2026-11-24 — due tomorrow");

        // the owner's kept queue lets it go when its maker keeps it
        assertThat(colleague.api().post("/api/v1/promises/" + id + "/keep", null).status()).isEqualTo(200);
        assertThat(promiseReasons(owner.api(), shared)).isEmpty();
        // and one of the owner's own, to the same client, reads as theirs
        promise(owner.api(), shared, "call back", "2026-11-23");
        assertThat(promiseReasons(owner.api(), shared)).containsExactly("you promised “call back” by 2026-11-23 — due today");
        assertThat(newTeam(Role.OWNER).api().get("/api/v1/queue").json().get("entries").size()).isZero();
    }

    @Test
    void promisesAreMadeKeptRenegotiatedAndBrokenWithGuardedTransitions() {
        Api api = newTeam(Role.MEMBER).api();
        long ada = client(api, "Ada");
        Response made = promise(api, ada, "send the revised quote", "2026-11-27");
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.json().get("status").asString()).isEqualTo("open");
        assertThat(made.json().get("madeOn").asString()).isEqualTo("2026-11-23");
        long id = made.json().get("id").asLong();

        Response moved = api.post("/api/v1/promises/" + id + "/renegotiate",
                json("{'dueOn':'2026-12-04','reason':'bank is slow'}"));
        assertThat(moved.json().get("status").asString()).isEqualTo("renegotiated");
        assertThat(moved.json().get("originalDueOn").asString()).isEqualTo("2026-11-27");
        assertThat(api.get("/api/v1/promises?status=pending").json().get("items").size()).isEqualTo(1);

        assertThat(api.post("/api/v1/promises/" + id + "/keep", null).json().get("status").asString())
                .isEqualTo("kept");
        Response again = api.post("/api/v1/promises/" + id + "/break", json("{'reason':'oops'}"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("is kept");
        assertThat(api.get("/api/v1/promises?status=pending").json().get("items").isEmpty()).isTrue();
    }

    @Test
    void badPromisesAre422AndOthersPromisesAre404() {
        var me = newTeam(Role.MEMBER);
        long ada = client(me.api(), "Ada");
        assertThat(fields(promise(me.api(), ada, " ", "2026-11-30"))).containsExactly("text");
        assertThat(fields(me.api().post("/api/v1/clients/" + ada + "/promises",
                json("{'text':'x','dueOn':'2026-11-20','madeOn':'2026-11-22'}")))).containsExactly("dueOn");
        assertThat(fields(me.api().post("/api/v1/clients/" + ada + "/promises", json("{'text':'x'}"))))
                .containsExactly("dueOn");
        long id = promise(me.api(), ada, "call back", "2026-11-30").json().get("id").asLong();
        assertThat(fields(me.api().post("/api/v1/promises/" + id + "/renegotiate", json("{'dueOn':'2026-11-29'}"))))
                .containsExactly("dueOn");
        Api stranger = newTeam(Role.MEMBER).api();
        assertThat(stranger.get("/api/v1/promises/" + id).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/promises/" + id + "/keep", null).status()).isEqualTo(404);
        assertThat(promise(stranger, ada, "hijack", "2026-11-30").status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/promises?clientId=" + ada).status()).isEqualTo(404);
    }

    @Test
    void promisesDueWithinTwoDaysAreInTheQueue() {
        Api api = newTeam(Role.MEMBER).api();
        long ada = client(api, "Ada");
        api.post("/api/v1/clients/" + ada + "/touches", json("{'channel':'phone'}"));
        promise(api, ada, "send the revised quote", "2026-11-26");
        assertThat(api.get("/api/v1/queue").json().get("count").asInt()).isZero();
        clock.advance(Duration.ofDays(1));
        JsonNode entry = api.get("/api/v1/queue").json().get("entries").get(0);
        assertThat(entry.get("reasons").get(0).get("code").asString()).isEqualTo("promise_due");
        assertThat(entry.get("reasons").get(0).get("text").asString())
                .isEqualTo("you promised “send the revised quote” by 2026-11-26 — due in 2 days");
    }

    @Test
    void theJobBreaksOverduePromisesOnceEvenWhenTwoRunAtOnce() throws Exception {
        var s = newTeam(Role.MEMBER);
        long ada = client(s.api(), "Ada");
        long late = promise(s.api(), ada, "send the deed", "2026-11-24").json().get("id").asLong();
        long fine = promise(s.api(), ada, "call on friday", "2026-11-27").json().get("id").asLong();
        clock.advance(Duration.ofDays(1));
        job.run();
        assertThat(s.api().get("/api/v1/promises/" + late).json().get("status").asString()).isEqualTo("open");
        clock.advance(Duration.ofDays(1));
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> twice = List.of(job::run, job::run);
            pool.invokeAll(twice);
        } finally {
            pool.shutdown();
        }
        assertThat(s.api().get("/api/v1/promises/" + late).json().get("status").asString()).isEqualTo("broken");
        assertThat(s.api().get("/api/v1/promises/" + fine).json().get("status").asString()).isEqualTo("open");
        assertThat(job.run()).isZero();

        // another instance holding the lock: this one skips
        jdbc.sql("UPDATE job_lock SET locked_until = ? WHERE name = 'break-overdue-promises'")
                .param(clock.instant().plus(Duration.ofMinutes(5)).atOffset(java.time.ZoneOffset.UTC)).update();
        assertThat(job.run()).isEqualTo(-1);
        jdbc.sql("UPDATE job_lock SET locked_until = ? WHERE name = 'break-overdue-promises'")
                .param(clock.instant().atOffset(java.time.ZoneOffset.UTC)).update();

        JsonNode rate = s.api().get("/api/v1/promises/kept-rate?from=2026-11-01&to=2026-11-30").json();
        assertThat(rate.get("broken").asLong()).isEqualTo(1);
        assertThat(rate.get("keptPercent").asDouble()).isZero();
        s.api().post("/api/v1/promises/" + fine + "/keep", null);
        assertThat(s.api().get("/api/v1/promises/kept-rate?from=2026-11-01&to=2026-11-30").json().get("keptPercent")
                .asDouble()).isEqualTo(50.0);
    }

    /** Reads every page of a listing, limit at a time, and returns the ids in the order the pages gave them. */
    static List<Long> allPages(Api api, String path, int limit) {
        return pagesFrom(api, path, limit, null);
    }

    /** Like {@link #allPages}, from a cursor on. */
    static List<Long> pagesFrom(Api api, String path, int limit, String from) {
        List<Long> ids = new ArrayList<>();
        String cursor = from;
        int pages = 0;
        do {
            JsonNode page = api.get(path + (path.contains("?") ? "&" : "?") + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
            page.get("items").forEach(p -> ids.add(p.get("id").asLong()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
            assertThat(++pages).as("pages end").isLessThan(100);
        } while (cursor != null);
        return ids;
    }

    /** PRODUCT.md: the API's lists are cursor-paginated; the pages together are the whole list, in its order. */
    @Test
    void promisesComeInPagesSoonestDueFirst() {
        Api api = newTeam(Role.OWNER).api();
        long ada = client(api, "Ada");
        List<Long> ids = new ArrayList<>();
        for (String due : List.of("2026-12-10", "2026-12-12", "2026-12-10", "2026-12-09", "2026-12-10")) {
            ids.add(promise(api, ada, "promise due " + due, due).json().get("id").asLong());
        }
        // due date first; promises due the same day in the order they were made
        List<Long> expected = List.of(ids.get(3), ids.get(0), ids.get(2), ids.get(4), ids.get(1));
        assertThat(allPages(api, "/api/v1/promises", 2)).containsExactlyElementsOf(expected);
        assertThat(allPages(api, "/api/v1/promises?status=pending", 1)).containsExactlyElementsOf(expected);
        JsonNode whole = api.get("/api/v1/promises?limit=5").json();
        assertThat(whole.get("items").size()).isEqualTo(5);
        assertThat(whole.hasNonNull("nextCursor")).as("a page that ends the list says so").isFalse();
        assertThat(api.get("/api/v1/promises").json().get("items").size()).as("default page").isEqualTo(5);

        JsonNode first = api.get("/api/v1/promises?limit=2").json();
        String cursor = first.get("nextCursor").asString();
        api.post("/api/v1/promises/" + ids.get(3) + "/keep", null);
        assertThat(pagesFrom(api, "/api/v1/promises?status=pending", 2, cursor))
                .as("a cursor is a position, not a snapshot").containsExactly(ids.get(2), ids.get(4), ids.get(1));

        for (String bad : List.of("limit=0", "limit=201", "cursor=nope", "cursor=" + dev.rapport.shared.Cursor
                .after("not a date", 1), "cursor=" + dev.rapport.shared.Cursor.after("+300000-01-01", 1))) {
            Response r = api.get("/api/v1/promises?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(422);
            assertThat(fields(r)).as(bad).containsExactly(bad.substring(0, bad.indexOf('=')));
        }
        assertThat(fields(api.get("/api/v1/deals?cursor=" + cursor))).as("a promise's cursor on deals")
                .containsExactly("cursor");
        assertThat(fields(api.get("/api/v1/deals?cursor=" + dev.rapport.shared.Cursor.after(
                "+300000-01-01T00:00:00Z", 1)))).as("a year no database holds").containsExactly("cursor");
        assertThat(fields(api.get("/api/v1/clients/" + ada + "/timeline?cursor=" + dev.rapport.shared.Cursor.after(
                "-5000-01-01T00:00:00Z", 1)))).containsExactly("cursor");
    }
}
