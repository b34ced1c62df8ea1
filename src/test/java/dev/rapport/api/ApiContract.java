package dev.rapport.api;

import static dev.rapport.support.Api.fields;
import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

/** The REST API's contract; runs once per database (see the concrete subclasses). */
abstract class ApiContract extends AppTestBase {
    @Autowired
    JdbcClient jdbc;

    static String client(String name, String tier) {
        return json("{'name':'" + name + "','tier':'" + tier + "','emails':['" + name.toLowerCase().replace(' ', '.')
                + "@example.com'],'tags':['seller']}");
    }

    static long id(Response r) {
        return r.json().get("id").asLong();
    }


    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void openApiDocumentIsPublicAndDescribesTheApi() {
        Response r = new Api(baseUrl(), null).get("/api/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("paths").has("/api/v1/clients")).isTrue();
        assertThat(r.json().get("paths").has("/api/v1/queue")).isTrue();
        assertThat(r.json().get("paths").has("/api/v1/clients/{id}/timeline")).isTrue();
        assertThat(r.body()).doesNotContain("CurrentUser");
        assertThat(r.json().get("components").get("securitySchemes").has("bearer")).isTrue();
        JsonNode create = r.json().get("paths").get("/api/v1/clients").get("post");
        assertThat(create.get("responses").has("422")).isTrue();
        assertThat(r.json().get("components").get("schemas").has("TierCadenceDto")).isTrue();
        assertThat(r.json().get("components").get("schemas").has("CadenceOverrideDto")).isTrue();
    }

    @Test
    void requestsWithoutAValidTokenGet401Problems() {
        Response none = new Api(baseUrl(), null).get("/api/v1/clients");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        assertThat(new Api(baseUrl(), "rp_forged").get("/api/v1/queue").status()).isEqualTo(401);
    }

    @Test
    void signInIssuesATokenStoredOnlyAsItsHash() {
        var s = newTeam(Role.MEMBER);
        Api anonymous = new Api(baseUrl(), null);
        Response wrong = anonymous.post("/api/v1/auth/tokens",
                json("{'email':'" + s.email() + "','password':'wrong password'}"));
        Response unknown = anonymous.post("/api/v1/auth/tokens",
                json("{'email':'nobody@example.com','password':'wrong password'}"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));

        Response ok = anonymous.post("/api/v1/auth/tokens",
                json("{'email':'" + s.email().toUpperCase() + "','password':'correct horse battery','tokenName':'cli'}"));
        assertThat(ok.status()).isEqualTo(201);
        String token = ok.json().get("token").asString();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = ?").param(token).query(Long.class)
                .single()).isZero();
        Api api = new Api(baseUrl(), token);
        assertThat(api.get("/api/v1/me").json().get("email").asString()).isEqualTo(s.email());

        long tokenId = ok.json().get("id").asLong();
        assertThat(api.delete("/api/v1/tokens/" + tokenId).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void createReadUpdateArchiveAClient() {
        Api api = newTeam(Role.MEMBER).api();
        Response created = api.post("/api/v1/clients", json("""
                {'name':'Ada Lovelace','organisation':'Analytical Engines','emails':['ada@example.com'],
                 'phones':['+44 20 1234 5678'],'addresses':['12 St James Sq, London'],'tags':['VIP','math'],
                 'tier':'A','status':'active','kind':'internal','signedOn':'2026-01-15','depthCurrent':1,
                 'depthTarget':3,'cadence':{'idealDays':5},'notes':'<script>alert(1)</script>',
                 'competitors':[{'name':'Babbage Ltd','notes':'cheaper'}]}
                """));
        assertThat(created.status()).isEqualTo(201);
        long id = id(created);
        assertThat(created.header("Location")).endsWith("/api/v1/clients/" + id);
        JsonNode c = api.get("/api/v1/clients/" + id).json();
        assertThat(c.get("kind").asString()).isEqualTo("internal");
        assertThat(c.get("tags").toString()).isEqualTo("[\"math\",\"vip\"]");
        assertThat(c.get("signedOn").asString()).isEqualTo("2026-01-15");
        assertThat(c.get("cadence").get("idealDays").asInt()).isEqualTo(5);
        assertThat(c.get("cadence").get("maxDays").isNull()).isTrue();
        assertThat(c.get("notes").asString()).isEqualTo("<script>alert(1)</script>");
        assertThat(c.get("competitors").get(0).get("name").asString()).isEqualTo("Babbage Ltd");

        Response updated = api.put("/api/v1/clients/" + id, json("{'name':'Ada King','tier':'B','status':'past'}"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("emails").isEmpty()).isTrue();
        assertThat(updated.json().get("status").asString()).isEqualTo("past");

        assertThat(api.post("/api/v1/clients/" + id + "/archive", null).json().get("archived").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/clients").json().get("items").isEmpty()).isTrue();
        assertThat(api.get("/api/v1/clients?includeArchived=true").json().get("items").size()).isEqualTo(1);
        assertThat(api.post("/api/v1/clients/" + id + "/unarchive", null).json().get("archived").asBoolean())
                .isFalse();
    }

    @Test
    void searchesByNameEmailAndTag() {
        Api api = newTeam(Role.MEMBER).api();
        api.post("/api/v1/clients", client("Ada Lovelace", "A"));
        api.post("/api/v1/clients", json("{'name':'Charles Babbage','emails':['cb@engine.org'],'tags':['investor']}"));
        assertThat(api.get("/api/v1/clients?q=love").json().get("items").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/clients?q=ENGINE.org").json().get("items").get(0).get("name").asString())
                .isEqualTo("Charles Babbage");
        assertThat(api.get("/api/v1/clients?tag=investor").json().get("items").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/clients?tier=A").json().get("items").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/clients?q=%25").json().get("items").isEmpty()).isTrue();
    }

    @Test
    void invalidClientsAre422NamingEveryFieldAndWriteNothing() {
        Api api = newTeam(Role.MEMBER).api();
        long before = count("client");
        Response r = api.post("/api/v1/clients", json("""
                {'name':' ','emails':['not-an-email'],'tier':'Z','depthCurrent':4,'depthTarget':0,
                 'cadence':{'idealDays':30,'maxDays':7}}
                """));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(r)).contains("name", "emails[0]", "tier", "depthCurrent", "depthTarget", "cadence.maxDays");
        assertThat(api.post("/api/v1/clients", json("{'name':'X','status':'sleeping'}")).status()).isEqualTo(422);
        assertThat(fields(api.post("/api/v1/clients", json("{'name':'X','kind':'alien'}")))).containsExactly("kind");
        assertThat(count("client")).isEqualTo(before);
    }

    @Test
    void yourOwnTimeZoneMovesTodayAndBadZonesChangeNothing() {
        Api api = newTeam(Role.VIEWER).api(); // one's own profile: viewers too
        Response profile = api.get("/api/v1/me/profile");
        assertThat(profile.json().get("timeZone").isNull()).isTrue();
        assertThat(profile.json().get("effectiveTimeZone").asString()).isEqualTo("Europe/Amsterdam");
        assertThat(api.get("/api/v1/me").json().get("today").asString()).isEqualTo("2026-11-23");

        Response moved = api.put("/api/v1/me/profile", json("{'name':'Dana West','timeZone':'Pacific/Pago_Pago'}"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("effectiveTimeZone").asString()).isEqualTo("Pacific/Pago_Pago");
        Response me = api.get("/api/v1/me");
        assertThat(me.json().get("timeZone").asString()).isEqualTo("Pacific/Pago_Pago");
        assertThat(me.json().get("today").asString()).isEqualTo("2026-11-22"); // 09:00 UTC is 22:00 the day before
        assertThat(me.json().get("name").asString()).isEqualTo("Dana West");

        Response bad = api.put("/api/v1/me/profile", json("{'name':' ','timeZone':'Mars/Olympus_Mons'}"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(fields(bad)).containsExactlyInAnyOrder("name", "timeZone");
        assertThat(api.get("/api/v1/me/profile").json().get("timeZone").asString()).isEqualTo("Pacific/Pago_Pago");

        Response team = api.put("/api/v1/me/profile", json("{'name':'Dana West','timeZone':null}"));
        assertThat(team.json().get("timeZone").isNull()).isTrue();
        assertThat(api.get("/api/v1/me").json().get("today").asString()).isEqualTo("2026-11-23");
    }

    @Test
    void malformedJsonIs400WithItsPositionAndWrongTypesAre422() {
        Api api = newTeam(Role.MEMBER).api();
        Response broken = api.post("/api/v1/clients", "{\"name\": \"Ada\",\n  \"tier\": }");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("line").asInt()).isEqualTo(2);
        assertThat(broken.json().get("detail").asString()).contains("line 2");

        long id = id(api.post("/api/v1/clients", client("Ada", "A")));
        Response wrongType = api.post("/api/v1/clients/" + id + "/touches",
                json("{'channel':'phone','rating':'five'}"));
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(fields(wrongType)).containsExactly("rating");
        Response unknownField = api.post("/api/v1/clients/" + id + "/touches",
                json("{'channel':'phone','updateRequets':true}"));
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(fields(unknownField)).containsExactly("updateRequets");
        Response tooBig = api.post("/api/v1/clients/" + id + "/touches",
                json("{'channel':'phone','minutes':99999999999999999999999}"));
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(fields(tooBig)).containsExactly("minutes");
        assertThat(tooBig.json().get("detail").asString()).contains("out of range");
        assertThat(api.get("/api/v1/clients/abc").status()).isEqualTo(400);
    }

    @Test
    void invalidTouchesAre422NamingTheFieldAndWriteNothing() {
        Api api = newTeam(Role.MEMBER).api();
        long id = id(api.post("/api/v1/clients", client("Ada", "A")));
        String path = "/api/v1/clients/" + id + "/touches";
        assertThat(fields(api.post(path, json("{'channel':'phone','minutes':-5}")))).containsExactly("minutes");
        assertThat(fields(api.post(path, json("{'channel':'phone','rating':6}")))).containsExactly("rating");
        assertThat(fields(api.post(path, json("{'channel':'pigeon'}")))).containsExactly("channel");
        assertThat(fields(api.post(path, json("{}")))).containsExactly("channel");
        String future = clock.instant().plus(Duration.ofHours(25)).toString();
        assertThat(fields(api.post(path, json("{'channel':'phone','at':'" + future + "'}")))).containsExactly("at");
        assertThat(fields(api.post(path, json("{'channel':'email','direction':'outbound','updateRequest':true}"))))
                .containsExactly("updateRequest");
        String soon = clock.instant().plus(Duration.ofHours(23)).toString();
        assertThat(api.post(path, json("{'channel':'phone','at':'" + soon + "'}")).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/clients/" + id + "/timeline").json().get("items").size()).isEqualTo(1);
    }

    @Test
    void unknownAndOtherTeamsClientsAre404Everywhere() {
        Api mine = newTeam(Role.MEMBER).api();
        Api theirs = newTeam(Role.OWNER).api();
        long theirId = id(theirs.post("/api/v1/clients", client("Secret Client", "A")));
        for (long id : new long[] {theirId, 987654321L}) {
            assertThat(mine.get("/api/v1/clients/" + id).status()).isEqualTo(404);
            assertThat(mine.put("/api/v1/clients/" + id, client("Hijack", "A")).status()).isEqualTo(404);
            assertThat(mine.post("/api/v1/clients/" + id + "/archive", null).status()).isEqualTo(404);
            assertThat(mine.post("/api/v1/clients/" + id + "/touches", json("{'channel':'phone'}")).status())
                    .isEqualTo(404);
            assertThat(mine.get("/api/v1/clients/" + id + "/timeline").status()).isEqualTo(404);
            assertThat(mine.post("/api/v1/queue/" + id + "/snooze",
                    json("{'until':'2027-01-01','reason':'x'}")).status()).isEqualTo(404);
            assertThat(mine.delete("/api/v1/queue/" + id + "/snooze").status()).isEqualTo(404);
        }
        Response problem = mine.get("/api/v1/clients/" + theirId);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(problem.body()).doesNotContain("Secret Client");
        assertThat(mine.get("/api/v1/clients?q=Secret").json().get("items").isEmpty()).isTrue();
        assertThat(theirs.get("/api/v1/clients/" + theirId).json().get("name").asString()).isEqualTo("Secret Client");
    }

    @Test
    void timelineIsNewestFirstAndCursorPaginated() {
        Api api = newTeam(Role.MEMBER).api();
        long id = id(api.post("/api/v1/clients", client("Ada", "A")));
        for (int i = 0; i < 5; i++) {
            String at = clock.instant().minus(Duration.ofDays(i)).toString();
            api.post("/api/v1/clients/" + id + "/touches", json("{'channel':'email','note':'n" + i + "','at':'" + at
                    + "'}"));
        }
        Response first = api.get("/api/v1/clients/" + id + "/timeline?limit=2");
        assertThat(first.json().get("items").get(0).get("note").asString()).isEqualTo("n0");
        List<String> notes = new ArrayList<>();
        String cursor = null;
        do {
            Response page = api.get("/api/v1/clients/" + id + "/timeline?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.json().get("items").forEach(t -> notes.add(t.get("note").asString()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        assertThat(notes).containsExactly("n0", "n1", "n2", "n3", "n4");
        assertThat(api.get("/api/v1/clients/" + id + "/timeline?cursor=bogus").status()).isEqualTo(422);
        assertThat(api.get("/api/v1/clients/" + id + "/timeline?limit=0").status()).isEqualTo(422);
    }

    @Test
    void queueShowsWhoIsDueOrOverdueAndWhy() {
        Api api = newTeam(Role.MEMBER).api();
        long ada = id(api.post("/api/v1/clients", client("Ada", "A")));
        long bob = id(api.post("/api/v1/clients", client("Bob", "C")));
        // never touched: due on the creation date
        assertThat(queueIds(api)).containsExactlyInAnyOrder(ada, bob);
        api.post("/api/v1/clients/" + ada + "/touches", json("{'channel':'phone','minutes':15}"));
        api.post("/api/v1/clients/" + bob + "/touches", json("{'channel':'email'}"));
        assertThat(queueIds(api)).isEmpty();

        clock.advance(Duration.ofDays(15));
        JsonNode queue = api.get("/api/v1/queue").json();
        assertThat(queue.get("count").asInt()).isEqualTo(1);
        JsonNode entry = queue.get("entries").get(0);
        assertThat(entry.get("clientId").asLong()).isEqualTo(ada);
        assertThat(entry.get("overdueDays").asInt()).isEqualTo(1);
        assertThat(entry.get("reasons").get(0).get("code").asString()).isEqualTo("overdue");
        assertThat(entry.get("reasons").get(0).get("text").asString())
                .isEqualTo("15 days since last touch, tier A allows at most 14 days — 1 day overdue");

        // the client had to ask: a late signal, and it restarts the cadence
        api.post("/api/v1/clients/" + bob + "/touches",
                json("{'channel':'phone','direction':'inbound','updateRequest':true}"));
        JsonNode bobEntry = entryFor(api, bob);
        assertThat(bobEntry.get("reasons").get(0).get("code").asString()).isEqualTo("late_signal");
        assertThat(bobEntry.get("reasons").get(0).get("text").asString())
                .isEqualTo("asked for an update on 2026-12-08 — you were late");
        clock.advance(Duration.ofMinutes(5));
        api.post("/api/v1/clients/" + bob + "/touches", json("{'channel':'phone','note':'called back'}"));
        assertThat(queueIds(api)).containsExactly(ada);

        // automated touches never count
        api.post("/api/v1/clients/" + ada + "/touches", json("{'channel':'email','automated':true}"));
        assertThat(queueIds(api)).containsExactly(ada);
        api.post("/api/v1/clients/" + ada + "/archive", null);
        assertThat(queueIds(api)).isEmpty();
    }

    @Test
    void queueAnswersNotModifiedToAClientWithTheCurrentEntityTag() {
        Api api = newTeam(Role.MEMBER).api();
        long ada = id(api.post("/api/v1/clients", client("Ada", "A")));
        var first = api.get("/api/v1/queue");
        String tag = first.header("ETag");
        assertThat(tag).startsWith("W/\"").endsWith("\"");
        assertThat(first.header("Cache-Control")).contains("private").contains("no-cache").doesNotContain("no-store");

        var again = api.get("/api/v1/queue", "If-None-Match", tag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(tag);
        assertThat(api.get("/api/v1/queue", "If-None-Match", "W/\"other\", " + tag).status()).isEqualTo(304);

        // anything that changes the answer changes the tag: another day, a touch, a snooze
        assertThat(api.get("/api/v1/queue?date=2026-12-20", "If-None-Match", tag).status()).isEqualTo(200);
        api.post("/api/v1/clients/" + ada + "/touches", json("{'channel':'phone'}"));
        var touched = api.get("/api/v1/queue", "If-None-Match", tag);
        assertThat(touched.status()).isEqualTo(200);
        assertThat(touched.json().get("count").asInt()).isZero();
        assertThat(touched.header("ETag")).isNotEqualTo(tag);
        assertThat(api.get("/api/v1/queue", "If-None-Match", touched.header("ETag")).status()).isEqualTo(304);

        // the tag is checked after authentication: it opens nothing
        assertThat(new Api(baseUrl(), null).get("/api/v1/queue", "If-None-Match", tag).status()).isEqualTo(401);
    }

    @Test
    void aTokensLastUseIsKeptToTheMinuteWithoutAWriteOnEveryRequest() {
        Api api = newTeam(Role.MEMBER).api();
        String first = lastUse(api);
        assertThat(first).as("this very request is a use").isNotEqualTo("null");
        clock.advance(Duration.ofSeconds(59));
        assertThat(lastUse(api)).isEqualTo(first);
        clock.advance(Duration.ofSeconds(2));
        String later = lastUse(api);
        assertThat(java.time.Instant.parse(later)).isAfter(java.time.Instant.parse(first).plusSeconds(60));
    }

    private static String lastUse(Api api) {
        return api.get("/api/v1/tokens").json().get(0).get("lastUsedAt").asString();
    }

    @Test
    void queueCanBeReadForAnotherDay() {
        Api api = newTeam(Role.MEMBER).api();
        long ada = id(api.post("/api/v1/clients", client("Ada", "A")));
        api.post("/api/v1/clients/" + ada + "/touches", json("{'channel':'phone'}"));
        assertThat(api.get("/api/v1/queue?date=2026-11-29").json().get("count").asInt()).isZero();
        assertThat(api.get("/api/v1/queue?date=2026-11-30").json().get("count").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/queue?date=someday").status()).isEqualTo(400);
    }

    @Test
    void snoozeHidesAnEntryUntilItsDateOrANewUpdateRequest() {
        Api api = newTeam(Role.MEMBER).api();
        long ada = id(api.post("/api/v1/clients", client("Ada", "A")));
        String path = "/api/v1/queue/" + ada + "/snooze";
        assertThat(fields(api.post(path, json("{'until':'2026-11-22','reason':'holiday'}")))).containsExactly("until");
        assertThat(fields(api.post(path, json("{'until':'2026-11-23','reason':'holiday'}")))).containsExactly("until");
        assertThat(fields(api.post(path, json("{'until':'2026-12-01','reason':''}")))).containsExactly("reason");
        assertThat(queueIds(api)).containsExactly(ada);

        assertThat(api.post(path, json("{'until':'2026-12-01','reason':'on holiday'}")).status()).isEqualTo(200);
        JsonNode queue = api.get("/api/v1/queue").json();
        assertThat(queue.get("count").asInt()).isZero();
        assertThat(queue.get("snoozed").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/queue?date=2026-12-01").json().get("count").asInt()).isEqualTo(1);

        clock.advance(Duration.ofHours(1));
        api.post("/api/v1/clients/" + ada + "/touches",
                json("{'channel':'email','direction':'inbound','updateRequest':true}"));
        assertThat(queueIds(api)).containsExactly(ada);

        assertThat(api.delete(path).status()).isEqualTo(204);
        assertThat(api.delete(path).status()).isEqualTo(404);
    }

    @Test
    void cadencesAndChannelWeightsAreConfigurable() {
        Api api = newTeam(Role.OWNER).api();
        JsonNode defaults = api.get("/api/v1/settings/cadences").json();
        assertThat(defaults.toString()).isEqualTo(json("""
                [{'tier':'A','rank':3,'idealDays':7,'maxDays':14,'richEveryDays':30},\
                {'tier':'B','rank':2,'idealDays':14,'maxDays':30,'richEveryDays':90},\
                {'tier':'C','rank':1,'idealDays':30,'maxDays':90,'richEveryDays':null}]"""));
        long ada = id(api.post("/api/v1/clients", client("Ada", "C")));
        api.post("/api/v1/clients/" + ada + "/touches", json("{'channel':'phone'}"));

        Response bad = api.put("/api/v1/settings/cadences", json("""
                [{'tier':'A','idealDays':10,'maxDays':5},{'tier':'A','idealDays':1,'maxDays':2}]"""));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(fields(bad)).contains("tiers[0].maxDays", "tiers[1].tier");
        assertThat(api.put("/api/v1/settings/cadences", json("[{'tier':'A','idealDays':7,'maxDays':14}]")).status())
                .isEqualTo(409);

        Response custom = api.put("/api/v1/settings/cadences", json("""
                [{'tier':'Gold','rank':5,'idealDays':3,'maxDays':6,'richEveryDays':14},
                 {'tier':'C','rank':1,'idealDays':2,'maxDays':4}]"""));
        assertThat(custom.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/clients", client("Zed", "Gold")).status()).isEqualTo(201);
        assertThat(fields(api.post("/api/v1/clients", client("Zed", "A")))).containsExactly("tier");
        clock.advance(Duration.ofDays(2));
        assertThat(queueIds(api)).contains(ada);

        JsonNode weights = api.get("/api/v1/settings/channel-weights").json();
        assertThat(weights.get("face_to_face").asInt()).isEqualTo(5);
        assertThat(weights.get("text").asInt()).isEqualTo(1);
        Response changed = api.put("/api/v1/settings/channel-weights", json("{'phone':1,'email':4}"));
        assertThat(changed.json().get("phone").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/clients/" + ada).json().get("lastRichTouchAt").isNull()).isTrue();
        assertThat(fields(api.put("/api/v1/settings/channel-weights", json("{'pigeon':2}")))).containsExactly("pigeon");
        assertThat(fields(api.put("/api/v1/settings/channel-weights", json("{'phone':11}"))))
                .containsExactly("weights.phone");
    }

    @Test
    void viewersCanReadButNotWrite() {
        var owner = newTeam(Role.OWNER);
        long ada = id(owner.api().post("/api/v1/clients", client("Ada", "A")));
        Api viewer = newMember(owner.user().teamId(), Role.VIEWER).api();
        assertThat(viewer.get("/api/v1/clients/" + ada).status()).isEqualTo(200);
        Response denied = viewer.post("/api/v1/clients/" + ada + "/touches", json("{'channel':'phone'}"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.header("Content-Type")).startsWith("application/problem+json");
        assertThat(viewer.post("/api/v1/clients", client("Bob", "A")).status()).isEqualTo(403);
        assertThat(viewer.put("/api/v1/settings/channel-weights", json("{'phone':1}")).status()).isEqualTo(403);
    }

    @Test
    void errorsNeverLeakStackTracesOrSql() {
        Api api = newTeam(Role.MEMBER).api();
        Response r = api.post("/api/v1/clients", json("{'name':'" + "x".repeat(300) + "'}"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).doesNotContain("Exception", "SELECT", "INSERT", "at dev.rapport");
    }

    List<Long> queueIds(Api api) {
        List<Long> ids = new ArrayList<>();
        api.get("/api/v1/queue").json().get("entries").forEach(e -> ids.add(e.get("clientId").asLong()));
        return ids;
    }

    JsonNode entryFor(Api api, long clientId) {
        for (JsonNode e : api.get("/api/v1/queue").json().get("entries")) {
            if (e.get("clientId").asLong() == clientId) {
                return e;
            }
        }
        throw new AssertionError("client " + clientId + " is not in the queue");
    }
}
