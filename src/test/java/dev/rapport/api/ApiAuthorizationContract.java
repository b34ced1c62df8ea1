package dev.rapport.api;

import static dev.rapport.support.Api.json;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.rapport.shared.TeamId;
import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.DatabaseSnapshot;
import dev.rapport.support.SqlLog;
import dev.rapport.support.TenantSql;
import dev.rapport.teams.Role;
import tools.jackson.databind.JsonNode;

/**
 * Authorization across the whole API, read from the OpenAPI document so that no endpoint slips
 * through: another team's ids answer 404 exactly like ids that do not exist (and never leak that
 * team's data), viewers and read-only tokens cannot write, and membership changes apply on the
 * next request. A new endpoint whose path parameter is not in {@link #IDS} fails this test until
 * someone says which id it takes (one line).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Import(SqlLog.Config.class)
abstract class ApiAuthorizationContract extends AppTestBase {
    private static final Pattern PARAM = Pattern.compile("([^/]+)/\\{(\\w+)}");
    private static final String MISSING_ID = "987654321";

    /**
     * Which of a team's ids a path parameter takes, keyed by the path segment before it and the
     * parameter: "clients/{id}". Add one line per new kind of id, making the resource through the
     * API the first time it is asked for, e.g.
     * {@code entry("exports/{id}", t -> t.fixture("export", () -> t.created(t.owner.api(), "/api/v1/exports", "{}"))),}
     */
    static final Map<String, Function<TeamData, String>> IDS = Map.ofEntries(
            entry("clients/{id}", TeamData::memberClient),
            entry("clients/{clientId}", TeamData::memberClient),
            entry("queue/{clientId}", TeamData::memberClient),
            entry("top/{clientId}", TeamData::memberClient),
            entry("deals/{id}", t -> t.fixture("deal")),
            entry("entries/{id}", t -> t.fixture("entry")),
            entry("plans/{id}", t -> t.fixture("plan")),
            entry("promises/{id}", t -> t.fixture("promise")),
            entry("tokens/{id}", t -> t.fixture("token")),
            entry("members/{userId}", t -> Long.toString(t.member.userId().value())),
            entry("invitations/{id}", t -> t.fixture("invitation")),
            entry("invitations/{token}", t -> t.fixture("invitationSecret")),
            entry("ical/{token}", t -> t.fixture("feedSecret", () -> t.member.api()
                    .post("/api/v1/me/calendar-feed", null).json().get("url").asString()
                    .replaceAll(".*/ical/([^/.]+)\\.ics$", "$1"))));

    /**
     * Path parameters that are not a team's ids, left out of the cross-team check (with the reason):
     * secrets in a link, which whoever holds it may use whatever their team; or plain values such
     * as a format. They still need a value in {@link #IDS} for the write checks.
     */
    static final Map<String, String> NOT_TEAM_SCOPED = Map.of(
            "invitations/{token}", "an invitation link is a bearer secret sent to someone outside the team; "
                    + "unknown links answer 404",
            "ical/{token}", "a calendar feed URL is a bearer secret for calendar apps, which send no token; "
                    + "unknown or revoked ones answer 404");

    /** Query parameters naming ids: another team's must filter to nothing or be refused. */
    static final Map<String, Function<TeamData, String>> QUERY_IDS = Map.of(
            "clientId", TeamData::memberClient,
            "ownerId", t -> Long.toString(t.member.userId().value()),
            "userId", t -> Long.toString(t.member.userId().value()),
            "successorId", t -> Long.toString(t.owner.userId().value()));

    /** Writes a viewer may make: they concern only the caller's own account, never the team's data. */
    static final Map<String, String> VIEWER_MAY = Map.ofEntries(
            entry("POST /api/v1/auth/tokens", "signing in; no token or role yet"),
            entry("POST /api/v1/invitations/{token}/accept", "joining another team by invitation"),
            entry("POST /api/v1/tokens", "own tokens; a viewer's token still cannot write"),
            entry("DELETE /api/v1/tokens/{id}", "revoking one's own token"),
            entry("POST /api/v1/me/password", "own password"),
            entry("POST /api/v1/me/sign-out-everywhere", "own sessions and tokens"),
            entry("POST /api/v1/me/totp", "own second factor"),
            entry("POST /api/v1/me/totp/confirm", "own second factor"),
            entry("POST /api/v1/me/calendar-feed", "own calendar feed: personal, like a token (empty for viewers)"),
            entry("DELETE /api/v1/me/calendar-feed", "own calendar feed"),
            entry("PUT /api/v1/me/digest", "own digest settings"),
            entry("PUT /api/v1/me/profile", "own name and time zone"),
            entry("POST /api/v1/me/digest/test", "a test digest to oneself"),
            entry("DELETE /api/v1/me/totp", "own second factor"));

    /** Writes a read-only token may make: none but signing in, which sends no token. */
    static final Map<String, String> READ_ONLY_TOKEN_MAY = Map.of(
            "POST /api/v1/auth/tokens", "signing in with a password; no token involved");

    /** Owner-only operations: a member is refused (403) before any lookup, so the id reveals nothing. */
    static final Set<String> OWNERS_ONLY = Set.of("PUT /api/v1/team/members/{userId}/role",
            "DELETE /api/v1/team/members/{userId}", "DELETE /api/v1/team/invitations/{id}");

    /** A valid body for each write, built from the caller's team (default {}): so the role is what is refused. */
    static final Map<String, Function<TeamData, String>> BODIES = Map.ofEntries(
            entry("POST /api/v1/imports", t -> Api.multipartFile("file", "people.csv", "name,email\nAda,ada@example.com\n")),
            entry("POST /api/v1/clients", t -> json("{'name':'Written by a viewer'}")),
            entry("PUT /api/v1/clients/{id}", t -> json("{'name':'Renamed','tier':'A'}")),
            entry("PUT /api/v1/clients/{id}/sharing", t -> json("{'shared':true}")),
            entry("POST /api/v1/clients/{id}/transfer", t -> json("{'ownerId':" + t.owner.userId().value() + "}")),
            entry("POST /api/v1/clients/{id}/touches", t -> json("{'channel':'phone','minutes':5}")),
            entry("POST /api/v1/clients/{id}/depth", t -> json("{'current':2,'target':3}")),
            entry("POST /api/v1/clients/{clientId}/deals", t -> json("{'title':'Another deal'}")),
            entry("POST /api/v1/clients/{clientId}/plans", t -> json(
                    "{'name':'Another plan','activities':[{'name':'call','frequency':'monthly','minutes':30}]}")),
            entry("POST /api/v1/clients/{clientId}/promises", t -> json("{'text':'call back','dueOn':'2026-12-01'}")),
            entry("POST /api/v1/deal-templates", t -> json("{'name':'Template two','milestones':['one','two']}")),
            entry("POST /api/v1/deals/{id}/complete", t -> json("{'milestone':'0'}")),
            entry("POST /api/v1/journal/categories", t -> json(
                    "{'code':'research2','label':'Research two','categoryClass':'internal'}")),
            entry("POST /api/v1/journal/entries", t -> json("{'day':'2026-11-22','minutes':20,'category':'email'}")),
            entry("PUT /api/v1/journal/entries/{id}", t -> json("{'day':'2026-11-22','minutes':25,'category':'email'}")),
            entry("POST /api/v1/journal/entries/bulk", t -> json(
                    "{'entries':[{'day':'2026-11-21','minutes':20,'category':'email'}]}")),
            entry("POST /api/v1/journal/entries/quick", t -> json("{'text':'15m web','date':'2026-11-20'}")),
            entry("POST /api/v1/journal/timer/start", t -> json("{'category':'web'}")),
            entry("POST /api/v1/journal/challenge", t -> json("{'kind':'week'}")),
            entry("PUT /api/v1/plans/{id}/active", t -> json("{'active':false}")),
            entry("PUT /api/v1/plans/capacity", t -> json("{'hoursPerMonth':20}")),
            entry("POST /api/v1/promises/{id}/break", t -> json("{'reason':'forgot'}")),
            entry("POST /api/v1/promises/{id}/renegotiate", t -> json("{'dueOn':'2026-12-10','reason':'later'}")),
            entry("POST /api/v1/queue/{clientId}/snooze", t -> json("{'until':'2026-12-20','reason':'away'}")),
            entry("PUT /api/v1/top", t -> json("{'clientIds':[" + t.memberClient() + "]}")),
            entry("POST /api/v1/top/{clientId}/rating", t -> json("{'now':3,'target':9}")),
            entry("PUT /api/v1/settings/cadences", t -> json("[{'tier':'A','idealDays':5,'maxDays':9}]")),
            entry("PUT /api/v1/settings/channel-weights", t -> json("{'phone':4}")),
            entry("PUT /api/v1/team/members/{userId}/role", t -> json("{'role':'viewer'}")),
            entry("POST /api/v1/team/invitations", t -> json("{'email':'someone-new@example.com','role':'member'}")),
            entry("POST /api/v1/tokens", t -> json("{'name':'another'}")),
            entry("POST /api/v1/me/password", t -> json(
                    "{'currentPassword':'correct horse battery','newPassword':'another horse battery'}")),
            entry("POST /api/v1/me/totp/confirm", t -> json("{'code':'123456'}")),
            entry("DELETE /api/v1/me/totp", t -> json("{'password':'correct horse battery','code':'123456'}")),
            entry("POST /api/v1/invitations/{token}/accept", t -> json("{'name':'New','password':'long enough 1'}")));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SqlLog sqlLog;

    @Autowired
    DataSource dataSource;

    /**
     * Statements that cannot name a team: the secret in a link is all the caller has. One indexed
     * lookup each; distributed by team (docs/scaling.md) they fan out to every shard.
     */
    static final Map<String, String> LOOKUPS_BY_SECRET = Map.of(
            "from calendar_feed where token_hash = ?", "a calendar app polls the feed URL without any session");

    /** Every statement the other tests' requests ran: all operations, all roles, both teams. */
    private final List<String> statements = new ArrayList<>();

    private TeamData x;
    private TeamData y;

    /** Team X: the callers. */
    TeamData x() {
        if (x == null) {
            x = new TeamData("Xanadu");
        }
        return x;
    }

    /** Team Y: rich data nobody outside it may see or touch. */
    TeamData y() {
        if (y == null) {
            y = new TeamData("Yonder");
        }
        return y;
    }

    record Operation(String method, String path, JsonNode spec) {
        String key() {
            return method + " " + path;
        }

        boolean writes() {
            return !method.equals("GET");
        }

        /** "clients/{id}" for each path parameter, in order. */
        List<String> params() {
            List<String> out = new ArrayList<>();
            Matcher m = PARAM.matcher(path);
            while (m.find()) {
                out.add(m.group(1) + "/{" + m.group(2) + "}");
            }
            return out;
        }

        List<String> queryParams() {
            List<String> out = new ArrayList<>();
            JsonNode params = spec.get("parameters");
            if (params != null) {
                params.forEach(p -> {
                    if (p.get("in").asString().equals("query")) {
                        out.add(p.get("name").asString());
                    }
                });
            }
            return out;
        }

        String fill(Function<String, String> idFor) {
            String filled = path;
            for (String param : params()) {
                String name = param.substring(param.indexOf('{'));
                filled = filled.replace(name, idFor.apply(param));
            }
            return filled;
        }
    }

    List<Operation> operations() {
        Response doc = new Api(baseUrl(), null).get("/api/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.json().get("paths").properties().iterator();
             paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                if (path.getValue().has(method)) {
                    ops.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), path.getValue().get(method)));
                }
            }
        }
        assertThat(ops).as("operations in the OpenAPI document").hasSizeGreaterThan(50);
        return ops;
    }

    /** The team's id for a path parameter, or a failure saying what to add. */
    static String id(String param, TeamData team) {
        Function<TeamData, String> id = IDS.get(param);
        if (id == null) {
            throw new AssertionError("no id for the path parameter '" + param + "': add a line to "
                    + "ApiAuthorizationContract.IDS saying which of a team's ids it takes");
        }
        return id.apply(team);
    }

    /** Every fixture any operation needs, made before a snapshot is taken. */
    void prepare(TeamData... teams) {
        for (Operation op : operations()) {
            for (String param : op.params()) {
                for (TeamData t : teams) {
                    id(param, t);
                }
            }
        }
    }

    Response call(Api api, Operation op, String path, TeamData bodyFrom) {
        String body = BODIES.containsKey(op.key()) ? BODIES.get(op.key()).apply(bodyFrom)
                : op.method().equals("POST") || op.method().equals("PUT") || op.method().equals("PATCH") ? "{}" : null;
        return api.send(op.method(), path, body);
    }

    // ---- the enumeration itself -------------------------------------------------------------

    @AfterEach
    void keepStatements() {
        statements.addAll(sqlLog.drain());
    }

    /**
     * Runs after the others (which call every operation with every role, on both teams), reads every
     * page of its own team again, and checks all the SQL those requests ran: each statement names
     * team_id once per tenant table it touches, so the database can be distributed by team.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyStatementOnATenantTableIsScopedToTheTeam() {
        TeamData us = new TeamData("Tenant");
        prepare(us);
        for (Operation op : operations()) {
            if (op.method().equals("GET")) {
                for (var caller : List.of(us.owner, us.member)) {
                    call(caller.api(), op, op.fill(p -> id(p, us)), us);
                }
            }
        }
        statements.addAll(sqlLog.drain());
        TenantSql rule = TenantSql.of(dataSource);
        assertThat(rule.tenantTables()).as("tables with team_id").contains("client", "touch", "plan_activity");
        assertThat(statements).as("statements recorded").hasSizeGreaterThan(500);
        assertThat(rule.violations(statements)).as("statements on tenant tables that do not name team_id once per "
                + "table (add the team to the WHERE, the JOIN or the INSERT)")
                .filteredOn(v -> LOOKUPS_BY_SECRET.keySet().stream().noneMatch(v::contains)).isEmpty();
    }

    @Test
    void everyPathAndQueryIdParameterIsMapped() {
        Set<String> unmapped = new TreeSet<>();
        for (Operation op : operations()) {
            for (String param : op.params()) {
                if (!IDS.containsKey(param)) {
                    unmapped.add(op.key() + " -> " + param);
                }
            }
            for (String q : op.queryParams()) {
                if ((q.equals("id") || q.endsWith("Id")) && !QUERY_IDS.containsKey(q)) {
                    unmapped.add(op.key() + " -> ?" + q);
                }
            }
        }
        assertThat(unmapped).as("""
                these operations take ids that ApiAuthorizationContract does not know; add a line to IDS \
                (path) or QUERY_IDS (query) saying which id of a team they take, so that cross-team access \
                and viewer writes are tested for them too""").isEmpty();
        Set<String> lists = new TreeSet<>(VIEWER_MAY.keySet());
        lists.addAll(READ_ONLY_TOKEN_MAY.keySet());
        lists.addAll(OWNERS_ONLY);
        lists.addAll(BODIES.keySet());
        Set<String> known = new TreeSet<>();
        operations().forEach(op -> known.add(op.key()));
        lists.removeAll(known);
        assertThat(lists).as("allow-lists and bodies naming operations that no longer exist").isEmpty();
    }

    @Test
    void anotherTeamsIdsAre404WithoutLeakingAnythingForEveryOperation() {
        TeamData them = y();
        TeamData us = x();
        prepare(them, us);
        var before = DatabaseSnapshot.take(jdbc);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Operation op : operations()) {
            if (op.params().isEmpty() || op.params().stream().anyMatch(NOT_TEAM_SCOPED::containsKey)) {
                continue;
            }
            for (var caller : List.of(us.owner, us.member)) {
                String theirs = op.fill(p -> id(p, them));
                String missing = op.fill(p -> MISSING_ID);
                Response r = call(caller.api(), op, theirs, us);
                Response none = call(caller.api(), op, missing, us);
                boolean ownerOnly = caller.user().role() == Role.MEMBER && OWNERS_ONLY.contains(op.key());
                int expected = ownerOnly ? 403 : 404;
                String who = caller.user().role().code() + " of X: " + op.method() + " " + theirs;
                if (r.status() != expected) {
                    failures.add(who + " answered " + r.status() + " (expected " + expected + "): " + r.body());
                } else if (!normalized(r).equals(normalized(none))) {
                    failures.add(who + " differs from a missing id: " + r.body() + " vs " + none.body());
                } else if (!r.header("Content-Type").startsWith("application/problem+json")) {
                    failures.add(who + " is not a problem: " + r.header("Content-Type"));
                }
                them.leaks(r).ifPresent(leak -> failures.add(who + " leaks " + leak + ": " + r.body()));
                checked++;
            }
        }
        assertThat(failures).as("cross-team access").isEmpty();
        assertThat(checked).isGreaterThan(40);
        assertThat(DatabaseSnapshot.differences(before, DatabaseSnapshot.take(jdbc)))
                .as("requests on another team's ids changed data").isEmpty();
    }

    @Test
    void anotherTeamsIdsInQueriesFilterToNothingOrAreRefused() {
        TeamData them = y();
        TeamData us = x();
        prepare(them, us);
        var before = DatabaseSnapshot.take(jdbc);
        List<String> failures = new ArrayList<>();
        for (Operation op : operations()) {
            List<String> ids = op.queryParams().stream().filter(QUERY_IDS::containsKey).toList();
            if (ids.isEmpty() || op.params().stream().anyMatch(NOT_TEAM_SCOPED::containsKey)) {
                continue;
            }
            for (var caller : List.of(us.owner, us.member)) {
                StringBuilder path = new StringBuilder(op.fill(p -> id(p, us)));
                char sep = '?';
                for (String q : ids) {
                    path.append(sep).append(q).append('=').append(QUERY_IDS.get(q).apply(them));
                    sep = '&';
                }
                Response r = call(caller.api(), op, path.toString(), us);
                String who = caller.user().role().code() + " of X: " + op.method() + " " + path;
                boolean refused = r.status() == 403 || r.status() == 404 || r.status() == 422;
                if (op.writes() ? !refused : !(r.status() == 200 || refused)) {
                    failures.add(who + " answered " + r.status() + ": " + r.body());
                }
                if (r.status() == 200 && r.json().has("items") && !r.json().get("items").isEmpty()
                        || r.status() == 200 && r.json().isArray() && !r.json().isEmpty()) {
                    failures.add(who + " listed something: " + r.body());
                }
                them.leaks(r).ifPresent(leak -> failures.add(who + " leaks " + leak + ": " + r.body()));
            }
        }
        assertThat(failures).as("another team's ids in query parameters").isEmpty();
        assertThat(DatabaseSnapshot.differences(before, DatabaseSnapshot.take(jdbc))).isEmpty();
    }

    @Test
    void anotherTeamsIdsInRequestBodiesAreRefused() {
        TeamData them = y();
        TeamData us = x();
        Api member = us.member.api();
        Api owner = us.owner.api();
        String client = them.memberClient();
        String theirUser = Long.toString(them.member.userId().value());
        var before = DatabaseSnapshot.take(jdbc);
        Map<String, Response> attempts = new LinkedHashMap<>();
        attempts.put("top", member.put("/api/v1/top", json("{'clientIds':[" + client + "]}")));
        attempts.put("entry", member.post("/api/v1/journal/entries",
                json("{'day':'2026-11-22','minutes':20,'category':'email','clientId':" + client + "}")));
        attempts.put("quick", member.post("/api/v1/journal/entries/quick",
                json("{'text':'15m web','clientId':" + client + "}")));
        attempts.put("timer", member.post("/api/v1/journal/timer/start",
                json("{'category':'web','clientId':" + client + "}")));
        attempts.put("client owner", owner.post("/api/v1/clients", json("{'name':'Mine','ownerId':" + theirUser + "}")));
        attempts.put("transfer", owner.post("/api/v1/clients/" + us.memberClient() + "/transfer",
                json("{'ownerId':" + theirUser + "}")));
        attempts.put("deal template", member.post("/api/v1/clients/" + us.memberClient() + "/deals",
                json("{'title':'Deal','templateId':" + them.fixture("template") + "}")));
        attempts.put("token team", member.post("/api/v1/tokens",
                json("{'name':'into Y','teamId':" + them.team.value() + "}")));
        attempts.put("sign-in team", new Api(baseUrl(), null).post("/api/v1/auth/tokens", json("{'email':'"
                + us.member.email() + "','password':'correct horse battery','teamId':" + them.team.value() + "}")));
        attempts.forEach((what, r) -> {
            assertThat(r.status()).as(what + ": " + r.body()).isIn(404, 422);
            assertThat(them.leaks(r)).as(what).isEmpty();
        });
        assertThat(DatabaseSnapshot.differences(before, DatabaseSnapshot.take(jdbc))).isEmpty();
    }

    @Test
    void viewersCannotWriteAnythingAndNothingChanges() {
        TeamData us = x();
        sweepWrites("viewer", us.viewer.api(), VIEWER_MAY);
    }

    @Test
    void readOnlyTokensCannotWriteAnythingEvenForOwners() {
        TeamData us = x();
        Response issued = us.owner.api().post("/api/v1/tokens", json("{'name':'dashboard','scope':'read'}"));
        assertThat(issued.status()).isEqualTo(201);
        Api readOnly = new Api(baseUrl(), issued.json().get("token").asString());
        assertThat(readOnly.get("/api/v1/clients/" + us.memberClient()).status()).isEqualTo(200);
        assertThat(readOnly.get("/api/v1/team/audit").status()).as("owners read the audit log").isEqualTo(200);
        sweepWrites("read-only token", readOnly, READ_ONLY_TOKEN_MAY);
        Response readToken = readOnly.post("/api/v1/tokens", json("{'name':'another reader','scope':'read'}"));
        assertThat(readToken.status()).as("a read-only token may mint read-only tokens").isEqualTo(201);
        Api minted = new Api(baseUrl(), readToken.json().get("token").asString());
        assertThat(minted.post("/api/v1/clients", json("{'name':'Nope'}")).status()).isEqualTo(403);
    }

    private void sweepWrites(String who, Api api, Map<String, String> allowed) {
        TeamData us = x();
        List<Operation> writes = operations().stream().filter(Operation::writes)
                .filter(op -> !allowed.containsKey(op.key())).toList();
        prepare(us);
        var before = DatabaseSnapshot.take(jdbc);
        List<String> failures = new ArrayList<>();
        for (Operation op : writes) {
            String path = op.fill(p -> id(p, us));
            Response r = call(api, op, path, us);
            if (r.status() != 403) {
                failures.add(op.method() + " " + path + " answered " + r.status() + ": " + r.body()
                        + (r.status() == 422 || r.status() == 400
                        ? " (check the role before the input, or give a valid body in BODIES)" : ""));
            } else if (!r.header("Content-Type").startsWith("application/problem+json")) {
                failures.add(op.method() + " " + path + " is not a problem: " + r.header("Content-Type"));
            }
        }
        assertThat(failures).as(who + " writes").isEmpty();
        assertThat(writes.size()).isGreaterThan(30);
        assertThat(DatabaseSnapshot.differences(before, DatabaseSnapshot.take(jdbc)))
                .as("refused " + who + " writes changed data").isEmpty();
    }

    // ---- membership changes apply on the next request ---------------------------------------

    @Test
    void expiredTokensAre401() {
        var s = newTeam(Role.MEMBER);
        String expiry = clock.instant().plus(Duration.ofHours(1)).toString();
        Response issued = s.api().post("/api/v1/tokens", json("{'name':'short','expiresAt':'" + expiry + "'}"));
        assertThat(issued.status()).isEqualTo(201);
        Api shortLived = new Api(baseUrl(), issued.json().get("token").asString());
        assertThat(shortLived.get("/api/v1/me").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(61));
        Response expired = shortLived.get("/api/v1/me");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("Content-Type")).startsWith("application/problem+json");
        assertThat(s.api().get("/api/v1/me").status()).as("tokens without expiry live on").isEqualTo(200);
        assertThat(s.api().post("/api/v1/tokens", json("{'name':'past','expiresAt':'2020-01-01T00:00:00Z'}"))
                .status()).isEqualTo(422);
    }

    @Test
    void aTokenMintsNoTokenThatOutlivesItOrActsInAnotherTeam() {
        var alice = newTeam(Role.OWNER);
        var other = joinedSecondTeam(alice);
        long ownTeam = alice.user().teamId().value();
        long otherTeam = other.user().teamId().value();
        String expiry = clock.instant().plus(Duration.ofHours(1)).toString();
        String later = clock.instant().plus(Duration.ofHours(2)).toString();
        Api shortLived = new Api(baseUrl(), alice.api().post("/api/v1/tokens",
                json("{'name':'short','expiresAt':'" + expiry + "'}")).json().get("token").asString());
        assertThat(shortLived.get("/api/v1/me").status()).isEqualTo(200);

        var before = DatabaseSnapshot.take(jdbc);
        assertRefused(shortLived.post("/api/v1/tokens", json("{'name':'forever','scope':'read_write'}")),
                "expiresAt");
        assertRefused(shortLived.post("/api/v1/tokens", json("{'name':'longer','expiresAt':'" + later + "'}")),
                "expiresAt");
        assertRefused(shortLived.post("/api/v1/tokens", json("{'name':'there','expiresAt':'" + expiry
                + "','teamId':" + otherTeam + "}")), "teamId");
        assertRefused(alice.api().post("/api/v1/tokens", json("{'name':'there','teamId':" + otherTeam + "}")),
                "teamId");
        assertThat(DatabaseSnapshot.differences(before, DatabaseSnapshot.take(jdbc))).as("nothing minted").isEmpty();

        assertThat(shortLived.post("/api/v1/tokens", json("{'name':'as long','expiresAt':'" + expiry
                + "','teamId':" + ownTeam + "}")).status()).as("within the token's own limits").isEqualTo(201);
        assertThat(alice.api().post("/api/v1/tokens", json("{'name':'forever'}")).status())
                .as("a token without expiry mints one without").isEqualTo(201);
        Response signedIn = new Api(baseUrl(), null).post("/api/v1/auth/tokens", json("{'email':'" + alice.email()
                + "','password':'correct horse battery','teamId':" + otherTeam + "}"));
        assertThat(signedIn.status()).as("a password sign-in picks any of one's teams").isEqualTo(201);
        Api inOther = new Api(baseUrl(), signedIn.json().get("token").asString());
        assertThat(inOther.get("/api/v1/me").json().get("teamId").asLong()).isEqualTo(otherTeam);
    }

    private static void assertRefused(Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void aRemovedMemberIsRefusedOnTheNextRequestWithTheirOldToken() {
        var owner = newTeam(Role.OWNER);
        var member = newMember(owner.user().teamId(), Role.MEMBER);
        long client = member.api().post("/api/v1/clients", json("{'name':'Kept Client'}")).json().get("id").asLong();
        assertThat(member.api().get("/api/v1/clients/" + client).status()).isEqualTo(200);

        Response removed = owner.api().delete("/api/v1/team/members/" + member.userId().value()
                + "?successorId=" + owner.userId().value());
        assertThat(removed.status()).isEqualTo(204);
        assertThat(member.api().get("/api/v1/clients/" + client).status()).isEqualTo(401);
        assertThat(member.api().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(member.api().post("/api/v1/clients", json("{'name':'Sneaky'}")).status()).isEqualTo(401);
        assertThat(owner.api().get("/api/v1/clients/" + client).json().get("ownerId").asLong())
                .as("the successor has the client").isEqualTo(owner.userId().value());
        assertThat(new Api(baseUrl(), null).post("/api/v1/auth/tokens", json("{'email':'" + member.email()
                + "','password':'correct horse battery'}")).status()).as("no team left to sign in to").isEqualTo(401);
    }

    @Test
    void aMemberDemotedToViewerCannotWriteOnTheNextRequestWithTheirToken() {
        var owner = newTeam(Role.OWNER);
        var member = newMember(owner.user().teamId(), Role.MEMBER);
        assertThat(member.api().post("/api/v1/clients", json("{'name':'Before'}")).status()).isEqualTo(201);
        assertThat(owner.api().put("/api/v1/team/members/" + member.userId().value() + "/role",
                json("{'role':'viewer'}")).status()).isEqualTo(204);
        Response refused = member.api().post("/api/v1/clients", json("{'name':'After'}"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(member.api().get("/api/v1/me").json().get("role").asString()).isEqualTo("viewer");
        assertThat(member.api().get("/api/v1/clients?q=After").json().get("items").isEmpty()).isTrue();

        assertThat(owner.api().put("/api/v1/team/members/" + member.userId().value() + "/role",
                json("{'role':'manager'}")).status()).isEqualTo(204);
        assertThat(member.api().put("/api/v1/settings/channel-weights", json("{'phone':4}")).status())
                .as("promoted on the next request too").isEqualTo(200);
    }

    // ---- member visibility: own and shared clients only -------------------------------------

    @Test
    void membersSeeOnlyTheirOwnAndSharedClients() {
        var owner = newTeam(Role.OWNER);
        var member = newMember(owner.user().teamId(), Role.MEMBER);
        var colleague = newMember(owner.user().teamId(), Role.MEMBER);
        long own = member.api().post("/api/v1/clients", json("{'name':'Visible Own','emails':['own@example.com']}"))
                .json().get("id").asLong();
        long shared = owner.api().post("/api/v1/clients",
                json("{'name':'Visible Shared','emails':['shared@example.com'],'shared':true}")).json().get("id").asLong();
        long hidden = owner.api().post("/api/v1/clients",
                json("{'name':'Hidden Private','emails':['hidden@example.com']}")).json().get("id").asLong();
        long colleagues = colleague.api().post("/api/v1/clients", json("{'name':'Hidden Colleague'}"))
                .json().get("id").asLong();

        Api api = member.api();
        assertThat(names(api.get("/api/v1/clients"))).containsExactlyInAnyOrder("Visible Own", "Visible Shared");
        assertThat(names(api.get("/api/v1/clients?q=hidden"))).isEmpty();
        assertThat(names(api.get("/api/v1/clients?q=hidden%40example.com"))).isEmpty();
        assertThat(names(api.get("/api/v1/clients?includeArchived=true&ownerId=" + owner.userId().value())))
                .containsExactly("Visible Shared");
        assertThat(api.get("/api/v1/clients/" + shared).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/clients/" + own).status()).isEqualTo(200);
        assertThat(names(owner.api().get("/api/v1/clients"))).as("owners see the whole team")
                .contains("Hidden Private", "Hidden Colleague", "Visible Own");

        // every operation on a client id: a teammate's private client is as absent as another team's
        List<String> failures = new ArrayList<>();
        for (Operation op : operations()) {
            if (op.params().isEmpty() || !op.params().stream().allMatch(p -> p.startsWith("clients/")
                    || p.endsWith("{clientId}"))) {
                continue;
            }
            for (long id : new long[] {hidden, colleagues}) {
                String path = op.fill(p -> Long.toString(id));
                Response r = call(api, op, path, x());
                if (r.status() != 404 || r.body().contains("Hidden")) {
                    failures.add(op.method() + " " + path + " answered " + r.status() + ": " + r.body());
                }
            }
        }
        assertThat(failures).as("a member on a teammate's private client").isEmpty();
        assertThat(names(owner.api().get("/api/v1/clients?q=Hidden"))).as("nothing changed")
                .containsExactlyInAnyOrder("Hidden Private", "Hidden Colleague");
    }

    private static List<String> names(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.json().get("items").forEach(c -> names.add(c.get("name").asString()));
        return names;
    }

    /** The body with every number replaced, to compare the answer for an id with the answer for a missing one. */
    private static String normalized(Response r) {
        return r.status() + " " + Api.withoutRequestId(r.body()).replaceAll("\\d+", "#");
    }

    // ---- the fixture ------------------------------------------------------------------------

    /**
     * A team with an owner, a member and a viewer, and some of everything: clients (private,
     * shared), touches, depth, a promise, a deal, a plan, journal entries, a running timer, a
     * challenge, top relationships, a snooze, tokens, an invitation. Every text carries the team's
     * name so a leak is easy to spot.
     */
    final class TeamData {
        final String name;
        final TeamId team;
        final Session owner;
        final Session member;
        final Session viewer;
        private final Map<String, String> ids = new HashMap<>();

        TeamData(String prefix) {
            name = prefix + " " + System.nanoTime();
            team = accounts.createTeam(name, "Europe/Amsterdam");
            owner = newMember(team, Role.OWNER);
            member = newMember(team, Role.MEMBER);
            viewer = newMember(team, Role.VIEWER);
            for (String kind : List.of("ownerClient", "sharedClient", "memberClient", "touch", "depth", "promise",
                    "deal", "plan", "entry", "timer", "challenge", "top", "snooze", "token", "invitation", "template",
                    "category")) {
                fixture(kind);
            }
        }

        String memberClient() {
            return fixture("memberClient");
        }

        /** The id of one of the team's resources, made on first use. */
        String fixture(String kind) {
            return fixture(kind, () -> make(kind));
        }

        /** The id of a resource of this kind, made by {@code make} on first use. */
        String fixture(String kind, java.util.function.Supplier<String> make) {
            String id = ids.get(kind);
            if (id == null) {
                id = make.get();
                ids.put(kind, id);
            }
            return id;
        }

        private String make(String kind) {
            Api o = owner.api();
            Api m = member.api();
            String c = kind.endsWith("Client") ? null : memberClient();
            return switch (kind) {
                case "ownerClient" -> created(o, "/api/v1/clients", "{'name':'" + name + " Private','emails':['"
                        + name.replace(' ', '.') + ".private@example.com']}");
                case "sharedClient" -> created(o, "/api/v1/clients", "{'name':'" + name + " Shared','shared':true}");
                case "memberClient" -> created(m, "/api/v1/clients", "{'name':'" + name + " Client','organisation':'"
                        + name + " Org','emails':['" + name.replace(' ', '.') + "@example.com'],'tags':['" + name
                        .replace(' ', '-') + "'],'notes':'" + name + " notes'}");
                case "touch" -> created(m, "/api/v1/clients/" + c + "/touches", "{'channel':'phone','minutes':15,"
                        + "'note':'" + name + " touch'}");
                case "depth" -> ok(m.post("/api/v1/clients/" + c + "/depth",
                        json("{'current':1,'target':3,'note':'" + name + " depth'}")));
                case "promise" -> created(m, "/api/v1/clients/" + c + "/promises",
                        "{'text':'" + name + " promise','dueOn':'2026-12-01'}");
                case "deal" -> created(m, "/api/v1/clients/" + c + "/deals", "{'title':'" + name + " deal'}");
                case "plan" -> created(m, "/api/v1/clients/" + c + "/plans", "{'name':'" + name + " plan',"
                        + "'objectives':['" + name + " objective'],"
                        + "'activities':[{'name':'review','frequency':'quarterly','minutes':120}]}");
                case "entry" -> created(m, "/api/v1/journal/entries", "{'day':'2026-11-23','minutes':30,"
                        + "'category':'email','note':'" + name + " entry','clientId':" + c + "}");
                case "timer" -> ok(m.post("/api/v1/journal/timer/start",
                        json("{'category':'phone','note':'" + name + " timer'}")));
                case "challenge" -> ok(m.post("/api/v1/journal/challenge", json("{'kind':'day'}")));
                case "top" -> ok(m.put("/api/v1/top", json("{'clientIds':[" + c + "]}")))
                        + ok(m.post("/api/v1/top/" + c + "/rating", json("{'now':4,'target':8,'note':'" + name
                        + " rating'}")));
                case "snooze" -> ok(m.post("/api/v1/queue/" + c + "/snooze",
                        json("{'until':'2026-12-24','reason':'" + name + " snooze'}")));
                case "token" -> created(m, "/api/v1/tokens", "{'name':'" + name + " token'}");
                case "invitation", "invitationSecret" -> {
                    Response r = o.post("/api/v1/team/invitations", json("{'email':'invitee-" + System.nanoTime()
                            + "@example.com','role':'member'}"));
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                    ids.put("invitationSecret", r.json().get("token").asString());
                    ids.put("invitation", Long.toString(r.json().get("invitation").get("id").asLong()));
                    yield ids.get(kind);
                }
                case "template" -> created(o, "/api/v1/deal-templates", "{'name':'" + name + " template',"
                        + "'milestones':['" + name + " one','" + name + " two']}");
                case "category" -> ok(o.post("/api/v1/journal/categories", json("{'code':'research',"
                        + "'label':'" + name + " research','categoryClass':'internal'}")));
                default -> throw new IllegalArgumentException("no fixture '" + kind + "': add it to TeamData.make");
            };
        }

        /** POSTs as the given user and returns the new resource's id. */
        String created(Api api, String path, String singleQuotedJson) {
            Response r = api.post(path, json(singleQuotedJson));
            assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(201);
            return Long.toString(r.json().get("id").asLong());
        }

        private static String ok(Response r) {
            assertThat(r.status()).as(r.body()).isBetween(200, 201);
            return "";
        }

        /** What of this team's data a response shows, if anything. */
        java.util.Optional<String> leaks(Response r) {
            String body = r.body() == null ? "" : r.body();
            String marker = name.substring(0, name.indexOf(' '));
            for (String secret : List.of(marker, owner.email(), member.email(), viewer.email())) {
                if (body.contains(secret) || body.contains(secret.replace(' ', '.'))) {
                    return java.util.Optional.of("'" + secret + "'");
                }
            }
            return java.util.Optional.empty();
        }
    }
}
