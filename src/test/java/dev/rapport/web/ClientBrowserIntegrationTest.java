package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.Channel;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientStatus;
import dev.rapport.clients.Competitor;
import dev.rapport.clients.Direction;
import dev.rapport.clients.NewTouch;
import dev.rapport.support.MutableClock;
import dev.rapport.teams.Role;

class ClientBrowserIntegrationTest extends BrowserTestBase {
    private static final String SCRIPT = "<script>alert(1)</script>";

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void editingWithABadEmailShowsTheMessageNextToTheFieldUntilFixed() {
        var user = newTeam(Role.MEMBER);
        Client ada = client(user.user(), "Ada Lovelace", "B", 3);
        signIn(user.email());
        page.navigate("/clients/" + ada.id());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")).click();

        page.getByLabel("Emails").fill("ada@example.com\nada-at-example");
        page.getByLabel("Organisation").fill("Analytical Engines");
        page.getByLabel("Competitor 1", new Page.GetByLabelOptions().setExact(true)).fill("Babbage Ltd");
        page.getByLabel("Ideally every").fill("10");
        page.getByLabel("At most every").fill("5");
        button("Save").click();

        assertThat(page.locator("#emails-error")).hasText("“ada-at-example” is not an email address");
        assertThat(page.getByLabel("Emails")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#cadenceMax-error")).hasText("must not be shorter than ideal");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please check the form");
        // what was typed is kept
        assertThat(page.getByLabel("Organisation")).hasValue("Analytical Engines");
        assertThat(clients.get(user.user(), ada.id()).details().organisation()).isNull();

        page.getByLabel("Emails").fill("ada@example.com\nada@analytical.org");
        page.getByLabel("At most every").fill("20");
        page.getByLabel("Tier").selectOption("A");
        page.getByLabel("Depth now").selectOption("2");
        page.getByLabel("Target depth").selectOption("3");
        button("Save").click();

        assertThat(page).hasURL(baseUrl() + "/clients/" + ada.id());
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Saved.");
        assertThat(page.locator(".facts")).containsText("2 now → 3 target");
        assertThat(page.getByText("ada@analytical.org")).isVisible();
        assertThat(page.getByText("Babbage Ltd")).isVisible();
        ClientDetails saved = clients.get(user.user(), ada.id()).details();
        assertThat(saved.emails()).containsExactly("ada@example.com", "ada@analytical.org");
        assertThat(saved.tier()).isEqualTo("A");
        assertThat(saved.cadence()).isEqualTo(new CadenceOverride(10, 20, null));
        assertThat(saved.competitors()).containsExactly(new Competitor("Babbage Ltd", null));
    }

    @Test
    void notesAndTouchesAreShownAsTextNeverAsMarkup() {
        var user = newTeam(Role.MEMBER);
        Client client = clients.create(user.user(), new ClientDetails(SCRIPT, SCRIPT, List.of(), List.of(),
                List.of(SCRIPT), List.of("<b>tag</b>"), user.userId(), "A", ClientStatus.ACTIVE, ClientKind.EXTERNAL,
                null, null, null, CadenceOverride.NONE, SCRIPT + "\n<img src=x onerror=alert(2)>",
                List.of(new Competitor(SCRIPT, SCRIPT))), MutableClock.START.minus(Duration.ofDays(20)));
        clients.recordTouch(user.user(), client.id(), new NewTouch(null, Channel.PHONE, Direction.OUTBOUND, 5,
                "<img src=x onerror=alert(3)>", null, false, false));
        signIn(user.email());
        page.navigate("/clients/" + client.id());

        assertThat(page.locator("h1")).hasText(SCRIPT);
        assertThat(page.locator("#notes + p.notes")).hasText(SCRIPT + "\n<img src=x onerror=alert(2)>");
        assertThat(page.locator(".touch-note")).hasText("<img src=x onerror=alert(3)>");
        assertThat(page.locator("main script")).hasCount(0);
        assertThat(page.locator("main img")).hasCount(0);
        assertThat(page.content()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        page.navigate("/clients/" + client.id() + "/edit");
        assertThat(page.getByLabel("Notes")).hasValue(SCRIPT + "\n<img src=x onerror=alert(2)>");
        page.navigate("/clients?q=script");
        assertThat(page.locator("main script")).hasCount(0);
        assertThat(page.locator(".client-name")).hasText(SCRIPT);
        // the base class fails the test if any dialog (alert) fired
        assertThat(dialogs).isEmpty();
    }

    @Test
    void theTimelineMarksLateSignalsAndTakesAQuickTouch() {
        var user = newTeam(Role.MEMBER);
        Client ada = client(user.user(), "Ada Lovelace", "A", 20);
        clients.recordTouch(user.user(), ada.id(), new NewTouch(MutableClock.START.minus(Duration.ofDays(2)),
                Channel.EMAIL, Direction.INBOUND, null, "Any update on the offer?", null, true, false));
        signIn(user.email());
        page.navigate("/clients/" + ada.id());

        Locator late = page.locator(".touch").first();
        assertThat(late).hasClass(java.util.regex.Pattern.compile(".*touch-late.*"));
        assertThat(late).containsText("Late signal: they asked for an update");
        assertThat(page.locator(".status-line")).containsText("Late signal: they had to ask");

        page.getByLabel("Who reached out").selectOption("outbound");
        page.getByLabel("Channel").selectOption("face_to_face");
        page.getByLabel("Minutes").fill("45");
        page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("Coffee, talked about the offer");
        button("Save touch").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Touch logged.");
        assertThat(page.locator(".touch").first()).containsText("Face to face");
        assertThat(page.locator(".touch").first()).containsText("45 min");
        assertThat(page.locator(".touch").first()).not().hasClass(java.util.regex.Pattern.compile(".*touch-late.*"));
        assertThat(page.locator(".status-line")).not().containsText("Late signal");
        screenshots("client-small");
    }

    @Test
    void newClientsAreFoundBySearchAndFiltersAndCanBeArchived() {
        var user = newTeam(Role.MEMBER);
        Client zed = client(user.user(), "Zed Zebra", "C", 2);
        clients.recordTouch(user.user(), zed.id(), new NewTouch(null, Channel.EMAIL, Direction.OUTBOUND, null, null,
                null, false, false));
        signIn(user.email());
        page.navigate("/clients");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New client")).click();
        button("Save").click();
        assertThat(page.locator("#name-error")).hasText("must not be empty");

        page.getByLabel("Name (required)").fill("Grace Hopper");
        page.getByLabel("Emails").fill("grace@navy.example");
        page.getByLabel("Tags").fill("Admiral, cobol");
        page.getByLabel("Tier").selectOption("A");
        page.getByLabel("Kind").selectOption("internal");
        button("Save").click();
        assertThat(page.locator("h1")).hasText("Grace Hopper");
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Added Grace Hopper.");

        page.navigate("/clients");
        page.getByLabel("Search").fill("NAVY.example");
        button("Apply").click();
        assertThat(page.locator(".client-name")).hasText(new String[] {"Grace Hopper"});
        page.navigate("/clients?kind=internal&tag=cobol&tier=A");
        assertThat(page.locator(".client-name")).hasText(new String[] {"Grace Hopper"});
        page.navigate("/clients?sort=stale");
        assertThat(page.locator(".client-name")).hasText(new String[] {"Grace Hopper", "Zed Zebra"});
        assertThat(page.locator("tbody tr").first()).containsText("Never");

        page.getByText("Grace Hopper").click();
        button("Archive").click();
        assertThat(page.getByText("Archived", new Page.GetByTextOptions().setExact(true))).isVisible();
        page.navigate("/clients");
        assertThat(page.locator(".client-name")).hasText(new String[] {"Zed Zebra"});
        page.navigate("/clients?archived=true");
        page.getByText("Grace Hopper").click();
        button("Unarchive").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Grace Hopper is back.");
    }

    @Test
    void theClientListPagesAndShowsOverdueOnlyFromTheQueue() {
        var user = newTeam(Role.MEMBER);
        for (int i = 0; i < ClientFilter.PAGE + 3; i++) {
            client(user.user(), String.format(java.util.Locale.ROOT, "Client %02d", i), "A", i % 2 == 0 ? 20 : 1);
        }
        signIn(user.email());
        page.navigate("/clients");
        assertThat(page.locator("tbody tr")).hasCount(ClientFilter.PAGE);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page →")).click();
        assertThat(page.locator("tbody tr")).hasCount(3);
        assertThat(page.locator(".client-name").first()).hasText("Client 25");

        page.navigate("/clients");
        page.getByLabel("Overdue only (mine)").check();
        button("Apply").click();
        assertThat(page.locator("tbody tr")).hasCount(14);
        assertThat(page.locator(".badge-overdue")).hasCount(14);
    }

    @Test
    void anotherTeamsClientIsNotFoundExactlyLikeOneThatDoesNotExist() {
        var user = newTeam(Role.MEMBER);
        var stranger = newTeam(Role.MEMBER);
        Client theirs = client(stranger.user(), "Their Client", "A", 1);
        signIn(user.email());
        expectConsoleError("status of 404");

        assertThat(page.navigate("/clients/" + theirs.id()).status()).isEqualTo(404);
        String theirsPage = page.locator("main").innerText();
        assertThat(page.navigate("/clients/987654321").status()).isEqualTo(404);
        assertThat(page.locator("main").innerText()).isEqualTo(theirsPage).doesNotContain("Their Client");
        assertThat(page.navigate("/clients/not-a-number").status()).isEqualTo(404);
        assertThat(page.navigate("/no-such-page").status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"))).isVisible();
        assertThat(page.navigate("/clients/" + theirs.id() + "/edit").status()).isEqualTo(404);
    }
}
