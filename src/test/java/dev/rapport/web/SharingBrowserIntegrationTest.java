package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.clients.Client;
import dev.rapport.shared.ClientId;
import dev.rapport.teams.Role;

/** Members see their own clients and the shared ones; a client's owner shares it or gives it away. */
class SharingBrowserIntegrationTest extends BrowserTestBase {

    private static Locator button(Page p, String name) {
        return p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static ClientId idFromUrl(Page p) {
        return new ClientId(Long.parseLong(p.url().replaceAll(".*/clients/(\\d+).*", "$1")));
    }

    @Test
    void theSharedCheckboxMakesAClientVisibleToAnotherMemberAndGivingItAwayMovesIt() {
        var owner = newTeam(Role.OWNER);
        var mia = newMember(owner.user().teamId(), Role.MEMBER);
        var max = newMember(owner.user().teamId(), Role.MEMBER);
        signIn(mia.email());

        page.navigate("/clients/new");
        page.getByLabel("Name (required)").fill("Sue Shared");
        page.getByLabel("Shared with the team").check();
        button(page, "Save").click();
        assertThat(page.locator(".status-line")).containsText("Shared with the team");
        ClientId sue = idFromUrl(page);

        page.navigate("/clients/new");
        page.getByLabel("Name (required)").fill("Pete Private");
        button(page, "Save").click();
        assertThat(page.locator(".badge-shared")).hasCount(0);
        ClientId pete = idFromUrl(page);

        BrowserContext other = newContext(new Browser.NewContextOptions());
        try {
            Page m = other.newPage();
            signIn(m, max.email());
            m.navigate("/clients");
            Locator sueRow = m.locator("tbody tr", new Page.LocatorOptions().setHasText("Sue Shared"));
            assertThat(sueRow).containsText("Shared");
            assertThat(m.locator("tbody")).not().containsText("Pete Private");
            expectConsoleError("status of 404");
            assertThat(m.navigate("/clients/" + pete).status()).isEqualTo(404);

            // Max may work with Sue but not change whether she is shared: not his client
            m.navigate("/clients/" + sue + "/edit");
            assertThat(m.getByLabel("Shared with the team")).hasCount(0);
            assertThat(m.locator("main")).containsText("Shared with the team (its owner or a manager can change this).");
            m.navigate("/clients/" + sue);
            assertThat(m.getByLabel("Give to")).hasCount(0);

            // Mia makes Sue private again: Max no longer sees her
            page.navigate("/clients/" + sue + "/edit");
            assertThat(page.getByLabel("Shared with the team")).isChecked();
            page.getByLabel("Shared with the team").uncheck();
            button(page, "Save").click();
            assertThat(page.locator(".badge-shared")).hasCount(0);
            m.navigate("/clients");
            assertThat(m.locator("main")).not().containsText("Sue Shared");

            // Mia gives Pete to Max, and then no longer sees him herself
            page.navigate("/clients/" + pete);
            assertThat(page.getByLabel("Give to").locator("option")).hasCount(2); // the owner and Max, not Mia
            page.getByLabel("Give to").selectOption(max.userId().toString());
            button(page, "Give client").click();
            assertThat(page).hasURL(baseUrl() + "/clients");
            assertThat(page.getByRole(AriaRole.STATUS).first())
                    .hasText("Pete Private now belongs to " + max.user().displayName() + ", with their history and open work.");
            m.navigate("/clients");
            assertThat(m.locator("tbody")).containsText("Pete Private");
        } finally {
            other.close();
        }
        Client moved = clients.get(owner.user(), pete);
        assertThat(moved.details().ownerId()).isEqualTo(max.userId());
        assertThat(clients.get(owner.user(), sue).shared()).isFalse();
    }

    @Test
    void managersGiveAnyClientAwayAndStayOnItsPage() {
        var manager = newTeam(Role.MANAGER);
        var member = newMember(manager.user().teamId(), Role.MEMBER);
        newMember(manager.user().teamId(), Role.VIEWER);
        Client ada = client(manager.user(), member.userId(), "Ada Lovelace", "A", 3);
        signIn(manager.email());
        page.navigate("/clients/" + ada.id());
        assertThat(page.getByLabel("Give to").locator("option")).hasCount(1); // the manager; viewers own no clients
        button(page, "Give client").click();
        assertThat(page).hasURL(baseUrl() + "/clients/" + ada.id());
        assertThat(page.locator("main .facts")).containsText(manager.user().displayName());
    }
}
