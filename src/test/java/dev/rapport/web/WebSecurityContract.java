package dev.rapport.web;

import static dev.rapport.support.Api.json;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.rapport.shared.TeamId;
import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.DatabaseSnapshot;
import dev.rapport.support.WebClient;
import dev.rapport.teams.OwnAccount;
import dev.rapport.teams.Role;

/**
 * The browser side of security, over every page the web UI maps (read from Spring MVC, so new
 * pages are covered): secure headers, the session cookie, session fixation, another team's ids
 * (404), viewers (403), and role changes and removals taking effect on a session's next request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebSecurityContract extends AppTestBase {
    private static final Pattern PARAM = Pattern.compile("([^/]+)/\\{(\\w+)}");
    private static final String PASSWORD = "correct horse battery";

    /**
     * Which of a team's ids a page's path variable takes ("segment/{variable}"); one line per new
     * kind, e.g. {@code "exports/{id}", t -> t.fixture("export", () -> t.created("/api/v1/exports", "{}"))}.
     */
    static final Map<String, Function<Team, String>> IDS = Map.ofEntries(
            entry("clients/{id}", t -> t.client),
            entry("queue/{id}", t -> t.client),
            entry("top/{clientId}", t -> t.client),
            entry("deals/{id}", t -> t.deal),
            entry("promises/{id}", t -> t.promise),
            entry("entries/{id}", t -> t.entry),
            entry("tokens/{id}", t -> t.token),
            entry("members/{userId}", t -> t.memberId),
            entry("members/{id}", t -> t.memberId),
            entry("invitations/{id}", t -> t.invitation()[0]),
            entry("invite/{token}", t -> t.invitation()[1]),
            entry("join/{token}", t -> t.invitation()[1]),
            entry("ical/{token}", t -> t.fixture("feedSecret", () -> t.memberApi
                    .post("/api/v1/me/calendar-feed", null).json().get("url").asString()
                    .replaceAll(".*/ical/([^/.]+)\\.ics$", "$1"))));

    /**
     * Path variables that are not a team's ids, left out of the cross-team check (with the reason):
     * secrets in a link, which whoever holds it may use whatever their team.
     */
    static final Map<String, String> NOT_TEAM_SCOPED = Map.of(
            "invite/{token}", "an invitation link is a bearer secret sent to someone outside the team",
            "join/{token}", "the sign-in-first form of an invitation link",
            "ical/{token}", "a calendar feed URL is a bearer secret for calendar apps, which send no cookie");

    /** Pages that answer something other than an HTML page to their own team's owner (default: 200 text/html). */
    static final Map<String, String> NOT_A_PAGE = Map.of(
            "GET /ical/{token}.ics", "200 text/calendar",
            "GET /join/{token}", "302 ",
            "GET /digest/unsubscribe", "404 text/html", // without the secret in its link: no such subscription
            "GET /clients/export.csv", "200 text/csv",
            "GET /clients/export.vcf", "200 text/vcard");

    /** Owner-only forms: a member is refused (403) before any lookup, so the id reveals nothing. */
    static final Set<String> OWNERS_ONLY = Set.of("POST /team/members/{id}/role", "POST /team/members/{id}/remove",
            "POST /team/invitations/{id}/withdraw");

    /**
     * Deals, promises and journal entries are their author's alone: every other user, a viewer
     * included, gets 404 for them, so a viewer posting to one is refused by the id, not the role.
     */
    static final Set<String> PRIVATE_TO_THEIR_AUTHOR = Set.of("deals/{id}", "promises/{id}", "entries/{id}");

    /** Form posts a viewer may make: their own account only. */
    static final Map<String, String> VIEWER_MAY = Map.ofEntries(
            entry("POST /settings/tokens", "own API tokens (a viewer's token cannot write either)"),
            entry("POST /settings/tokens/{id}/revoke", "own API tokens"),
            entry("POST /settings/password", "own password"),
            entry("POST /settings/sign-out-everywhere", "own sessions"),
            entry("POST /settings/totp/start", "own second factor"),
            entry("POST /settings/totp/confirm", "own second factor"),
            entry("POST /settings/totp/cancel", "own second factor"),
            entry("POST /settings/totp/disable", "own second factor"),
            entry("POST /invite/{token}", "creating an account from an invitation: a signed-in caller is sent back to it"),
            entry("POST /invite/{token}/accept", "joining another team by invitation"),
            entry("POST /settings/calendar-feed", "own calendar feed"),
            entry("POST /settings/calendar-feed/revoke", "own calendar feed"),
            entry("POST /settings/digest", "own digest settings"),
            entry("POST /settings/profile", "own name and time zone"),
            entry("POST /settings/digest/test", "a test digest to oneself"),
            entry("POST /team/switch", "choosing which of one's own teams to work in"),
            entry("POST /digest/unsubscribe", "the unsubscribe link of one's own digest (a secret in the link)"),
            entry("POST /logout", "signing out"));

    /** Valid forms, so that the role is what is refused (default: empty). */
    static final Map<String, Function<Team, Map<String, String>>> FORMS = Map.ofEntries(
            entry("POST /clients", t -> Map.of("name", "Written by a viewer", "tier", "A", "status", "active",
                    "kind", "external", "ownerId", t.memberId)),
            entry("POST /clients/{id}", t -> Map.of("name", "Renamed by a viewer", "tier", "A", "status", "active",
                    "kind", "external", "ownerId", t.memberId)),
            entry("POST /clients/{id}/touches", t -> Map.of("channel", "phone", "who", "outbound", "minutes", "5")),
            entry("POST /queue/{id}/touch", t -> Map.of("channel", "phone", "who", "outbound", "minutes", "5")),
            entry("POST /clients/{id}/promises", t -> Map.of("text", "call back", "dueOn", "2026-12-01")),
            entry("POST /clients/{id}/deals", t -> Map.of("title", "A deal")),
            entry("POST /clients/{id}/depth", t -> Map.of("current", "2", "target", "3")),
            entry("POST /journal/entries", t -> Map.of("text", "30m email")),
            entry("POST /journal/timer/start", t -> Map.of("category", "web")),
            entry("POST /journal/challenge", t -> Map.of("kind", "day")),
            entry("POST /plans", t -> Map.of("clientId", t.client, "name", "A plan",
                    "activities[0].name", "call", "activities[0].frequency", "monthly", "activities[0].minutes", "30")),
            entry("POST /plans/capacity", t -> Map.of("hoursPerMonth", "20")),
            entry("POST /promises/{id}/renegotiate", t -> Map.of("dueOn", "2026-12-10", "reason", "later")),
            entry("POST /promises/{id}/break", t -> Map.of("reason", "forgot")),
            entry("POST /queue/{id}/snooze", t -> Map.of("until", "2026-12-20", "reason", "away")),
            entry("POST /deals/{id}/complete", t -> Map.of("milestone", "0")),
            entry("POST /top", t -> Map.of("clientIds", t.client)),
            entry("POST /top/{clientId}/rating", t -> Map.of("now", "3", "target", "9")),
            entry("POST /settings/cadences", t -> Map.of("tiers[0].tier", "A", "tiers[0].idealDays", "5",
                    "tiers[0].maxDays", "9")),
            entry("POST /settings/weights", t -> Map.of("phone", "4")),
            entry("POST /team/members/{id}/role", t -> Map.of("role", "member")),
            entry("POST /clients/{id}/transfer", t -> Map.of("ownerId", t.memberId)),
            entry("POST /settings/categories", t -> Map.of("code", "research", "label", "Research",
                    "categoryClass", "internal")));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    private Team x;
    private Team y;

    record Page(String method, String path) {
        String key() {
            return method + " " + path;
        }

        List<String> params() {
            List<String> out = new ArrayList<>();
            Matcher m = PARAM.matcher(path);
            while (m.find()) {
                out.add(m.group(1) + "/{" + m.group(2) + "}");
            }
            return out;
        }

        String fill(Team team) {
            String filled = path;
            for (String param : params()) {
                Function<Team, String> id = IDS.get(param);
                if (id == null) {
                    throw new AssertionError("no id for the path variable '" + param + "': add a line to "
                            + "WebSecurityContract.IDS saying which of a team's ids it takes");
                }
                filled = filled.replace(param.substring(param.indexOf('{')), id.apply(team));
            }
            return filled;
        }
    }

    /** Every page and form of the web UI (its controllers in this package), sign-in itself aside. */
    List<Page> pages() {
        Set<String> seen = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().equals(WebSecurityContract.class.getPackageName())) {
                continue;
            }
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String path : e.getKey().getPatternValues()) {
                if (path.startsWith("/login")) {
                    continue;
                }
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    seen.add(m.name() + " " + path);
                }
            }
        }
        List<Page> pages = new ArrayList<>();
        seen.forEach(k -> pages.add(new Page(k.substring(0, k.indexOf(' ')), k.substring(k.indexOf(' ') + 1))));
        assertThat(pages).as("web pages and forms").hasSizeGreaterThan(30);
        return pages;
    }

    Team x() {
        if (x == null) {
            x = new Team("Xanadu");
        }
        return x;
    }

    Team y() {
        if (y == null) {
            y = new Team("Yonder");
        }
        return y;
    }

    // ---- secure headers and the session cookie ----------------------------------------------

    private static void assertSecureHeaders(String what, java.net.http.HttpResponse<String> r, List<String> failures) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        if (!csp.contains("frame-ancestors 'none'") || !csp.contains("default-src")) {
            failures.add(what + ": Content-Security-Policy '" + csp + "'");
        }
        if (r.headers().firstValue("Referrer-Policy").isEmpty()) {
            failures.add(what + ": no Referrer-Policy");
        }
        if (!r.headers().firstValue("X-Content-Type-Options").orElse("").equals("nosniff")) {
            failures.add(what + ": no X-Content-Type-Options: nosniff");
        }
        if (!r.headers().firstValue("X-Frame-Options").orElse("").equals("DENY")) {
            failures.add(what + ": no X-Frame-Options: DENY");
        }
    }

    @Test
    void everyPageCarriesTheSecureHeaders() {
        Team us = x();
        List<String> failures = new ArrayList<>();
        WebClient browser = us.owner;
        int pagesChecked = 0;
        for (Page page : pages()) {
            if (!page.method().equals("GET")) {
                continue;
            }
            String path = page.fill(us);
            WebClient.Page r = browser.get(path);
            String expected = NOT_A_PAGE.getOrDefault(page.key(), "200 text/html");
            String answered = r.status() + " " + (r.status() == 302 ? "" : r.header("Content-Type"));
            if (!answered.startsWith(expected)) {
                failures.add("GET " + path + " answered " + answered + ", expected " + expected);
            }
            assertSecureHeaders("GET " + path, r.raw(), failures);
            pagesChecked++;
        }
        WebClient anonymous = new WebClient(baseUrl());
        for (String path : List.of("/login", "/", "/clients/987654321", "/no-such-page", "/css/app.css")) {
            assertSecureHeaders("anonymous GET " + path, anonymous.get(path).raw(), failures);
        }
        assertSecureHeaders("GET /clients/987654321", browser.get("/clients/987654321").raw(), failures);
        assertSecureHeaders("viewer POST /clients", us.viewer.post("/clients", Map.of("name", "Nope")).raw(),
                failures);
        assertThat(failures).isEmpty();
        assertThat(pagesChecked).isGreaterThan(8);
        String csp = anonymous.get("/login").header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").contains("object-src 'none'");
    }

    @Test
    void everyApiResponseCarriesTheSecureHeaders() {
        Team us = x();
        Api api = new Api(baseUrl(), us.ownerToken);
        List<String> failures = new ArrayList<>();
        Response doc = new Api(baseUrl(), null).get("/api/openapi.json");
        assertSecureHeaders("GET /api/openapi.json", doc.raw(), failures);
        doc.json().get("paths").properties().forEach(p -> {
            if (p.getValue().has("get") && !p.getKey().contains("{")) {
                Response r = api.get(p.getKey());
                assertSecureHeaders("GET " + p.getKey() + " (" + r.status() + ")", r.raw(), failures);
            }
        });
        assertSecureHeaders("401", new Api(baseUrl(), null).get("/api/v1/me").raw(), failures);
        assertSecureHeaders("404", api.get("/api/v1/clients/987654321").raw(), failures);
        assertSecureHeaders("403", new Api(baseUrl(), us.viewerToken).post("/api/v1/clients",
                json("{'name':'Nope'}")).raw(), failures);
        assertSecureHeaders("422", api.post("/api/v1/clients", json("{'name':''}")).raw(), failures);
        assertThat(failures).isEmpty();
        assertThat(api.get("/api/v1/me").header("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(api.get("/api/v1/me").header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndChangesAtSignIn() {
        Team us = x();
        WebClient browser = new WebClient(baseUrl());
        WebClient.Page login = browser.get("/login");
        String before = browser.cookie(WebClient.SESSION_COOKIE);
        assertThat(before).as("the sign-in form's session (it holds the CSRF token)").isNotNull();
        assertCookieFlags(login);

        WebClient.Page signedIn = browser.post("/login", Map.of("email", us.viewerEmail, "password", PASSWORD));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).isEqualTo("/");
        assertCookieFlags(signedIn);
        String after = browser.cookie(WebClient.SESSION_COOKIE);
        assertThat(after).as("a new session id at sign-in (no session fixation)").isNotEqualTo(before);
        assertThat(browser.get("/").status()).isEqualTo(200);

        WebClient attacker = new WebClient(baseUrl());
        attacker.setCookie(WebClient.SESSION_COOKIE, before);
        WebClient.Page fixed = attacker.get("/");
        assertThat(fixed.status()).as("the id known before sign-in is not signed in").isEqualTo(302);
        assertThat(fixed.location()).endsWith("/login");
    }

    private static void assertCookieFlags(WebClient.Page page) {
        String setCookie = page.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(WebClient.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        String flags = setCookie.toLowerCase(Locale.ROOT);
        assertThat(flags).contains("httponly").contains("samesite=lax").contains("path=/");
    }

    // ---- authorization on pages -------------------------------------------------------------

    @Test
    void everyPathVariableOfEveryPageIsMapped() {
        Set<String> unmapped = new TreeSet<>();
        for (Page page : pages()) {
            page.params().stream().filter(p -> !IDS.containsKey(p)).forEach(p -> unmapped.add(page.key() + " -> " + p));
        }
        assertThat(unmapped).as("pages taking ids that WebSecurityContract.IDS does not know; add a line saying "
                + "which id of a team they take").isEmpty();
    }

    @Test
    void anotherTeamsIdsAre404OnEveryPageAndFormWithoutLeaking() {
        Team them = y();
        Team us = x();
        pages().forEach(p -> {
            p.fill(them); // every fixture made before the snapshot
            p.fill(us);
        });
        var before = DatabaseSnapshot.take(jdbc);
        List<String> failures = new ArrayList<>();
        us.owner.get("/clients"); // the CSRF token for the forms
        us.member.get("/clients");
        for (Page page : pages()) {
            if (page.params().stream().allMatch(NOT_TEAM_SCOPED::containsKey)) {
                continue;
            }
            for (WebClient caller : List.of(us.owner, us.member)) {
                String path = page.fill(them);
                WebClient.Page r = page.method().equals("GET") ? caller.get(path)
                        : caller.post(path, FORMS.getOrDefault(page.key(), t -> Map.of()).apply(us));
                String who = (caller == us.owner ? "owner" : "member") + " of X: " + page.method() + " " + path;
                int expected = caller == us.member && OWNERS_ONLY.contains(page.key()) ? 403 : 404;
                if (r.status() != expected) {
                    failures.add(who + " answered " + r.status() + " " + r.location());
                }
                if (r.body() != null && r.body().contains("Yonder")) {
                    failures.add(who + " shows team Y's data");
                }
            }
        }
        assertThat(failures).as("another team's ids on pages").isEmpty();
        assertThat(DatabaseSnapshot.differences(before, DatabaseSnapshot.take(jdbc))).isEmpty();
    }

    @Test
    void theFormsAViewerMayPostAreExactlyThoseMarkedOwnAccount() {
        Set<String> marked = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.hasMethodAnnotation(OwnAccount.class)
                    && method.getBeanType().getPackageName().equals(WebSecurityContract.class.getPackageName())) {
                info.getPatternValues().forEach(path -> marked.add("POST " + path));
            }
        });
        Set<String> allowed = new TreeSet<>(VIEWER_MAY.keySet());
        allowed.remove("POST /logout"); // Spring Security's own filter, not a handler
        assertThat(marked).isEqualTo(allowed);
    }

    @Test
    void viewersCannotPostAnyFormAndNothingChanges() {
        Team us = x();
        pages().forEach(p -> p.fill(us));
        var before = DatabaseSnapshot.take(jdbc);
        List<String> failures = new ArrayList<>();
        us.viewer.get("/clients");
        int posted = 0;
        for (Page page : pages()) {
            if (page.method().equals("GET") || VIEWER_MAY.containsKey(page.key())) {
                continue;
            }
            String path = page.fill(us);
            WebClient.Page r = us.viewer.post(path, FORMS.getOrDefault(page.key(), t -> Map.of()).apply(us));
            boolean notTheirs = r.status() == 404 && page.params().stream().anyMatch(PRIVATE_TO_THEIR_AUTHOR::contains);
            if (r.status() != 403 && !notTheirs) {
                failures.add("POST " + path + " answered " + r.status() + " " + r.location()
                        + " (check the role before the form, or give a valid form in FORMS)");
            }
            posted++;
        }
        assertThat(failures).as("viewer form posts").isEmpty();
        assertThat(posted).isGreaterThan(20);
        assertThat(DatabaseSnapshot.differences(before, DatabaseSnapshot.take(jdbc))).isEmpty();
    }

    // ---- membership changes reach existing sessions ------------------------------------------

    @Test
    void aDemotedMembersSessionCannotWriteOnItsNextRequestAndARemovedMembersSessionEnds() {
        var owner = newTeam(Role.OWNER);
        var member = newMember(owner.user().teamId(), Role.MEMBER);
        WebClient browser = new WebClient(baseUrl());
        assertThat(browser.signIn(member.email(), PASSWORD).location()).isEqualTo("/");
        browser.get("/clients/new");
        var client = Map.of("name", "Before Demotion", "tier", "A", "status", "active", "kind", "external",
                "ownerId", Long.toString(member.userId().value()));
        WebClient.Page created = browser.post("/clients", client);
        assertThat(created.status()).as(errors(created)).isEqualTo(302);

        assertThat(owner.api().put("/api/v1/team/members/" + member.userId().value() + "/role",
                json("{'role':'viewer'}")).status()).isEqualTo(204);
        browser.get("/clients/new");
        WebClient.Page refused = browser.post("/clients", Map.of("name", "After Demotion", "tier", "A",
                "status", "active", "kind", "external", "ownerId", Long.toString(member.userId().value())));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Read-only access");

        assertThat(owner.api().delete("/api/v1/team/members/" + member.userId().value() + "?successorId="
                + owner.userId().value()).status()).isEqualTo(204);
        WebClient.Page gone = browser.get("/");
        assertThat(gone.status()).as("removed: signed out on the next request").isEqualTo(302);
        assertThat(gone.location()).endsWith("/login");
        assertThat(browser.get("/clients").status()).isEqualTo(302);
    }

    // ---- the fixture ------------------------------------------------------------------------

    /** A team with a signed-in owner, member and viewer (web sessions and tokens) and a few resources. */
    final class Team {
        final TeamId team;
        final WebClient owner;
        final WebClient member;
        final WebClient viewer;
        final String ownerToken;
        final String viewerToken;
        final String viewerEmail;
        final String memberId;
        final String client;
        final String promise;
        final String deal;
        final String entry;
        final String token;
        final Api memberApi;
        private final java.util.Map<String, String> more = new java.util.HashMap<>();

        Team(String prefix) {
            String name = prefix + " " + System.nanoTime();
            team = accounts.createTeam(name, "Europe/Amsterdam");
            Session o = newMember(team, Role.OWNER);
            Session m = newMember(team, Role.MEMBER);
            Session v = newMember(team, Role.VIEWER);
            ownerToken = tokenOf(o);
            viewerToken = tokenOf(v);
            viewerEmail = v.email();
            memberId = Long.toString(m.userId().value());
            Api api = m.api();
            memberApi = api;
            client = id(api.post("/api/v1/clients", json("{'name':'" + name + " Client','emails':['"
                    + prefix.toLowerCase(Locale.ROOT) + System.nanoTime() + "@example.com']}")));
            promise = id(api.post("/api/v1/clients/" + client + "/promises",
                    json("{'text':'" + name + " promise','dueOn':'2026-12-01'}")));
            deal = id(api.post("/api/v1/clients/" + client + "/deals", json("{'title':'" + name + " deal'}")));
            entry = id(api.post("/api/v1/journal/entries", json("{'day':'2026-11-23','minutes':30,"
                    + "'category':'email','note':'" + name + " entry'}")));
            token = id(api.post("/api/v1/tokens", json("{'name':'" + name + " token'}")));
            owner = signedIn(o.email());
            member = signedIn(m.email());
            viewer = signedIn(v.email());
        }

        /** A pending invitation of this team: its id and its secret. */
        String[] invitation() {
            String both = fixture("invitation", () -> {
                Response r = new Api(baseUrl(), ownerToken).post("/api/v1/team/invitations", json(
                        "{'email':'invitee-" + System.nanoTime() + "@example.com','role':'member'}"));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                return r.json().get("invitation").get("id").asLong() + " " + r.json().get("token").asString();
            });
            return both.split(" ");
        }

        /** The id of a resource of this kind, made by {@code make} on first use. */
        String fixture(String kind, java.util.function.Supplier<String> make) {
            return more.computeIfAbsent(kind, k -> make.get());
        }

        /** POSTs as the team's member through the API; the new resource's id. */
        String created(String path, String singleQuotedJson) {
            return id(memberApi.post(path, json(singleQuotedJson)));
        }

        private WebClient signedIn(String email) {
            WebClient browser = new WebClient(baseUrl());
            assertThat(browser.signIn(email, PASSWORD).location()).isEqualTo("/");
            return browser;
        }

        private static String tokenOf(Session s) {
            return s.api().post("/api/v1/tokens", json("{'name':'web test'}")).json().get("token").asString();
        }

        private static String id(Response r) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return Long.toString(r.json().get("id").asLong());
        }
    }

    /** The error messages on a re-rendered form, for failure messages. */
    static String errors(WebClient.Page page) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"[^\"]*(?:error|alert)[^\"]*\"[^>]*>([^<]*)<").matcher(page.body());
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out.toString();
    }
}
