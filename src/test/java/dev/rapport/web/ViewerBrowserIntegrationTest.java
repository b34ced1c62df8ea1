package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import dev.rapport.clients.Client;
import dev.rapport.teams.Role;

class ViewerBrowserIntegrationTest extends BrowserTestBase {
    /** Every form that changes team data; sign-out and personal API tokens are not team data. */
    private static final String WRITE_FORMS = "form[method=post][action^='/clients'], "
            + "form[method=post][action^='/queue'], form[action='/settings/cadences'], form[action='/settings/weights'], "
            + "form[method=post][action^='/journal'], form[method=post][action^='/promises'], "
            + "form[method=post][action^='/deals'], form[method=post][action^='/team/members'], "
            + "form[method=post][action^='/team/invitations']";

    @Test
    void aViewerSeesEveryPageButNoWriteForms() {
        var owner = newTeam(Role.OWNER);
        var viewer = newMember(owner.user().teamId(), Role.VIEWER);
        Client ada = client(owner.user(), "Ada Lovelace", "A", 20);
        Client own = client(owner.user(), viewer.userId(), "Vera Viewed", "A", 20);
        signIn(viewer.email());

        for (String path : new String[] {"/", "/clients", "/clients/" + ada.id(), "/settings", "/journal",
                "/journal/report", "/promises", "/deals", "/team/members"}) {
            page.navigate(path);
            assertThat(page.locator("main h1")).isVisible();
            assertThat(page.locator(WRITE_FORMS)).hasCount(0);
            assertThat(page.getByText("Read only", new Page.GetByTextOptions().setExact(true))).isVisible();
        }
        page.navigate("/");
        assertThat(page.locator("#entry-" + own.id())).containsText("overdue");
        assertThat(page.locator("#entry-" + own.id() + " details")).hasCount(0);
        page.navigate("/clients/" + ada.id());
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit"))).hasCount(0);
        assertThat(page.getByText("Ada Lovelace").first()).isVisible();
        page.navigate("/settings");
        assertThat(page.locator("#ideal-0")).not().isEditable();
        assertThat(page.locator("#tier-3")).hasCount(0); // no spare "new tier" row
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save cadences"))).hasCount(0);
    }

    @Test
    void aForbiddenWriteGetsAFriendlyMessage() {
        var owner = newTeam(Role.OWNER);
        var viewer = newMember(owner.user().teamId(), Role.VIEWER);
        Client ada = client(owner.user(), "Ada Lovelace", "A", 20);
        signIn(viewer.email());
        page.navigate("/clients/" + ada.id());
        String csrf = page.locator("form[action='/logout'] input[name=_csrf]").getAttribute("value");

        APIResponse archive = page.request().post("/clients/" + ada.id() + "/archive",
                RequestOptions.create().setForm(FormData.create().set("_csrf", csrf)).setMaxRedirects(0));
        assertThat(archive.status()).isEqualTo(403);
        assertThat(archive.text()).contains("Read-only access")
                .contains("Your role lets you see everything but not change it.");
        assertThat(clients.get(owner.user(), ada.id()).archived()).isFalse();

        expectConsoleError("status of 403");
        var response = page.navigate("/clients/new");
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Read-only access")))
                .isVisible();
    }
}
