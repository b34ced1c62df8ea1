package dev.rapport.api;

import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.Multipart;
import dev.rapport.teams.Role;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.property.Address;
import tools.jackson.databind.JsonNode;

/** Contact import and client export through the REST API; runs once per database. */
abstract class ImportContract extends AppTestBase {
    @Autowired
    JdbcClient jdbc;

    static byte[] fixture(String name) {
        try (InputStream in = new ClassPathResource("exchange/" + name).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response upload(Session s, String name, Map<String, String> fields) {
        return s.api().upload("/api/v1/imports", name, fixture(name), fields);
    }

    static Response upload(Session s, String name, byte[] content, Map<String, String> fields) {
        return s.api().upload("/api/v1/imports", name, content, fields);
    }

    long clientsOf(Session s) {
        return jdbc.sql("SELECT COUNT(*) FROM client WHERE team_id = ?").param(s.user().teamId().value())
                .query(Long.class).single();
    }

    static List<String> names(Session s, String query) {
        List<String> names = new ArrayList<>();
        s.api().get("/api/v1/clients?limit=200" + query).json().get("items")
                .forEach(c -> names.add(c.get("name").asString()));
        return names;
    }

    static JsonNode client(Session s, String name) {
        for (JsonNode c : s.api().get("/api/v1/clients?limit=200&includeArchived=true").json().get("items")) {
            if (c.get("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no client " + name);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() {
        var s = newTeam(Role.MEMBER);
        Response dry = upload(s, "apple-3.0.vcf", Map.of("dryRun", "true"));
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        JsonNode r = dry.json();
        assertThat(r.get("dryRun").asBoolean()).isTrue();
        assertThat(r.get("format").asString()).isEqualTo("vcard");
        assertThat(r.get("source").asString()).isEqualTo("vCard 3.0");
        assertThat(r.get("encoding").asString()).isEqualTo("UTF-8");
        assertThat(r.get("records").asLong()).isEqualTo(4);
        assertThat(r.get("created").asLong()).isEqualTo(4);
        assertThat(r.get("photosDropped").asLong()).isEqualTo(1);
        assertThat(r.get("changes").get(0).get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(r.get("changes").get(0).get("outcome").asString()).isEqualTo("created");
        assertThat(r.get("changes").get(0).get("clientId").isNull()).isTrue();
        assertThat(clientsOf(s)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM client_external_id WHERE team_id = ?")
                .param(s.user().teamId().value()).query(Long.class).single()).isZero();
    }

    @Test
    void importingTheSameFilesAgainCreatesNoDuplicatesAndOtherFormatsMergeByEmail() {
        var s = newTeam(Role.MEMBER);
        Response first = upload(s, "apple-3.0.vcf", Map.of());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asLong()).isEqualTo(4);
        JsonNode ada = client(s, "Ada Lovelace");
        assertThat(strings(ada.get("emails"))).containsExactly("ada@engines.example", "ada.home@example.org");
        assertThat(strings(ada.get("tags"))).containsExactly("seller", "vip");
        assertThat(ada.get("organisation").asString()).isEqualTo("Analytical Engines Ltd");
        assertThat(ada.get("tier").asString()).isEqualTo("C");
        assertThat(ada.get("ownerId").asLong()).isEqualTo(s.userId().value());
        assertThat(client(s, "山田 太郎").get("organisation").asString()).isEqualTo("株式会社サンプル");

        // the same file again: matched by UID, nothing new, nothing changed
        JsonNode again = upload(s, "apple-3.0.vcf", Map.of()).json();
        assertThat(again.get("created").asLong()).isZero();
        assertThat(again.get("updated").asLong()).isZero();
        assertThat(again.get("unchanged").asLong()).isEqualTo(4);
        assertThat(clientsOf(s)).isEqualTo(4);

        // Google's CSV of the same people: matched by email, adds what they lacked, keeps names
        JsonNode google = upload(s, "google.csv", Map.of()).json();
        assertThat(google.get("source").asString()).isEqualTo("Google CSV");
        assertThat(google.get("created").asLong()).isZero();
        // Ada gains an email and a label, Taro a label; Anna has everything already
        assertThat(google.get("updated").asLong()).isEqualTo(2);
        assertThat(google.get("unchanged").asLong()).isEqualTo(1);
        assertThat(google.get("rejected").asLong()).isEqualTo(1);
        assertThat(google.get("changes").get(0).get("matchedBy").asString()).isEqualTo("email");
        assertThat(google.get("changes").get(0).get("clientId").asLong()).isEqualTo(ada.get("id").asLong());
        JsonNode merged = client(s, "Ada Lovelace");
        assertThat(strings(merged.get("emails"))).containsExactly("ada@engines.example", "ada.home@example.org",
                "ada.alt@engines.example");
        assertThat(strings(merged.get("tags"))).containsExactly("seller", "starred", "vip");
        // the same phones written differently are the same phones
        assertThat(strings(merged.get("phones"))).containsExactly("+44 20 7946 0018", "(020) 7946-0019");
        assertThat(merged.get("notes").asString()).startsWith("Met at the Difference Engine demo.");
        assertThat(upload(s, "google.csv", Map.of()).json().get("unchanged").asLong()).isEqualTo(3);
        assertThat(clientsOf(s)).isEqualTo(4);
    }

    @Test
    void aCorruptCardInTheMiddleIsRejectedWithItsLineAndTheOthersAreImported() {
        var s = newTeam(Role.MEMBER);
        Response r = upload(s, "corrupt-middle.vcf", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("created").asLong()).isEqualTo(3);
        assertThat(r.json().get("rejected").asLong()).isEqualTo(3);
        List<String> rejections = new ArrayList<>();
        r.json().get("rejections").forEach(x -> rejections.add(x.get("line").asLong() + " "
                + x.get("field").asString() + ": " + x.get("reason").asString()));
        assertThat(rejections).containsExactly(
                "7 card: the card has no END:VCARD before the next BEGIN:VCARD",
                "17 name: missing: the record has no name and no organisation",
                "21 email: 'not-an-email' is not an email address");
        assertThat(names(s, "")).containsExactly("Alan Turing", "Dorothy Vaughan", "Grace Hopper");
        assertThat(strings(client(s, "Alan Turing").get("phones"))).containsExactly("+44-161-496-0000");
    }

    @Test
    void matchingNeverTouchesAnotherTeamsClients() {
        var theirs = newTeam(Role.OWNER);
        Response made = theirs.api().post("/api/v1/clients",
                json("{'name':'Ada at their place','emails':['ada@engines.example'],'phones':['+44 20 7946 0018']}"));
        assertThat(made.status()).isEqualTo(201);
        var mine = newTeam(Role.OWNER);
        JsonNode r = upload(mine, "apple-3.0.vcf", Map.of()).json();
        assertThat(r.get("created").asLong()).isEqualTo(4);
        assertThat(r.get("updated").asLong()).isZero();
        JsonNode untouched = theirs.api().get("/api/v1/clients/" + made.json().get("id").asLong()).json();
        assertThat(untouched.get("updatedAt")).isEqualTo(made.json().get("updatedAt"));
        assertThat(strings(untouched.get("emails"))).containsExactly("ada@engines.example");
        assertThat(clientsOf(theirs)).isEqualTo(1);
        // and their UIDs are theirs: the same file in their team creates its own clients, merging Ada by email
        JsonNode own = upload(theirs, "apple-3.0.vcf", Map.of()).json();
        assertThat(own.get("created").asLong()).isEqualTo(3);
        assertThat(own.get("updated").asLong()).isEqualTo(1);
        assertThat(clientsOf(mine)).isEqualTo(4);
    }

    @Test
    void viewersCannotImportNotEvenADryRun() {
        var owner = newTeam(Role.OWNER);
        var viewer = newMember(owner.user().teamId(), Role.VIEWER);
        for (String dry : List.of("true", "false")) {
            Response r = upload(viewer, "apple-3.0.vcf", Map.of("dryRun", dry));
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(clientsOf(owner)).isZero();
    }

    @Test
    void filesThatCannotBeReadAreClearProblemsAndWriteNothing() {
        var s = newTeam(Role.MEMBER);
        assertProblem(upload(s, "empty.csv", new byte[0], Map.of()), "file", "is empty");
        byte[] binary = new byte[2048];
        new java.util.Random(3).nextBytes(binary);
        assertProblem(upload(s, "contacts.vcf", binary, Map.of()), "file", "binary file");
        assertProblem(upload(s, "contacts.vcf", fixture("google.csv"), Map.of()), "file", "is not a vCard file");
        assertProblem(upload(s, "calendar.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8),
                Map.of()), "file", "iCalendar");
        assertProblem(upload(s, "contacts.csv", "Name,Email,Shoe size\nAda,ada@x.example,38\n"
                .getBytes(StandardCharsets.UTF_8), Map.of()), "file", "unknown column \"Shoe size\"");
        assertProblem(upload(s, "contacts.csv", "Name,Email\n\"Ada,ada@x.example\n".getBytes(StandardCharsets.UTF_8),
                Map.of()), "file", "is not valid CSV");
        assertProblem(upload(s, "contacts.csv", "Name,Email\n".getBytes(StandardCharsets.UTF_8), Map.of()), "file",
                "contains no contacts");
        assertProblem(upload(s, "contacts.csv", fixture("google.csv"), Map.of("map", "Whatever")), "map",
                "must be Column=field");
        assertProblem(upload(s, "contacts.vcf", fixture("apple-3.0.vcf"), Map.of("format", "csv")), "file",
                "is a vCard file, not CSV");
        assertThat(clientsOf(s)).isZero();
        // with a mapping, the unknown column is fine
        Response mapped = upload(s, "contacts.csv", "Name,Email,Shoe size\nAda,ada@x.example,38\n"
                .getBytes(StandardCharsets.UTF_8), Map.of("map", "Shoe size=ignore"));
        assertThat(mapped.json().get("created").asLong()).as(mapped.body()).isEqualTo(1);
    }

    @Test
    void aFiftyMegabyteLineIsRefusedWholeAndNothingIsWritten() {
        var s = newTeam(Role.MEMBER);
        long size = 50L * 1024 * 1024;
        byte[] head = "name,email\nAda,ada@example.com\nBob,".getBytes(StandardCharsets.UTF_8);
        Response r = Multipart.upload(baseUrl() + "/api/v1/imports", s.api().token(), "big.csv",
                () -> new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head),
                        new RepeatedByteStream('x', size)))), Map.of());
        assertProblem(r, "file", "line 3 is longer than 8 MiB");
        assertThat(clientsOf(s)).isZero();
    }

    @Test
    void csvExportsNeutraliseFormulasAndReimportAsTheSameClients() {
        var s = newTeam(Role.MEMBER);
        s.api().post("/api/v1/clients", json("{'name':'=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")',"
                + "'phones':['+31 20 555 0101'],'notes':'@SUM(A1:A9)','tags':['vip'],'emails':['eve@example.com']}"));
        s.api().post("/api/v1/clients", json("{'name':'-Minus Person','organisation':'+Plus Org',"
                + "'emails':['minus@example.com']}"));
        Response csv = s.api().get("/api/v1/exports/clients.csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"clients-");
        String body = csv.body();
        assertThat(body).startsWith("\uFEFFid,name,organisation,emails,phones,addresses,tags,tier,status");
        assertThat(body).contains("'-Minus Person,'+Plus Org,").contains("'+31 20 555 0101").contains("'@SUM(A1:A9)")
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        for (String line : body.substring(1).split("\r\n")) {
            for (String cell : line.split(",")) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
                        .doesNotStartWith("-").doesNotStartWith("\t");
            }
        }
        // our own export reads back as the same two clients
        JsonNode again = upload(s, "clients.csv", body.getBytes(StandardCharsets.UTF_8), Map.of()).json();
        assertThat(again.get("unchanged").asLong()).isEqualTo(2);
        assertThat(clientsOf(s)).isEqualTo(2);
    }

    /** Clients with neither email nor phone: known by their id in our exports, by their content elsewhere. */
    @Test
    void recordsWithoutEmailOrPhoneAreNotDuplicatedByImportingAgain() {
        var s = newTeam(Role.MEMBER);
        s.api().post("/api/v1/clients", json("{'name':'Roundtrip Zed','organisation':'Zed BV'}"));
        s.api().post("/api/v1/clients", json("{'name':'Short Phone','phones':['12345']}"));
        for (String export : List.of("/api/v1/exports/clients.csv", "/api/v1/exports/clients.vcf")) {
            byte[] file = s.api().get(export).body().getBytes(StandardCharsets.UTF_8);
            JsonNode again = upload(s, export.substring(export.lastIndexOf('/') + 1), file, Map.of()).json();
            assertThat(again.get("unchanged").asLong()).as(export).isEqualTo(2);
            assertThat(again.get("created").asLong()).as(export).isZero();
        }
        byte[] plain = "Name,E-mail Address,Phone\nNameOnly Person,,\nShortPhone Person,,12345\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(upload(s, "b.csv", plain, Map.of()).json().get("created").asLong()).isEqualTo(2);
        JsonNode second = upload(s, "b.csv", plain, Map.of()).json();
        assertThat(second.get("created").asLong()).isZero();
        assertThat(second.get("unchanged").asLong()).isEqualTo(2);
        assertThat(clientsOf(s)).isEqualTo(4);
    }

    @Test
    void vCardExportIsVersion4AndReadsBack() {
        var s = newTeam(Role.MEMBER);
        upload(s, "outlook-2.1.vcf", Map.of());
        Response vcf = s.api().get("/api/v1/exports/clients.vcf");
        assertThat(vcf.status()).isEqualTo(200);
        assertThat(vcf.header("Content-Type")).startsWith("text/vcard");
        assertThat(vcf.body()).contains("VERSION:4.0").contains("FN:Jürgen Müller")
                .contains("ORG:Großhandel Müller GmbH").contains("X-RAPPORT-TIER:C").contains("UID:urn:rapport:client:");
        var other = newTeam(Role.MEMBER);
        JsonNode r = upload(other, "clients.vcf", vcf.body().getBytes(StandardCharsets.UTF_8), Map.of()).json();
        assertThat(r.get("source").asString()).isEqualTo("vCard 4.0");
        assertThat(r.get("created").asLong()).isEqualTo(2);
        JsonNode juergen = client(other, "Jürgen Müller");
        assertThat(strings(juergen.get("addresses"))).containsExactly("Hauptstraße 5, Berlin, 10115, Deutschland");
        assertThat(juergen.get("notes").asString()).isEqualTo(
                "Kunde seit 2019. Bevorzugt E-Mail; Gespräche bitte vormittags.");
    }

    @Test
    void anAddressWithAQuoteAndALineBreakExportsEveryCardAndReadsBack() {
        var s = newTeam(Role.MEMBER);
        String odd = "Rue du \"Port\" 4\r\nBâtiment B\nLyon";
        for (String name : List.of("Anna Before", "Odd Address", "Zoe After")) {
            Response r = s.api().post("/api/v1/clients", Api.JSON.writeValueAsString(Map.of("name", name,
                    "addresses", List.of(name.equals("Odd Address") ? odd : "Main Street 1"))));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        Response vcf = s.api().get("/api/v1/exports/clients.vcf");
        assertThat(vcf.status()).isEqualTo(200);
        List<VCard> cards = Ezvcard.parse(vcf.body()).all();
        assertThat(cards).extracting(c -> c.getFormattedName().getValue())
                .containsExactlyInAnyOrder("Anna Before", "Odd Address", "Zoe After");
        assertThat(vcf.body()).endsWith("END:VCARD\r\n");
        Address adr = cards.stream().filter(c -> c.getFormattedName().getValue()
                .equals("Odd Address")).findFirst().orElseThrow().getAddresses().get(0);
        assertThat(adr.getStreetAddress()).as("the ADR value keeps the address")
                .isEqualTo(odd.replace("\r\n", "\n"));
        assertThat(adr.getLabel()).isEqualTo("Rue du 'Port' 4 Bâtiment B Lyon");

        var other = newTeam(Role.MEMBER);
        JsonNode r = upload(other, "clients.vcf", vcf.body().getBytes(StandardCharsets.UTF_8), Map.of()).json();
        assertThat(r.get("created").asLong()).isEqualTo(3);
        assertThat(strings(client(other, "Odd Address").get("addresses"))).as("the importer joins the lines")
                .containsExactly("Rue du \"Port\" 4, Bâtiment B, Lyon");
        assertThat(strings(client(other, "Zoe After").get("addresses"))).containsExactly("Main Street 1");
    }

    @Test
    void anExportHoldsExactlyWhatTheClientListShowsForTheSameFilters() {
        var owner = newTeam(Role.OWNER);
        var member = newMember(owner.user().teamId(), Role.MEMBER);
        upload(owner, "apple-3.0.vcf", Map.of());
        member.api().post("/api/v1/clients", json("{'name':'Member Client','tier':'A','emails':['m@example.com']}"));
        long archived = member.api().post("/api/v1/clients", json("{'name':'Gone Client','tier':'A'}")).json()
                .get("id").asLong();
        member.api().post("/api/v1/clients/" + archived + "/archive", null);
        var elsewhere = newTeam(Role.OWNER);
        elsewhere.api().post("/api/v1/clients", json("{'name':'Not Ours','tier':'A'}"));

        for (String filter : List.of("", "&tier=A", "&q=ada", "&tag=vip", "&includeArchived=true", "&status=past")) {
            List<String> listed = names(member, filter);
            Response csv = member.api().get("/api/v1/exports/clients.csv?x=1" + filter);
            List<String> exported = new ArrayList<>();
            de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(csv.body().substring(1)).stream().skip(1)
                    .forEach(rec -> exported.add(rec.getField(1)));
            assertThat(exported).as("filter " + filter).isEqualTo(listed);
            String vcf = member.api().get("/api/v1/exports/clients.vcf?x=1" + filter).body();
            assertThat(vcf.split("BEGIN:VCARD", -1).length - 1).as("vCards for " + filter).isEqualTo(listed.size());
        }
        assertThat(names(member, "&tier=A")).containsExactly("Member Client");
        assertThat(member.api().get("/api/v1/exports/clients.csv").body()).doesNotContain("Not Ours")
                .doesNotContain("Gone Client");
        Response bad = member.api().get("/api/v1/exports/clients.csv?status=sleeping");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(Api.fields(bad)).containsExactly("status");
    }

    @Test
    void viewersMayExport() {
        var owner = newTeam(Role.OWNER);
        upload(owner, "outlook-2.1.vcf", Map.of());
        var viewer = newMember(owner.user().teamId(), Role.VIEWER);
        Response csv = viewer.api().get("/api/v1/exports/clients.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("Françoise Dupont");
    }

    @Test
    void theOpenApiDocumentDescribesImportAndExport() {
        JsonNode paths = new Api(baseUrl(), null).get("/api/openapi.json").json().get("paths");
        assertThat(paths.has("/api/v1/imports")).isTrue();
        assertThat(paths.has("/api/v1/exports/clients.csv")).isTrue();
        assertThat(paths.has("/api/v1/exports/clients.vcf")).isTrue();
    }

    static void assertProblem(Response r, String field, String reasonPart) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Api.fields(r)).containsExactly(field);
        assertThat(r.json().get("errors").get(0).get("reason").asString()).contains(reasonPart);
    }

    /** A stream of one byte repeated, so a huge upload is never in memory. */
    static final class RepeatedByteStream extends InputStream {
        private final int value;
        private long left;

        RepeatedByteStream(char value, long count) {
            this.value = value;
            this.left = count;
        }

        @Override
        public int read() {
            return left-- > 0 ? value : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) value);
            left -= n;
            return n;
        }
    }
}
