package dev.rapport.exchange;

import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.rapport.demo.DemoData;
import dev.rapport.exchange.ArchiveManifest.FileEntry;
import dev.rapport.exchange.ArchiveManifest.TeamRef;
import dev.rapport.shared.Audited;
import dev.rapport.shared.ConflictException;
import dev.rapport.support.Api;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.TestDatabases;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Role;
import tools.jackson.databind.JsonNode;

/**
 * Full archives of the demo team (plus values chosen to break naive encodings) on this test's
 * database, restored into the other kind of database and into fresh ones of the same kind.
 * Runs once with H2 as the source (restoring into PostgreSQL) and once the other way round.
 */
@Import(ArchiveContract.Audits.class)
abstract class ArchiveContract extends AppTestBase {
    static final String TRICKY = "Zoë «Ærø» 山田 🎉 \"quoted\", comma; back\\slash\n\\.\nline\ttab \u2028 end";

    @Autowired
    ArchiveService archives;
    @Autowired
    DemoData demo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Audits audits;

    @TempDir
    Path dir;

    private DataSource emptyTarget;

    /** The database kind of this test's context. */
    abstract String kind();

    String otherKind() {
        return kind().equals("h2") ? "postgres" : "h2";
    }

    @TestConfiguration
    static class Audits {
        final List<Audited> events = new CopyOnWriteArrayList<>();

        /** Only the archive's own events (token creation and sign-ins are audited too). */
        List<Audited> exports() {
            return events.stream().filter(a -> a.action().startsWith("export.")).toList();
        }

        @EventListener
        void on(Audited event) {
            events.add(event);
        }
    }

    @BeforeEach
    void seedDemoTeamOnce() {
        if (demo.seedIfMissing()) {
            CurrentUser dana = accounts.authenticate(DemoData.LOGIN, DemoData.PASSWORD).orElseThrow();
            accounts.issueToken(dana, "laptop");
            long client = jdbc.queryForObject("SELECT MIN(id) FROM client WHERE team_id = ?", Long.class,
                    dana.teamId().value());
            // values that break naive encodings: Unicode, CSV and COPY metacharacters, empty text
            jdbc.update("UPDATE client SET notes = ?, organisation = '', name = ? WHERE id = ?", TRICKY,
                    "Zoë Ærø 山田", client);
            jdbc.update("UPDATE touch SET note = ? WHERE id = (SELECT MIN(id) FROM touch WHERE client_id = ?)",
                    TRICKY, client);
        }
    }

    TeamRef demoTeam() {
        return archives.team(DemoData.TEAM).get(0);
    }

