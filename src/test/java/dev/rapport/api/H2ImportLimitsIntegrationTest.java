package dev.rapport.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import dev.rapport.clients.ClientQuery;
import dev.rapport.exchange.ClientExportService;
import dev.rapport.exchange.ContactImportService;
import dev.rapport.exchange.ExportFormat;
import dev.rapport.exchange.ImportOptions;
import dev.rapport.shared.Audited;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.H2Initializer;
import dev.rapport.teams.Role;

/**
 * A small upload limit (its own context): an upload over it is a 413 problem and writes nothing.
 * Also checks that imports and exports are audited.
 */
@ContextConfiguration(initializers = H2Initializer.class)
@TestPropertySource(properties = {"spring.servlet.multipart.max-file-size=200KB",
    "spring.servlet.multipart.max-request-size=200KB"})
@Import(H2ImportLimitsIntegrationTest.AuditLog.class)
class H2ImportLimitsIntegrationTest extends AppTestBase {
    @Autowired
    AuditLog audit;
    @Autowired
    ContactImportService imports;
    @Autowired
    ClientExportService exports;

    @TestConfiguration
    static class AuditLog {
        final List<Audited> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(Audited event) {
            events.add(event);
        }
    }

    @Test
    void anUploadOverTheLimitIsA413ProblemAndWritesNothing() {
        var s = newTeam(Role.MEMBER);
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; csv.length() < 300 * 1024; i++) {
            csv.append("Person ").append(i).append(",person").append(i).append("@example.com\n");
        }
        Response r = s.api().upload("/api/v1/imports", "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("larger than the upload limit of 200 KB");
        assertThat(r.json().get("requestId").asString()).as("the id to quote").isEqualTo(r.header("X-Request-Id"));
        assertThat(s.api().get("/api/v1/clients").json().get("items").isEmpty()).isTrue();
        Response small = s.api().upload("/api/v1/imports", "small.csv",
                "name,email\nAda,ada@example.com\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(small.status()).isEqualTo(200);
    }

    /** Imports and exports only: the test's own sign-in and token are audited too. */
    private static boolean isExchange(Audited e) {
        return e.action().startsWith("import.") || e.action().startsWith("export.");
    }

    @Test
    void importsAndExportsAreAuditedButDryRunsAreNot() {
        var s = newTeam(Role.MEMBER);
        var file = new ByteArrayResource("name,email\nAda,ada@example.com\n".getBytes(StandardCharsets.UTF_8));
        imports.importContacts(s.user(), file, "people.csv", ImportOptions.defaults(true), "10.0.0.1");
        assertThat(audit.events).noneMatch(e -> s.user().teamId().equals(e.team()) && isExchange(e));
        imports.importContacts(s.user(), file, "people.csv", ImportOptions.defaults(false), "10.0.0.1");
        exports.export(s.user(), ExportFormat.CSV, new ClientQuery("ada", null, "C", null, null, null, false, null, 50),
                new ByteArrayOutputStream(), "10.0.0.2");
        s.api().get("/api/v1/exports/clients.vcf");
        List<Audited> mine = audit.events.stream().filter(e -> s.user().teamId().equals(e.team()) && isExchange(e))
                .toList();
        assertThat(mine).extracting(Audited::action)
                .containsExactly("import.clients", "export.clients.csv", "export.clients.vcf");
        assertThat(mine).allMatch(e -> e.user().equals(s.userId()));
        assertThat(mine.get(0).detail()).isEqualTo("people.csv (CSV): 1 new, 0 updated, 0 unchanged, 0 rejected");
        assertThat(mine.get(1).detail()).isEqualTo("1 clients; filters: q=ada, tier=C");
        assertThat(mine.get(1).remoteAddress()).isEqualTo("10.0.0.2");
        assertThat(mine.get(2).detail()).isEqualTo("1 clients");
        assertThat(mine.get(2).remoteAddress()).isEqualTo("127.0.0.1");
    }
}
