package dev.rapport.web;

import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.rapport.exchange.ArchiveException;
import dev.rapport.exchange.ArchiveService;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.DatabaseSnapshot;
import dev.rapport.support.MailAppTestBase;
import dev.rapport.support.WebClient;
import dev.rapport.teams.Role;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Hostile input (OWASP ASVS 5.0 L2, issue #10): stored XSS in every text field rendered inert in
 * pages, the digest, the calendar feed and the exports; SQL metacharacters in search, filters and
 * sort; invalid UTF-8; path traversal in upload names and archive entries; open redirects after
 * sign-in; no stack traces, class names or SQL in any error; CSRF on every form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputContract extends MailAppTestBase {
    private static final String PASSWORD = "correct horse battery";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String JS_URL = "javascript:alert(1)";
    /** Tell-tales of an error that says too much. */
    static final List<String> LEAKS = List.of("Exception", "at dev.", "SQL", "org.h2", "org.postgresql",
            "org.springframework", "java.lang", "tools.jackson", "Whitelabel");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ArchiveService archives;

    private Hostile hostile;

    /** One team where every text field a member can write holds a payload. */
    final class Hostile {
        final Session me;
        final String client;
        final String promise;
        final String deal;
        final String entry;
        final String plan;
        final WebClient browser;

        Hostile() {
            TeamId team = accounts.createTeam(SCRIPT + " team", "Europe/Amsterdam");
            String email = "hostile" + System.nanoTime() + "@example.com";
            UserId id = accounts.createUser(team, email, IMG + " user", PASSWORD, Role.OWNER);
            var user = accounts.authenticate(email, PASSWORD).orElseThrow();
            me = new Session(new Api(baseUrl(), accounts.issueToken(user, SCRIPT).token()), user, email, id);
            Api api = me.api();
            client = created(api.post("/api/v1/clients", Api.JSON.writeValueAsString(Map.of(
                    "name", SCRIPT + " Client", "organisation", IMG, "tier", "A",
                    "emails", List.of("xss" + System.nanoTime() + "@example.com"),
                    "phones", List.of("+31 20 555 0100"), "addresses", List.of(JS_URL + " street " + SCRIPT),
                    "tags", List.of("tag" + IMG), "notes", SCRIPT + "\n" + JS_URL,
                    "competitors", List.of(Map.of("name", SCRIPT, "notes", IMG))))));
            created(api.post("/api/v1/clients/" + client + "/touches", Api.JSON.writeValueAsString(Map.of(
                    "channel", "phone", "minutes", 5, "note", SCRIPT + IMG + JS_URL))));
            promise = created(api.post("/api/v1/clients/" + client + "/promises", Api.JSON.writeValueAsString(Map.of(
                    "text", "promise " + SCRIPT + IMG, "dueOn", "2026-11-24"))));
            String template = created(api.post("/api/v1/deal-templates", Api.JSON.writeValueAsString(Map.of(
                    "name", "template " + SCRIPT, "milestones", List.of("first " + IMG, "second " + SCRIPT)))));
            deal = created(api.post("/api/v1/clients/" + client + "/deals", Api.JSON.writeValueAsString(Map.of(
                    "title", "deal " + SCRIPT + IMG, "templateId", Long.parseLong(template)))));
            Response category = api.post("/api/v1/journal/categories", Api.JSON.writeValueAsString(Map.of(
                    "code", "hostile", "label", "label " + SCRIPT, "categoryClass", "internal")));
            assertThat(category.status()).as(category.body()).isEqualTo(201);
            entry = created(api.post("/api/v1/journal/entries", Api.JSON.writeValueAsString(Map.of(
                    "day", "2026-11-23", "minutes", 30, "category", "hostile", "note", "entry " + SCRIPT + IMG,
                    "tags", List.of("t" + IMG)))));
            plan = created(api.post("/api/v1/clients/" + client + "/plans", Api.JSON.writeValueAsString(Map.of(
                    "name", "plan " + SCRIPT, "objectives", List.of("objective " + IMG),
                    "activities", List.of(Map.of("name", "activity " + SCRIPT, "frequency", "monthly",
                            "minutes", 30, "channel", "phone"))))));
            ok(api.post("/api/v1/clients/" + client + "/depth", Api.JSON.writeValueAsString(Map.of(
                    "current", 1, "target", 3, "note", "depth " + SCRIPT))));
            ok(api.put("/api/v1/top", json("{'clientIds':[" + client + "]}")));
            ok(api.post("/api/v1/top/" + client + "/rating", Api.JSON.writeValueAsString(Map.of(
                    "now", 3, "target", 9, "note", "rating " + IMG))));
            browser = new WebClient(baseUrl());
            assertThat(browser.signIn(email, PASSWORD).location()).isEqualTo("/");
        }

        private String created(Response r) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return Long.toString(r.json().get("id").asLong());
        }

        private void ok(Response r) {
            assertThat(r.status()).as(r.body()).isBetween(200, 204);
        }
    }

    Hostile hostile() {
        if (hostile == null) {
            hostile = new Hostile();
        }
        return hostile;
    }

    /** Raw markup a payload would leave behind if it were not escaped. */
    static List<String> unescaped(String body) {
        List<String> found = new ArrayList<>();
        String lower = body.toLowerCase(Locale.ROOT);
        for (String bad : List.of("<script>alert(1)", "<img src=x", "onerror=alert(1)>", "href=\"javascript:",
                "src=\"javascript:", "href='javascript:")) {
            if (lower.contains(bad)) {
                found.add(bad);
            }
        }
        return found;
    }

    // ---- stored XSS -------------------------------------------------------------------------

    @Test
    void storedPayloadsAreInertOnEveryPage() {
        Hostile h = hostile();
        Map<String, String> ids = Map.of("clients/{id}", h.client, "deals/{id}", h.deal, "promises/{id}", h.promise,
                "entries/{id}", h.entry, "members/{id}", Long.toString(h.me.userId().value()),
                "members/{userId}", Long.toString(h.me.userId().value()), "top/{clientId}", h.client,
                "queue/{id}", h.client);
        List<String> failures = new ArrayList<>();
        Set<String> pages = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().equals(getClass().getPackageName())) {
                continue;
            }
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String path : e.getKey().getPatternValues()) {
                String filled = path;
                Matcher m = Pattern.compile("([^/]+)/\\{(\\w+)}").matcher(path);
                boolean known = true;
                while (m.find()) {
                    String id = ids.get(m.group());
                    if (id == null) {
                        known = false;
                    } else {
                        filled = filled.replace("{" + m.group(2) + "}", id);
                    }
                }
                if (known) {
                    pages.add(filled);
                }
            }
        }
        pages.addAll(List.of("/journal?date=2026-11-23", "/journal/report?period=week&date=2026-11-23",
                "/clients?q=" + URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8), "/clients?tag=tag",
                "/clients/" + h.client + "/edit"));
        int withPayload = 0;
        for (String page : pages) {
            WebClient.Page r = h.browser.get(page);
            if (r.status() >= 500) {
                failures.add("GET " + page + " answered " + r.status());
            }
            String body = r.body() == null ? "" : r.body();
            String type = r.header("Content-Type") == null ? "" : r.header("Content-Type");
            if (r.status() == 200 && !type.startsWith("text/html")) {
                // downloads (CSV, vCard, the calendar): the data as written, never shown as a page
                if (!String.valueOf(r.header("Content-Disposition")).startsWith("attachment")
                        || !"nosniff".equals(r.header("X-Content-Type-Options"))) {
                    failures.add("GET " + page + " answers " + type + " but not as a download");
                }
                continue;
            }
            List<String> raw = unescaped(body);
            if (!raw.isEmpty()) {
                failures.add("GET " + page + " renders unescaped " + raw);
            }
            if (body.contains("&lt;script&gt;alert(1)&lt;/script&gt;")) {
                withPayload++;
            }
        }
        assertThat(failures).isEmpty();
        assertThat(pages).as("pages checked").hasSizeGreaterThan(15);
        assertThat(withPayload).as("pages showing the payload escaped").isGreaterThan(8);
        String client = h.browser.get("/clients/" + h.client).body();
        assertThat(client).contains("&lt;script&gt;alert(1)&lt;/script&gt; Client")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;").doesNotContain("href=\"javascript:");
    }

    @Test
    void theDigestEscapesEveryField() throws Exception {
        Hostile h = hostile();
        assertThat(h.me.api().post("/api/v1/me/digest/test", null).status()).isBetween(200, 204);
        List<MimeMessage> mail = mailTo(h.me.email());
        assertThat(mail).isNotEmpty();
        MimeMultipart parts = (MimeMultipart) mail.get(mail.size() - 1).getContent();
        String html = parts.getBodyPart(1).getContent().toString();
        assertThat(unescaped(html)).isEmpty();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; Client");
        assertThat(mail.get(mail.size() - 1).getSubject()).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void theCalendarFeedEscapesTextAndCannotBeInjected() throws Exception {
        Session me = newTeam(Role.MEMBER);
        String name = "Evil, Inc; \\ \"quoted\" " + SCRIPT;
        Response c = me.api().post("/api/v1/clients", Api.JSON.writeValueAsString(Map.of("name", name, "tier", "A")));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        String injected = "call back\r\nX-INJECTED:1\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:forged";
        Response p = me.api().post("/api/v1/clients/" + c.json().get("id").asLong() + "/promises",
                Api.JSON.writeValueAsString(Map.of("text", injected, "dueOn", "2026-11-25")));
        assertThat(p.status()).as(p.body()).isIn(201, 422);
        String url = baseUrl() + me.api().post("/api/v1/me/calendar-feed", null).json().get("url").asString()
                .replaceFirst("^https?://[^/]+", ""); // the feed names the public URL; ask this server
        HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        String unfolded = feed.body().replace("\r\n ", "").replace("\r\n\t", "");
        assertThat(unfolded.lines().filter(l -> l.startsWith("X-INJECTED") || l.startsWith("SUMMARY:forged")))
                .as("lines a field could inject").isEmpty();
        assertThat(unfolded).contains("Evil\\, Inc\\; \\\\ \"quoted\"");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<String> summaries = calendar.<VEvent>getComponents("VEVENT").stream()
                .map(e -> e.getSummary() == null ? "" : e.getSummary().getValue()).toList();
        assertThat(summaries).anyMatch(s -> s.contains(name));
        if (p.status() == 201) {
            assertThat(summaries).anyMatch(s -> s.contains("call back\nX-INJECTED:1") || s.contains("call back"));
        }
    }

    @Test
    void csvExportNeutralisesFormulasAndVCardExportCannotBeInjected() throws Exception {
        Session me = newTeam(Role.MEMBER);
        List<String> formulas = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(1)");
        for (String f : formulas) {
            Response r = me.api().post("/api/v1/clients", Api.JSON.writeValueAsString(Map.of("name", f,
                    "organisation", f, "notes", f, "tags", List.of("t" + f.length()))));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        String notes = "line\r\nX-INJECTED:1\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:forged";
        Response r = me.api().post("/api/v1/clients", Api.JSON.writeValueAsString(Map.of("name", "Vcard " + SCRIPT,
                "notes", notes)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        Response csv = me.api().get("/api/v1/exports/clients.csv");
        assertThat(csv.status()).isEqualTo(200);
        List<String> cells = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv.body())) {
            reader.forEach(rec -> cells.addAll(rec.getFields()));
        }
        assertThat(cells).filteredOn(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0)
                .as("cells a spreadsheet would run").isEmpty();
        assertThat(cells).contains("'=HYPERLINK(\"http://evil.example\",\"x\")", "'+1+1", "'-2+3", "'@SUM(1)");

        Response vcf = me.api().get("/api/v1/exports/clients.vcf");
        assertThat(vcf.status()).isEqualTo(200);
        List<VCard> cards = Ezvcard.parse(vcf.body()).all();
        assertThat(cards).hasSize(formulas.size() + 1);
        assertThat(cards).noneMatch(card -> card.getExtendedProperty("X-INJECTED") != null);
        assertThat(cards).noneMatch(card -> "forged".equals(card.getFormattedName().getValue()));
        VCard hostileCard = cards.stream().filter(card -> card.getFormattedName().getValue().startsWith("Vcard"))
                .findFirst().orElseThrow();
        assertThat(hostileCard.getFormattedName().getValue()).isEqualTo("Vcard " + SCRIPT);
        assertThat(hostileCard.getNotes().get(0).getValue().replace("\r\n", "\n"))
                .isEqualTo(notes.replace("\r\n", "\n"));
    }

    // ---- SQL metacharacters -----------------------------------------------------------------

    @Test
    void sqlMetacharactersInSearchAreLiteralText() {
        Session me = newTeam(Role.MEMBER);
        for (String name : List.of("Plain Person", "Hundred % Sure", "Under_Score", "Back\\Slash", "O'Brien")) {
            Response r = me.api().post("/api/v1/clients", Api.JSON.writeValueAsString(Map.of("name", name)));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        assertThat(names(me, "' OR 1=1 --")).isEmpty();
        assertThat(names(me, "' OR '1'='1")).isEmpty();
        assertThat(names(me, "%")).containsExactly("Hundred % Sure");
        assertThat(names(me, "_")).containsExactly("Under_Score");
        assertThat(names(me, "\\")).containsExactly("Back\\Slash");
        assertThat(names(me, "'")).containsExactly("O'Brien");
        assertThat(names(me, "o'b")).containsExactly("O'Brien");
        assertThat(names(me, "\"; DROP TABLE clients; --")).isEmpty();
        assertThat(names(me, "")).hasSize(5);
    }

    private static List<String> names(Session me, String q) {
        Response r = me.api().get("/api/v1/clients?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.status()).as(q + ": " + r.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.json().get("items").forEach(c -> names.add(c.get("name").asString()));
        return names;
    }

    @Test
    void sqlMetacharactersInEveryFilterAndSortAreRefusedOrMatchNothingButNeverFail() {
        Hostile h = hostile();
        List<String> values = List.of("' OR 1=1 --", "%", "_", "\\", "1; DROP TABLE clients", "\u0000", "'\"`)",
                "name DESC; --", "-1", "99999999999999999999", "../../etc/passwd");
        List<String> failures = new ArrayList<>();
        for (String v : values) {
            String e = URLEncoder.encode(v, StandardCharsets.UTF_8);
            for (String path : List.of("/api/v1/clients?q=", "/api/v1/clients?tag=", "/api/v1/clients?tier=",
                    "/api/v1/clients?status=", "/api/v1/clients?kind=", "/api/v1/clients?ownerId=",
                    "/api/v1/clients?cursor=", "/api/v1/clients?limit=", "/api/v1/clients?includeArchived=",
                    "/api/v1/exports/clients.csv?q=", "/api/v1/exports/clients.csv?tier=", "/api/v1/promises?status=",
                    "/api/v1/team/audit?cursor=", "/api/v1/clients/" + h.client + "/timeline?cursor=",
                    "/api/v1/journal/entries?from=", "/api/v1/queue?date=", "/api/v1/reports/challenge?period=",
                    "/api/v1/team/dashboard?period=", "/api/v1/team/members/" + h.me.userId().value()
                            + "/overdue?kind=")) {
                Response r = h.me.api().get(path + e);
                if (r.status() >= 500 || (r.status() >= 400 && r.status() != 400 && r.status() != 422
                        && r.status() != 404)) {
                    failures.add("GET " + path + v + " answered " + r.status());
                }
                leaks("GET " + path + v, r.body(), failures);
                if (r.status() == 200 && path.contains("clients?") && !path.endsWith("limit=")
                        && r.json().has("items") && v.startsWith("' OR")) {
                    if (!r.json().get("items").isEmpty()) {
                        failures.add("GET " + path + v + " matched " + r.json().get("items").size() + " clients");
                    }
                }
            }
            for (String path : List.of("/clients?q=", "/clients?sort=", "/clients?tier=", "/clients?status=",
                    "/clients?kind=", "/clients?tag=", "/clients?cursor=", "/clients?overdue=", "/clients?archived=",
                    "/journal?date=", "/journal/report?period=", "/journal/report?date=", "/team?period=",
                    "/team/audit?cursor=", "/promises?status=", "/clients/export.csv?sort=", "/?date=")) {
                WebClient.Page r = h.browser.get(path + e);
                if (r.status() >= 500 || (r.status() >= 400 && r.status() != 400 && r.status() != 404)) {
                    failures.add("GET " + path + v + " answered " + r.status());
                }
                leaks("GET " + path + v, r.body(), failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    // ---- invalid UTF-8 ----------------------------------------------------------------------

    @Test
    void invalidUtf8InAJsonBodyIsA400Problem() throws Exception {
        Hostile h = hostile();
        var before = DatabaseSnapshot.take(jdbc);
        List<byte[]> bodies = List.of(bytes("{\"name\":\"", 0xC3, 0x28, "\"}"), bytes("{\"name\":\"", 0xFF, "\"}"),
                bytes("{\"name\":\"", 0xC0, 0xAF, "\"}"), bytes("{\"name\":\"", 0xED, 0xA0, 0x80, "\"}"),
                bytes("{\"name\":\"", 0xF8, 0x88, 0x80, 0x80, 0x80, "\"}"), bytes("{\"name\":\"", 0xE2, 0x82, "\"}"));
        for (String path : List.of("/api/v1/clients", "/api/v1/clients/" + h.client + "/touches",
                "/api/v1/journal/entries/quick", "/api/v1/auth/tokens")) {
            for (byte[] body : bodies) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(baseUrl() + path)).header("Authorization", "Bearer " + h.me.api().token())
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(400);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                List<String> failures = new ArrayList<>();
                leaks(path, r.body(), failures);
                assertThat(failures).isEmpty();
            }
        }
        assertThat(DatabaseSnapshot.differences(before, DatabaseSnapshot.take(jdbc))).isEmpty();
    }

    @Test
    void undecodableAndTooManyParametersAre400ProblemsThatSayWhich() throws Exception {
        Hostile h = hostile();
        String many = java.util.stream.IntStream.range(0, 1001).mapToObj(i -> "p" + i + "=1")
                .collect(java.util.stream.Collectors.joining("&"));
        Map<String, String> expected = Map.of("/api/v1/clients?" + many, "too many query or form parameters",
                "/api/v1/clients?q=%ff", "not valid percent-encoded UTF-8",
                "/api/v1/clients?q=a%00b", "contains a NUL character");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl() + e.getKey())).header("Authorization", "Bearer " + h.me.api().token())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json").contains("UTF-8");
            assertThat(r.body()).contains(e.getValue()).contains("\"requestId\"");
        }
        assertThat(h.browser.get("/error").status()).isEqualTo(404);
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }

    // ---- path traversal ---------------------------------------------------------------------

    @Test
    void uploadFileNamesCannotReachOutsideAndAreReportedWithoutTheirPath() throws Exception {
        Session me = newTeam(Role.MEMBER);
        String marker = "rapport-traversal-" + System.nanoTime();
        byte[] vcf = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Traversal " + marker + "\r\nEND:VCARD\r\n")
                .getBytes(StandardCharsets.UTF_8);
        List<Path> roots = List.of(Path.of("").toAbsolutePath(), Path.of(System.getProperty("java.io.tmpdir")),
                Path.of("/etc"), Path.of("/"));
        for (String name : List.of("../../" + marker + ".vcf", "/" + marker + ".vcf", "..\\..\\" + marker + ".vcf",
                "/etc/passwd", "../../../../../../etc/" + marker + ".vcf", "C:\\Windows\\" + marker + ".vcf")) {
            Response r = me.api().upload("/api/v1/imports", name, vcf, Map.of("dryRun", "true", "format", "vcard"));
            assertThat(r.status()).as(name + ": " + r.body()).isIn(200, 422);
            if (r.status() == 200) {
                String reported = r.json().get("filename").asString();
                assertThat(reported).as("the reported name of " + name).doesNotContain("/").doesNotContain("\\")
                        .doesNotContain("..");
            }
        }
        for (Path root : roots) {
            List<Path> candidates = new ArrayList<>(List.of(root.resolve(marker + ".vcf"),
                    root.resolve("etc").resolve(marker + ".vcf")));
            if (root.getParent() != null) {
                candidates.add(root.getParent().resolve(marker + ".vcf"));
            }
            for (Path p : candidates) {
                assertThat(Files.exists(p)).as(p.toString()).isFalse();
            }
        }
        try (var files = Files.walk(Path.of(System.getProperty("java.io.tmpdir")), 2)) {
            assertThat(files.filter(p -> p.getFileName() != null && p.getFileName().toString().contains(marker)))
                    .as("files named after the upload").isEmpty();
        } catch (java.io.UncheckedIOException e) {
            // a directory another process removed while walking: nothing of ours
        }
    }

    @Test
    void archiveEntriesThatEscapeADirectoryAreRefusedBeforeAnythingIsWritten() throws Exception {
        var before = DatabaseSnapshot.take(jdbc);
        List<String> refused = new ArrayList<>();
        for (String entry : List.of("../../etc/passwd", "/etc/passwd", "data/../../evil.jsonl", "data/../manifest.json",
                "..\\..\\evil.jsonl", "data/x.jsonl/../../y", "C:/evil.jsonl", "data/evil.jsonl\u0000.txt")) {
            Path zip = Files.createTempFile("rapport-hostile", ".zip");
            try {
                try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
                    z.putNextEntry(new ZipEntry("manifest.json"));
                    z.write(("{\"format\":\"rapport-archive\",\"formatVersion\":1,\"teams\":[{\"id\":1,\"name\":\"x\"}],"
                            + "\"files\":[]}").getBytes(StandardCharsets.UTF_8));
                    z.closeEntry();
                    z.putNextEntry(new ZipEntry(entry));
                    z.write("owned\n".getBytes(StandardCharsets.UTF_8));
                    z.closeEntry();
                }
                for (Runnable attempt : List.<Runnable>of(() -> ArchiveService.inspect(zip),
                        () -> ArchiveService.verify(zip), () -> archives.importArchive(zip))) {
                    try {
                        attempt.run();
                        throw new AssertionError("an archive with the entry '" + entry + "' was accepted");
                    } catch (ArchiveException e) {
                        assertThat(e.getMessage()).contains("unexpected entry");
                        refused.add(entry);
                    }
                }
                assertThat(zip.getParent().resolve("evil.jsonl")).doesNotExist();
            } finally {
                Files.deleteIfExists(zip);
            }
        }
        assertThat(refused).hasSize(24);
        assertThat(DatabaseSnapshot.differences(before, DatabaseSnapshot.take(jdbc))).isEmpty();
    }

    // ---- open redirects after sign-in -------------------------------------------------------

    @Test
    void signingInNeverRedirectsOffSite() throws Exception {
        Session me = newTeam(Role.MEMBER);
        for (String start : List.of("/login?continue=https://evil.example", "/login?continue=//evil.example",
                "/login?redirect=https://evil.example", "/login?next=//evil.example&continue",
                "//evil.example", "/%5Cevil.example", "/clients?continue=https://evil.example")) {
            WebClient browser = new WebClient(baseUrl());
            browser.get(start);
            WebClient.Page signedIn = browser.signIn(me.email(), PASSWORD);
            assertThat(signedIn.status()).as(start).isEqualTo(302);
            assertOnSite(start, signedIn.header("Location"));
        }
        // a saved request whose Host (or X-Forwarded-Host) names another site
        for (String header : List.of("Host: evil.example", "Host: evil.example:" + port,
                "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https\r\nX-Forwarded-Host: evil.example")) {
            String session = rawGet("/clients", header);
            assertThat(session).as(header).isNotNull();
            WebClient browser = new WebClient(baseUrl());
            browser.setCookie(WebClient.SESSION_COOKIE, session);
            WebClient.Page signedIn = browser.signIn(me.email(), PASSWORD);
            assertThat(signedIn.status()).as(header).isEqualTo(302);
            assertOnSite(header, signedIn.header("Location"));
            assertThat(signedIn.location()).as(header + ": back to the page asked for").startsWith("/clients");
        }
    }

    private void assertOnSite(String what, String location) {
        assertThat(location).as(what).isNotNull();
        URI uri = URI.create(location);
        if (uri.getHost() != null || location.startsWith("//")) {
            assertThat(uri.getHost()).as(what + " -> " + location).isEqualTo("localhost");
        }
        assertThat(location).as(what).doesNotContain("evil.example");
    }

    /** A GET with raw headers (the JDK client refuses to set Host); the session cookie it was given. */
    private String rawGet(String path, String headers) throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            OutputStream out = s.getOutputStream();
            String host = headers.startsWith("Host:") ? "" : "Host: localhost:" + port + "\r\n";
            out.write(("GET " + path + " HTTP/1.1\r\n" + host + headers + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            Matcher m = Pattern.compile("Set-Cookie: " + WebClient.SESSION_COOKIE + "=([^;\\r\\n]+)",
                    Pattern.CASE_INSENSITIVE).matcher(response);
            return m.find() ? m.group(1) : null;
        }
    }

    /**
     * Requests Tomcat refuses before any servlet runs (an encoded NUL in the path, a bad character in
     * the request line, a Host header that is no host name, no HTTP at all): a problem document like
     * every other error, not Tomcat's HTML page.
     */
    @Test
    void requestsTheServerCannotReadAreAnsweredWithAProblem() throws IOException {
        for (String request : List.of("GET /api/v1/clients%00x HTTP/1.1\r\nHost: localhost\r\n",
                "GET /clients%00x HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n",
                "GET /api/v1/clients|x HTTP/1.1\r\nHost: localhost\r\n",
                "GET /api/v1/clients HTTP/1.1\r\nHost: local host\r\n", "GARBAGE\r\n")) {
            String response = raw(request + "Connection: close\r\n\r\n");
            String what = request.substring(0, request.indexOf('\r'));
            assertThat(response).as(what).startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"status\":400", "\"title\":\"Bad Request\"")
                    .doesNotContain("<html", "Tomcat");
        }
    }

    private String raw(String request) throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    // ---- no internals in errors -------------------------------------------------------------

    @Test
    void noErrorAnswerShowsAStackTraceAClassNameOrSql() throws Exception {
        Hostile h = hostile();
        List<String> failures = new ArrayList<>();
        Api api = h.me.api();
        Map<String, Response> answers = new LinkedHashMap<>();
        answers.put("malformed JSON", api.post("/api/v1/clients", "{\"name\":"));
        answers.put("JSON array for an object", api.post("/api/v1/clients", "[1,2]"));
        answers.put("wrong type", api.post("/api/v1/clients", "{\"name\":{\"a\":1}}"));
        answers.put("huge number", api.post("/api/v1/clients/" + h.client + "/touches",
                "{\"channel\":\"phone\",\"minutes\":99999999999999999999999}"));
        answers.put("bad date", api.post("/api/v1/clients/" + h.client + "/promises", "{\"text\":\"x\",\"dueOn\":\"2026-13-45\"}"));
        answers.put("bad instant", api.post("/api/v1/clients/" + h.client + "/touches", "{\"channel\":\"phone\",\"at\":\"yesterday\"}"));
        answers.put("unknown field", api.post("/api/v1/clients", "{\"name\":\"x\",\"__proto__\":{}}"));
        answers.put("deep nesting", api.post("/api/v1/clients", "[".repeat(5000)));
        answers.put("long string", api.post("/api/v1/clients", "{\"name\":\"" + "x".repeat(200_000) + "\"}"));
        answers.put("NUL in name", api.post("/api/v1/clients", "{\"name\":\"a\\u0000b\"}"));
        answers.put("empty body", api.post("/api/v1/clients", ""));
        answers.put("id overflow", api.get("/api/v1/clients/99999999999999999999"));
        answers.put("id not a number", api.get("/api/v1/clients/abc"));
        answers.put("negative id", api.get("/api/v1/clients/-1"));
        answers.put("limit not a number", api.get("/api/v1/clients?limit=abc"));
        answers.put("limit negative", api.get("/api/v1/clients?limit=-5"));
        answers.put("limit huge", api.get("/api/v1/clients?limit=2147483648"));
        answers.put("cursor garbage", api.get("/api/v1/clients?cursor=%25%00%ff"));
        answers.put("unknown path", api.get("/api/v1/no-such-thing"));
        answers.put("method not allowed", api.send("PATCH", "/api/v1/clients", "{}"));
        answers.put("delete collection", api.delete("/api/v1/clients"));
        answers.put("bad token", new Api(baseUrl(), "rp_' OR 1=1 --").get("/api/v1/me"));
        answers.put("no token", new Api(baseUrl(), null).get("/api/v1/clients"));
        answers.put("quick entry overflow", api.post("/api/v1/journal/entries/quick",
                "{\"text\":\"99999999999999999999m email\",\"date\":\"2026-11-23\"}"));
        answers.put("quick entry hours overflow", api.post("/api/v1/journal/entries/quick",
                "{\"text\":\"99999999999999999999999999999999999999h email\",\"date\":\"2026-11-23\"}"));
        answers.put("import without file", api.post("/api/v1/imports", "{}"));
        answers.put("import binary", api.upload("/api/v1/imports", "x.vcf", new byte[] {0, 1, 2, (byte) 0xFF},
                Map.of()));
        answers.put("import bad mapping", api.upload("/api/v1/imports", "x.csv", "Name\nAda\n".getBytes(
                StandardCharsets.UTF_8), Map.of("map", "===,,x=")));
        answers.put("import bad delimiter", api.upload("/api/v1/imports", "x.csv", "Name\nAda\n".getBytes(
                StandardCharsets.UTF_8), Map.of("delimiter", "'")));
        answers.put("unknown report period", api.get("/api/v1/reports/challenge?period=%27%20OR%201%3D1"));
        answers.put("reversed range", api.get("/api/v1/reports/challenge?from=2026-12-01&to=2026-01-01"));
        answers.put("huge range", api.get("/api/v1/journal/entries?from=0001-01-01&to=9999-12-31"));
        for (Map.Entry<String, Response> e : answers.entrySet()) {
            Response r = e.getValue();
            if (r.status() >= 500 || r.status() < 400) {
                failures.add("API " + e.getKey() + " answered " + r.status() + ": " + abbreviate(r.body()));
            }
            leaks("API " + e.getKey(), r.body(), failures);
        }
        for (String path : List.of("/clients/abc", "/clients/99999999999999999999", "/clients/-1", "/no-such-page",
                "/clients?cursor=%25%00", "/journal?date=2026-13-45", "/journal/report?period=x", "/error",
                "/clients/" + h.client + "/edit?x=%ff", "/team/members/abc/overdue", "/ical/'%20OR%201=1.ics",
                "/ical/..%2f..%2fetc%2fpasswd.ics", "/clients/%2e%2e/%2e%2e/etc/passwd", "/webjars/../application.properties",
                "/clients;jsessionid=x", "/%00", "/clients/%c0%af")) {
            WebClient.Page r = h.browser.get(path);
            if (r.status() >= 500) {
                failures.add("web GET " + path + " answered " + r.status());
            }
            leaks("web GET " + path, r.body(), failures);
        }
        h.browser.get("/journal");
        for (Map.Entry<String, Map<String, String>> post : Map.of(
                "/journal/entries", Map.of("text", "99999999999999999999m email", "date", "2026-11-23"),
                "/clients", Map.of("name", "x", "tier", "' OR 1=1", "status", "%", "kind", "_", "ownerId", "abc"),
                "/clients/" + h.client + "/touches", Map.of("channel", "\\", "minutes", "1e99", "who", "'"),
                "/clients/" + h.client + "/promises", Map.of("text", SCRIPT, "dueOn", "not-a-date"),
                "/plans/capacity", Map.of("hoursPerMonth", "NaN"),
                "/queue/" + h.client + "/snooze", Map.of("until", "9999999-01-01", "reason", SCRIPT)).entrySet()) {
            WebClient.Page r = h.browser.post(post.getKey(), post.getValue());
            if (r.status() >= 500) {
                failures.add("web POST " + post.getKey() + " answered " + r.status());
            }
            leaks("web POST " + post.getKey(), r.body(), failures);
            if (!unescaped(r.body() == null ? "" : r.body()).isEmpty()) {
                failures.add("web POST " + post.getKey() + " echoes the input unescaped");
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Well-formed input that no business holds: refused naming the field, never stored to break a page later. */
    @Test
    void implausibleDatesAmountsAndShapesAreRefusedNamingTheField() throws Exception {
        Hostile h = hostile();
        Api api = h.me.api();
        String clients = "/api/v1/clients/" + h.client;
        Map<String, Response> refused = new LinkedHashMap<>();
        refused.put("dueOn", api.post(clients + "/promises", json("{'text':'someday','dueOn':'+999999999-12-31'}")));
        refused.put("madeOn", api.post(clients + "/promises",
                json("{'text':'long ago','dueOn':'2026-12-01','madeOn':'0000-01-01'}")));
        refused.put("signedOn", api.put(clients, json("{'name':'x','tier':'A','signedOn':'+10000-01-01'}")));
        refused.put("until", api.post("/api/v1/queue/" + h.client + "/snooze",
                json("{'until':'+999999999-12-31','reason':'later'}")));
        refused.put("date", api.get("/api/v1/journal/day?date=-999999999-01-01"));
        refused.put("amount", api.post(clients + "/deals", json("{'title':'Big','amount':10000000000000}")));
        refused.put("amount ", api.post(clients + "/deals", json("{'title':'Odd','amount':1.239}")));
        refused.put("active", api.put("/api/v1/plans/" + h.plan + "/active", "{}"));
        refused.put("limit", api.get("/api/v1/team/audit?limit=0"));
        refused.put("limit ", api.get("/api/v1/team/members/" + h.me.userId().value() + "/overdue?limit=-1"));
        refused.put("body", api.post("/api/v1/clients", json("{'name':'Nested','tier':'A','tags':[['a']]}")));
        for (Map.Entry<String, Response> e : refused.entrySet()) {
            Response r = e.getValue();
            assertThat(r.status()).as(e.getKey() + ": " + r.body()).isBetween(400, 422);
            assertThat(r.body()).as(e.getKey()).contains("\"" + e.getKey().strip() + "\"");
        }
        assertThat(api.get("/api/v1/plans/" + h.plan).json().get("active").asBoolean()).isTrue();
        Response longNumber = api.put("/api/v1/me/digest", "{\"hour\":" + "1".repeat(1001) + "}");
        assertThat(longNumber.status()).isEqualTo(400);
        assertThat(longNumber.body()).contains("exceeds the maximum allowed (1000)").doesNotContain("StreamReadConstraints");
        // the pages that once broke on a stored far-future date
        assertThat(h.browser.get("/clients/" + h.client).status()).isEqualTo(200);
        assertThat(h.browser.get("/promises").status()).isEqualTo(200);
    }

    /** Random tokens in a page (the CSRF token) may spell "SQL" by chance: they are not an error's words. */
    private static final Pattern TOKEN = Pattern.compile("\"[A-Za-z0-9_\\-]{40,}\"");

    private static void leaks(String what, String raw, List<String> failures) {
        if (raw == null) {
            return;
        }
        String body = TOKEN.matcher(raw).replaceAll("\"token\"");
        for (String leak : LEAKS) {
            int at = body.indexOf(leak);
            if (at >= 0) {
                failures.add(what + " shows '" + leak + "': ..." + abbreviate(body.substring(Math.max(0, at - 150),
                        Math.min(body.length(), at + 150))));
            }
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    // ---- CSRF -------------------------------------------------------------------------------

    @Test
    void everyFormPostWithoutTheCsrfTokenIs403AndChangesNothing() {
        Hostile h = hostile();
        Map<String, String> ids = Map.of("clients/{id}", h.client, "deals/{id}", h.deal, "promises/{id}", h.promise,
                "entries/{id}", h.entry, "members/{id}", Long.toString(h.me.userId().value()),
                "members/{userId}", Long.toString(h.me.userId().value()), "top/{clientId}", h.client,
                "queue/{id}", h.client, "tokens/{id}", "1", "invitations/{id}", "1");
        Set<String> posts = new TreeSet<>(List.of("/login", "/logout"));
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().equals(getClass().getPackageName())) {
                continue;
            }
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.POST)) {
                continue;
            }
            for (String path : e.getKey().getPatternValues()) {
                if (path.equals("/digest/unsubscribe")) {
                    continue; // RFC 8058 one-click unsubscribe: mail providers post it without a token (a secret in the link)
                }
                String filled = path;
                Matcher m = Pattern.compile("([^/]+)/\\{(\\w+)}").matcher(path);
                while (m.find()) {
                    filled = filled.replace("{" + m.group(2) + "}", ids.getOrDefault(m.group(), "token-" + m.group(2)));
                }
                posts.add(filled);
            }
        }
        assertThat(posts).as("form posts").hasSizeGreaterThan(40);
        var before = DatabaseSnapshot.take(jdbc);
        List<String> failures = new ArrayList<>();
        for (String path : posts) {
            for (String token : List.of("", "forged-" + System.nanoTime())) {
                WebClient.Page r = postRaw(h.browser, path, token, Map.of("name", "csrf " + SCRIPT, "text", "30m email",
                        "email", h.me.email(), "password", PASSWORD));
                if (r.status() != 403) {
                    failures.add("POST " + path + (token.isEmpty() ? " without a token" : " with a forged token")
                            + " answered " + r.status() + " " + r.location());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(h.browser.get("/").status()).as("still signed in: the refused logout did nothing").isEqualTo(200);
        assertThat(DatabaseSnapshot.differences(before, DatabaseSnapshot.take(jdbc))).isEmpty();
    }

    /** A form post with the session cookie but the given CSRF token (none when empty). */
    private WebClient.Page postRaw(WebClient browser, String path, String token, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        if (!token.isEmpty()) {
            body.append("&_csrf=").append(token);
        }
        try {
            HttpResponse<String> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path))
                            .header("Cookie", WebClient.SESSION_COOKIE + "=" + browser.cookie(WebClient.SESSION_COOKIE))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new WebClient.Page(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