    Path export(ArchiveService service, TeamRef team, boolean credentials, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            service.export(List.of(team), credentials, out);
        }
        return file;
    }

    ArchiveService on(DataSource ds) {
        return new ArchiveService(ds, clock, passwords, events);
    }

    @Test
    void roundTripToTheOtherDatabaseKeepsEveryRowValueAndId() throws Exception {
        Path source = export(archives, demoTeam(), true, "source.zip");
        DataSource target = TestDatabases.migrated(otherKind());
        ArchiveService.Restored restored = on(target).importArchive(source);

        Map<String, byte[]> before = ArchiveZips.read(source);
        ArchiveManifest m = ArchiveZips.manifest(before);
        Map<String, byte[]> after = assertEveryTableRestored(source, target, restored);
        assertThat(m.files().stream().filter(f -> f.rows() > 0).map(FileEntry::table)).contains("team", "app_user",
                "membership", "api_token", "client", "client_email", "client_tag", "touch", "journal_entry",
                "journal_day", "promise", "deal", "deal_milestone", "deal_template", "deal_template_milestone",
                "account_plan", "plan_activity", "plan_objective", "top_rating", "depth_change", "honeymoon",
                "tier_cadence", "channel_weight", "journal_category");
        assertThat(ArchiveZips.rows(after, "client").stream().map(r -> r.get("notes").asString()))
                .contains(TRICKY);
        assertThat(ArchiveZips.rows(after, "client").stream().map(r -> r.get("organisation")))
                .anyMatch(o -> o.isString() && o.asString().isEmpty()).anyMatch(JsonNode::isNull);
        assertThat(m.sourceDatabase()).startsWith(kind().equals("h2") ? "H2" : "PostgreSQL");

        // the import rebuilt indexes and foreign keys it dropped while loading: same schema as a fresh one
        assertThat(catalog(target, otherKind())).hasSizeGreaterThan(80)
                .isEqualTo(catalog(TestDatabases.migrated(otherKind()), otherKind()));

        // ids are kept, and new rows get ids past the restored ones
        long maxTeam = maxId(target, "team");
        long maxClient = maxId(target, "client");
        long maxTouch = maxId(target, "touch");
        assertThat(maxTeam).isEqualTo(demoTeam().id());
        JdbcTemplate t = new JdbcTemplate(target);
        long team = insert(target, "INSERT INTO team (name, time_zone, created_at) VALUES ('New', 'UTC', CURRENT_TIMESTAMP)");
        long user = insert(target, "INSERT INTO app_user (email, display_name, password_hash, created_at) "
                + "VALUES ('new@example.com', 'New', 'x', CURRENT_TIMESTAMP)");
        long client = insert(target, "INSERT INTO client (team_id, owner_id, name, name_lower, tier, status, kind, "
                + "created_at, updated_at) VALUES (" + team + ", " + user + ", 'N', 'n', 'A', 'active', 'external', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        long touch = insert(target, "INSERT INTO touch (team_id, client_id, user_id, at, channel, direction, "
                + "update_request, automated, created_at) VALUES (" + team + ", " + client + ", " + user + ", "
                + "CURRENT_TIMESTAMP, 'email', 'outbound', FALSE, FALSE, CURRENT_TIMESTAMP)");
        assertThat(team).isGreaterThan(maxTeam);
        assertThat(client).isGreaterThan(maxClient);
        assertThat(touch).isGreaterThan(maxTouch);
        assertThat(user).isGreaterThan(t.queryForObject("SELECT MAX(id) FROM app_user WHERE id <> ?", Long.class, user));
    }

    /** The backup-and-restore drill's archive half: export, import into an empty database of the same kind. */
    @Test
    void roundTripToAnEmptyDatabaseOfTheSameKindKeepsEveryTable() throws Exception {
        Path source = export(archives, demoTeam(), true, "same.zip");
        DataSource target = TestDatabases.migrated(kind());
        ArchiveService.Restored restored = on(target).importArchive(source);
        assertEveryTableRestored(source, target, restored);
        assertThat(ArchiveZips.manifest(ArchiveZips.read(source)).sourceDatabase())
                .startsWith(kind().equals("h2") ? "H2" : "PostgreSQL");
        assertThat(maxId(target, "team")).isEqualTo(demoTeam().id());
        assertThat(catalog(target, kind())).isEqualTo(catalog(TestDatabases.migrated(kind()), kind()));
    }

    /**
     * A failure late in the import (the last touch points at a missing client: on H2 found when the
     * touch foreign keys are put back, after the rows were loaded) leaves the database empty with
     * every index and foreign key in place, ready for the good archive.
     */
    @Test
    void aFailureLateInTheImportLeavesAnEmptyDatabaseWithItsWholeSchema() throws Exception {
        Path good = export(archives, demoTeam(), true, "good.zip");
        Map<String, byte[]> entries = ArchiveZips.read(good);
        List<String> lines = new ArrayList<>(ArchiveZips.lines(entries.get("data/touch.jsonl")));
        String last = lines.get(lines.size() - 1);
        lines.set(lines.size() - 1, last.replaceFirst("\"client_id\":\\d+", "\"client_id\":987654321"));
        ArchiveZips.replaceFile(entries, "touch", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Path bad = dir.resolve("late.zip");
        ArchiveZips.write(bad, entries);

        DataSource target = TestDatabases.migrated(kind());
        List<String> fresh = catalog(target, kind());
        assertThatThrownBy(() -> on(target).importArchive(bad)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("rolled back: nothing was written");
        assertThat(teamDataRows(target)).as("rows left").isZero();
        assertThat(catalog(target, kind())).isEqualTo(fresh);

        ArchiveService.Restored restored = on(target).importArchive(good);
        assertEveryTableRestored(good, target, restored);
    }

    /**
     * Indexes and constraints of a database, without the names H2 generates for a foreign key's
     * own index (they change when the key is created again; its columns and use do not).
     */
    static List<String> catalog(DataSource ds, String kind) {
        String sql = kind.equals("postgres")
                ? "SELECT tablename || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' "
                + "UNION ALL SELECT conrelid::regclass::text || ': ' || conname || ' ' || pg_get_constraintdef(oid) "
                + "FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1"
                : "SELECT ic.table_name || ': ' || i.index_type_name || ' ' || CASE WHEN i.index_name IN "
                + "(SELECT index_name FROM information_schema.table_constraints WHERE index_name IS NOT NULL) "
                + "THEN '(of a constraint)' ELSE i.index_name END || ' (' || LISTAGG(ic.column_name || ' ' "
                + "|| ic.ordering_specification, ', ') WITHIN GROUP (ORDER BY ic.ordinal_position) || ')' "
                + "FROM information_schema.index_columns ic JOIN information_schema.indexes i "
                + "ON i.index_schema = ic.index_schema AND i.index_name = ic.index_name "
                + "WHERE ic.table_schema = 'public' GROUP BY ic.table_name, i.index_name, i.index_type_name "
                + "UNION ALL SELECT tc.table_name || ': ' || tc.constraint_name || ' ' || tc.constraint_type "
                + "|| COALESCE(' ' || rc.unique_constraint_name || ' ' || rc.update_rule || ' ' || rc.delete_rule, '') "
                + "FROM information_schema.table_constraints tc LEFT JOIN information_schema.referential_constraints rc "
                + "ON rc.constraint_schema = tc.constraint_schema AND rc.constraint_name = tc.constraint_name "
                + "WHERE tc.table_schema = 'public' ORDER BY 1";
        return new JdbcTemplate(ds).queryForList(sql, String.class);
    }

    /**
     * Every table in the archive: the import's count, the rows now in the target and the manifest's
     * count agree, and a new export of the target has the same content checksum as the source.
     * Returns the new export's entries.
     */
    private Map<String, byte[]> assertEveryTableRestored(Path source, DataSource target,
                                                         ArchiveService.Restored restored) throws Exception {
        Map<String, byte[]> before = ArchiveZips.read(source);
        ArchiveManifest m = ArchiveZips.manifest(before);
        assertThat(restored.rows()).containsOnlyKeys(m.files().stream().map(FileEntry::table).toArray(String[]::new));
        assertThat(m.rows()).isGreaterThan(5_000);
        Map<String, byte[]> after = ArchiveZips.read(export(on(target), demoTeam(), true,
                "again-" + source.getFileName()));
        for (FileEntry f : m.files()) {
            assertThat(restored.rows().get(f.table())).as(f.table()).isEqualTo(f.rows());
            assertThat(count(target, f.table())).as("rows in " + f.table()).isEqualTo(f.rows());
            assertThat(ArchiveZips.contentChecksum(after.get(f.path()))).as("content of " + f.table())
                    .isEqualTo(ArchiveZips.contentChecksum(before.get(f.path())));
        }
        return after;
    }

    @Test
    void passwordHashesAndTokensOnlyWhenAsked() throws Exception {
        Path plain = export(archives, demoTeam(), false, "plain.zip");
        Map<String, byte[]> entries = ArchiveZips.read(plain);
        ArchiveManifest m = ArchiveZips.manifest(entries);
        assertThat(m.credentials()).isFalse();
        assertThat(entries).doesNotContainKey("data/api_token.jsonl");
        assertThat(m.omitted()).extracting(ArchiveManifest.Omitted::table)
                .containsExactlyInAnyOrder("api_token", "calendar_feed", "digest_unsubscribe", "invitation");
        List<JsonNode> users = ArchiveZips.rows(entries, "app_user");
        assertThat(users).hasSize(4).allMatch(u -> u.get("password_hash").isNull());
        assertThat(new String(entries.get("data/app_user.jsonl"), StandardCharsets.UTF_8)).doesNotContain("argon2");

        DataSource target = TestDatabases.migrated(kind());
        on(target).importArchive(plain);
        String restored = new JdbcTemplate(target).queryForObject("SELECT password_hash FROM app_user WHERE email = ?",
                String.class, DemoData.LOGIN);
        assertThat(restored).startsWith("$argon2id$");
        assertThat(passwords.matches(DemoData.PASSWORD, restored)).as("the old password no longer works").isFalse();
        assertThat(count(target, "api_token")).isZero();

        Path full = export(archives, demoTeam(), true, "full.zip");
        assertThat(ArchiveZips.rows(ArchiveZips.read(full), "app_user"))
                .allMatch(u -> u.get("password_hash").asString().startsWith("$argon2id$"));
        DataSource other = TestDatabases.migrated(kind());
        on(other).importArchive(full);
        String kept = new JdbcTemplate(other).queryForObject("SELECT password_hash FROM app_user WHERE email = ?",
                String.class, DemoData.LOGIN);
        assertThat(passwords.matches(DemoData.PASSWORD, kept)).isTrue();
        assertThat(count(other, "api_token")).isEqualTo(count(archivesDataSource(), "api_token", demoTeam().id()));
    }

    @Test
    void aWrongChecksumIsRefusedBeforeAnythingIsWritten() throws Exception {
        Map<String, byte[]> entries = ArchiveZips.read(export(archives, demoTeam(), false, "a.zip"));
        byte[] touches = entries.get("data/touch.jsonl");
        touches[touches.length / 2] = (byte) (touches[touches.length / 2] == '1' ? '2' : '1');
        assertRefusedAndNothingWritten(entries, "data/touch.jsonl does not match its SHA-256");
    }

    @Test
    void anUnknownFormatVersionOrANewerSchemaIsRefused() throws Exception {
        Map<String, byte[]> entries = ArchiveZips.read(export(archives, demoTeam(), false, "a.zip"));
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        entries.put("manifest.json", manifest.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2")
                .getBytes(StandardCharsets.UTF_8));
        assertRefusedAndNothingWritten(entries, "format version 2 is not supported");

        ArchiveManifest m = ArchiveZips.manifest(ArchiveZips.read(dir.resolve("a.zip")));
        entries.put("manifest.json", manifest.replace("\"schemaVersion\" : \"" + m.schemaVersion() + "\"",
                "\"schemaVersion\" : \"999\"").getBytes(StandardCharsets.UTF_8));
        assertRefusedAndNothingWritten(entries, "newer than this database's");
    }

    @Test
    void aTruncatedOrForeignZipIsRefused() throws Exception {
        Path archive = export(archives, demoTeam(), false, "a.zip");
        byte[] bytes = Files.readAllBytes(archive);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        DataSource target = emptyTarget();
        assertThatThrownBy(() -> on(target).importArchive(truncated)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("not a complete zip archive");
        assertThat(teamDataRows(target)).isZero();

        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "not a zip at all");
        assertThatThrownBy(() -> on(target).importArchive(text)).isInstanceOf(ArchiveException.class);

        for (String evil : List.of("../escape.jsonl", "/etc/passwd", "data/../../x.jsonl", "data\\x.jsonl",
                "data/Client.jsonl", "data/client.jsonl/")) {
            Map<String, byte[]> entries = ArchiveZips.read(archive);
            entries.put(evil, "{}\n".getBytes(StandardCharsets.UTF_8));
            assertRefusedAndNothingWritten(entries, "unexpected entry");
        }
        Map<String, byte[]> unlisted = ArchiveZips.read(archive);
        unlisted.put("data/extra.jsonl", new byte[0]);
        assertRefusedAndNothingWritten(unlisted, "not listed in manifest.json");
        Map<String, byte[]> missing = ArchiveZips.read(archive);
        missing.remove("data/touch.jsonl");
        assertRefusedAndNothingWritten(missing, "data/touch.jsonl is listed in manifest.json but missing");
    }

    @Test
    void aFailureWhileWritingRollsEverythingBack() throws Exception {
        // checksums right, but the last touch points at a client that does not exist: found only while writing
        Map<String, byte[]> entries = ArchiveZips.read(export(archives, demoTeam(), false, "a.zip"));
        List<String> lines = new ArrayList<>(ArchiveZips.lines(entries.get("data/touch.jsonl")));
        String last = lines.get(lines.size() - 1);
        lines.set(lines.size() - 1, last.replaceFirst("\"client_id\":\\d+", "\"client_id\":987654321"));
        ArchiveZips.replaceFile(entries, "touch", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        assertRefusedAndNothingWritten(entries, "rolled back: nothing was written");

        Map<String, byte[]> badValue = ArchiveZips.read(dir.resolve("a.zip"));
        List<String> clients = new ArrayList<>(ArchiveZips.lines(badValue.get("data/client.jsonl")));
        clients.set(0, clients.get(0).replaceFirst("\"created_at\":\"[^\"]+\"", "\"created_at\":\"yesterday\""));
        ArchiveZips.replaceFile(badValue, "client", (String.join("\n", clients) + "\n").getBytes(StandardCharsets.UTF_8));
        assertRefusedAndNothingWritten(badValue, "data/client.jsonl row 1, created_at");

        // a whole number wider than its INT column: refused while parsing, on both databases alike
        Map<String, byte[]> tooWide = ArchiveZips.read(dir.resolve("a.zip"));
        List<String> cadences = new ArrayList<>(ArchiveZips.lines(tooWide.get("data/tier_cadence.jsonl")));
        cadences.set(0, cadences.get(0).replaceFirst("\"ideal_days\":\\d+", "\"ideal_days\":3000000000"));
        ArchiveZips.replaceFile(tooWide, "tier_cadence",
                (String.join("\n", cadences) + "\n").getBytes(StandardCharsets.UTF_8));
        assertRefusedAndNothingWritten(tooWide, "data/tier_cadence.jsonl row 1, ideal_days: 3000000000 is out of range");

        // a value the table's own check refuses, late in the biggest file (PostgreSQL: in the binary COPY)
        Map<String, byte[]> refused = ArchiveZips.read(dir.resolve("a.zip"));
        List<String> late = new ArrayList<>(ArchiveZips.lines(refused.get("data/touch.jsonl")));
        late.set(late.size() - 1, late.get(late.size() - 1).replaceFirst("\"minutes\":(\\d+|null)", "\"minutes\":-5"));
        ArchiveZips.replaceFile(refused, "touch", (String.join("\n", late) + "\n").getBytes(StandardCharsets.UTF_8));
        Path refusedZip = Files.createTempFile(dir, "check", ".zip");
        ArchiveZips.write(refusedZip, refused);
        assertThatThrownBy(() -> on(emptyTarget()).importArchive(refusedZip)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("rolled back: nothing was written")
                .satisfies(e -> assertThat(e.getMessage().toLowerCase(Locale.ROOT)).contains("ck_touch_minutes"));
        assertThat(teamDataRows(emptyTarget())).as("rows written").isZero();

        // broken JSON past the first batches (parsed on another thread): refused, naming its row
        Map<String, byte[]> badJson = ArchiveZips.read(dir.resolve("a.zip"));
        List<String> touches = new ArrayList<>(ArchiveZips.lines(badJson.get("data/touch.jsonl")));
        int row = touches.size() - 2;
        assertThat(row).isGreaterThan(2_000);
        touches.set(row - 1, touches.get(row - 1).substring(0, 20));
        ArchiveZips.replaceFile(badJson, "touch", (String.join("\n", touches) + "\n").getBytes(StandardCharsets.UTF_8));
        assertRefusedAndNothingWritten(badJson, "data/touch.jsonl near row " + row + ":");
    }

    @Test
    void aDatabaseWithDataIsRefusedAndKeepsItsRows() throws Exception {
        Path archive = export(archives, demoTeam(), false, "a.zip");
        DataSource target = TestDatabases.migrated(kind());
        on(target).importArchive(archive);
        long rows = teamDataRows(target);
        assertThatThrownBy(() -> on(target).importArchive(archive)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already holds data").hasMessageContaining("team");
        assertThat(teamDataRows(target)).isEqualTo(rows);
        // this test's own database holds the demo team and more: refused too
        assertThatThrownBy(() -> archives.importArchive(archive)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anArchiveOfOneTeamHoldsNothingOfAnother() throws Exception {
        Session other = newTeam(Role.OWNER);
        long otherClient = other.api().post("/api/v1/clients", json("{'name':'YSECRET client','tier':'A',"
                + "'emails':['ysecret@example.com'],'tags':['ysecret']}")).json().get("id").asLong();
        other.api().post("/api/v1/clients/" + otherClient + "/touches", json("{'channel':'phone','note':'YSECRET'}"));
        other.api().post("/api/v1/clients/" + otherClient + "/promises", json("{'text':'YSECRET promise',"
                + "'dueOn':'2026-12-01'}"));
        other.api().post("/api/v1/clients/" + otherClient + "/deals", json("{'title':'YSECRET deal'}"));
        other.api().post("/api/v1/clients/" + otherClient + "/plans", json("{'name':'YSECRET plan','objectives':"
                + "['YSECRET objective'],'activities':[{'name':'YSECRET call','frequency':'monthly','minutes':30}]}"));

        TeamRef demo = demoTeam();
        Map<String, byte[]> entries = ArchiveZips.read(export(archives, demo, true, "demo.zip"));
        assertOnlyTeam(entries, demo.id(), "YSECRET", other.email());

        TeamRef y = new TeamRef(other.user().teamId().value(), null);
        Map<String, byte[]> theirs = ArchiveZips.read(export(archives, y, true, "other.zip"));
        assertOnlyTeam(theirs, y.id(), DemoData.LOGIN, "Zoë");
        assertThat(ArchiveZips.rows(theirs, "app_user")).hasSize(1);
        assertThat(ArchiveZips.rows(theirs, "plan_objective")).hasSize(1);
        assertThat(ArchiveZips.rows(theirs, "deal_milestone")).isNotEmpty();
    }

    @Test
    void ownersDownloadTheirTeamsArchiveThroughTheApi() throws Exception {
        Session owner = newTeam(Role.OWNER);
        owner.api().post("/api/v1/clients", json("{'name':'Downloaded client','tier':'A'}"));
        Session viewer = newMember(owner.user().teamId(), Role.VIEWER);
        Session member = newMember(owner.user().teamId(), Role.MEMBER);
        Session manager = newMember(owner.user().teamId(), Role.MANAGER);
        Session stranger = newTeam(Role.OWNER);
        audits.events.clear();

        HttpResponse<byte[]> ok = download(owner);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(ok.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment").contains("rapport-team-" + owner.user().teamId().value());
        Path file = dir.resolve("download.zip");
        Files.write(file, ok.body());
        ArchiveManifest m = ArchiveService.verify(file);
        assertThat(m.teams()).extracting(TeamRef::id).containsExactly(owner.user().teamId().value());
        assertThat(m.credentials()).isFalse();
        Map<String, byte[]> entries = ArchiveZips.read(file);
        assertThat(ArchiveZips.rows(entries, "client")).extracting(r -> r.get("name").asString())
                .containsExactly("Downloaded client");
        assertThat(ArchiveZips.rows(entries, "app_user")).hasSize(4);
        assertOnlyTeam(entries, owner.user().teamId().value(), stranger.email(), "Zoë");
        assertThat(audits.exports()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("export.archive");
            assertThat(a.team()).isEqualTo(owner.user().teamId());
            assertThat(a.user()).isEqualTo(owner.userId());
            assertThat(a.remoteAddress()).isNotBlank();
        });

        for (Session refused : List.of(viewer, member, manager)) {
            HttpResponse<byte[]> r = download(refused);
            assertThat(r.statusCode()).as(refused.user().role().code()).isEqualTo(403);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("owners");
        }
        assertThat(audits.exports()).hasSize(1);

        // another team's owner gets their own team, nothing of this one
        Path theirs = dir.resolve("theirs.zip");
        Files.write(theirs, download(stranger).body());
        assertOnlyTeam(ArchiveZips.read(theirs), stranger.user().teamId().value(), "Downloaded client",
                owner.email());
        assertThat(new Api(baseUrl(), null).get("/api/v1/archive").status()).isEqualTo(401);
    }

    /** Every file holds only the team's rows; none of the given texts appears anywhere. */
    static void assertOnlyTeam(Map<String, byte[]> entries, long team, String... foreign) {
        ArchiveManifest m = ArchiveZips.manifest(entries);
        assertThat(m.teams()).extracting(TeamRef::id).containsExactly(team);
        Map<String, Set<Long>> ids = new LinkedHashMap<>();
        for (FileEntry f : m.files()) {
            String text = new String(entries.get(f.path()), StandardCharsets.UTF_8);
            for (String s : foreign) {
                assertThat(text).as(f.path()).doesNotContain(s);
            }
            Set<Long> own = new HashSet<>();
            for (JsonNode row : ArchiveZips.rows(entries, f.table())) {
                if (row.has("team_id")) {
                    assertThat(row.get("team_id").asLong()).as(f.path()).isEqualTo(team);
                }
                if (f.table().equals("team")) {
                    assertThat(row.get("id").asLong()).isEqualTo(team);
                }
                if (row.has("id")) {
                    own.add(row.get("id").asLong());
                }
            }
            ids.put(f.table(), own);
        }
        // rows without team_id belong through their parent, which must be in the archive too
        Set<Long> members = new HashSet<>();
        ArchiveZips.rows(entries, "membership").forEach(r -> members.add(r.get("user_id").asLong()));
        assertThat(ids.get("app_user")).isEqualTo(members);
        ArchiveZips.rows(entries, "deal_template_milestone").forEach(r ->
                assertThat(ids.get("deal_template")).contains(r.get("template_id").asLong()));
        ArchiveZips.rows(entries, "plan_activity").forEach(r ->
                assertThat(ids.get("account_plan")).contains(r.get("plan_id").asLong()));
        ArchiveZips.rows(entries, "plan_objective").forEach(r ->
                assertThat(ids.get("account_plan")).contains(r.get("plan_id").asLong()));
    }

    private HttpResponse<byte[]> download(Session s) throws IOException, InterruptedException {
        String token = accounts.issueToken(s.user(), "download").token();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/archive"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** One empty database per test is enough: a refused import leaves it empty (which is the point). */
    private DataSource emptyTarget() {
        if (emptyTarget == null) {
            emptyTarget = TestDatabases.migrated(kind());
        }
        return emptyTarget;
    }

    private void assertRefusedAndNothingWritten(Map<String, byte[]> entries, String message) throws Exception {
        Path bad = Files.createTempFile(dir, "bad", ".zip");
        ArchiveZips.write(bad, entries);
        DataSource target = emptyTarget();
        assertThatThrownBy(() -> on(target).importArchive(bad)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining(message);
        assertThat(teamDataRows(target)).as("rows written").isZero();
    }

    private DataSource archivesDataSource() {
        return jdbc.getDataSource();
    }

    /** Rows in every table that holds team data. */
    static long teamDataRows(DataSource ds) throws Exception {
        long total = 0;
        try (Connection c = ds.getConnection()) {
            for (ArchiveSchema.Planned p : JdbcArchiveSchema.read(c).archived()) {
                total += count(ds, p.table().name());
            }
        }
        return total;
    }

    static long count(DataSource ds, String table) {
        return new JdbcTemplate(ds).queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    static long count(DataSource ds, String table, long team) {
        return new JdbcTemplate(ds).queryForObject("SELECT COUNT(*) FROM " + table + " WHERE team_id = ?", Long.class,
                team);
    }

    static long maxId(DataSource ds, String table) {
        return new JdbcTemplate(ds).queryForObject("SELECT MAX(id) FROM " + table, Long.class);
    }

    static long insert(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
