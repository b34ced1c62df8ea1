package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.teams.Role;

/** The import and export page: preview a file, import it, see the summary; download the filtered list. */
class ImportExportBrowserIntegrationTest extends BrowserTestBase {

    private static Path fixture(String name) {
        try {
            return Path.of(ImportExportBrowserIntegrationTest.class.getResource("/exchange/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aFileIsPreviewedThenImportedAndTheSummaryShowsWhatHappened() {
        var user = newTeam(Role.MEMBER);
        signIn(user.email());
        page.navigate("/clients");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import / export")).click();
        assertThat(page).hasTitle("Import and export · Rapport");

        page.getByLabel("File").setInputFiles(fixture("corrupt-middle.vcf"));
        button("Preview").click();
        Locator result = page.locator("#result");
        assertThat(result.locator("h2")).hasText("Preview: nothing was written yet");
        assertThat(result).containsText("corrupt-middle.vcf · vCard 4.0 · UTF-8 · 6 records");
        assertThat(page.locator("#count-created")).hasText("3");
        assertThat(page.locator("#count-rejected")).hasText("3");
        Locator firstRejection = result.locator("table").first().locator("tbody tr").first();
        assertThat(firstRejection).containsText("7");
        assertThat(firstRejection).containsText("the card has no END:VCARD before the next BEGIN:VCARD");
        assertThat(result).containsText("'not-an-email' is not an email address");
        screenshots("import-preview");
        assertThat(clients.search(user.user(), new dev.rapport.clients.ClientQuery(null, null, null, null, null, null,
                false, null, 50)).items()).isEmpty();

        page.getByLabel("File").setInputFiles(fixture("corrupt-middle.vcf"));
        button("Import").click();
        assertThat(result.locator("h2")).hasText("Imported");
        assertThat(page.locator("#count-created")).hasText("3");
        result.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Grace Hopper")).click();
        assertThat(page.locator("h1")).hasText("Grace Hopper");

        // again: nothing new
        page.navigate("/clients/import");
        page.getByLabel("File").setInputFiles(fixture("corrupt-middle.vcf"));
        button("Import").click();
        assertThat(page.locator("#count-created")).hasText("0");
        assertThat(page.locator("#count-unchanged")).hasText("3");
    }

    @Test
    void aFileThatCannotBeReadIsExplainedAndACsvMappingIsAccepted() throws IOException {
        var user = newTeam(Role.MEMBER);
        signIn(user.email());
        page.navigate("/clients/import");
        Path csv = Files.createTempFile("kontakte", ".csv");
        Files.writeString(csv, "Name;E-Mail;Telefon\nJürgen Müller;juergen@example.de;+49 30 1234567\n",
                StandardCharsets.UTF_8);
        page.getByLabel("File").setInputFiles(csv);
        expectConsoleError("422");
        button("Preview").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The file unknown column \"Telefon\"");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Nothing was imported.");

        page.getByLabel("File").setInputFiles(csv);
        page.getByLabel("Column mapping").fill("Telefon=phone");
        button("Import").click();
        assertThat(page.locator("#count-created")).hasText("1");
        assertThat(page.locator("#result")).containsText("Jürgen Müller");
        Files.delete(csv);
    }

    @Test
    void theClientListDownloadsWhatItShowsAndViewersMayExportButNotImport() throws IOException {
        var owner = newTeam(Role.OWNER);
        client(owner.user(), "Ada Lovelace", "A", 3);
        client(owner.user(), "Bob Babbage", "B", 3);
        var viewer = newMember(owner.user().teamId(), Role.VIEWER);
        signIn(viewer.email());
        page.navigate("/clients?tier=A");
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("CSV").setExact(true)).click());
        assertThat(download.suggestedFilename()).startsWith("clients-").endsWith(".csv");
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Ada Lovelace").doesNotContain("Bob Babbage");

        page.navigate("/clients/import");
        assertThat(page.locator("#import")).hasCount(0);
        Download cards = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download vCard")).click());
        assertThat(Files.readString(cards.path(), StandardCharsets.UTF_8)).contains("FN:Ada Lovelace")
                .contains("FN:Bob Babbage");
    }
}
