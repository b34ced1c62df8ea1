package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.teams.Role;

class CategoriesBrowserIntegrationTest extends BrowserTestBase {

    @Test
    void aTeamAddsItsOwnJournalCategory() {
        var user = newTeam(Role.OWNER);
        signIn(user.email());
        page.navigate("/settings#categories");
        assertThat(page.locator("#categories tbody tr")).hasCount(8);
        var add = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add category").setExact(true));
        page.locator("#category-code").fill("Bad Code!");
        add.click();
        assertThat(page.locator("#category-code-error")).containsText("lowercase letters");
        page.locator("#category-code").fill("site_visit");
        page.locator("#category-label").fill("Site visit");
        page.locator("#category-class").selectOption("external_connection");
        add.click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Category added");
        assertThat(page.locator("#categories tbody tr", new Page.LocatorOptions().setHasText("Site visit")))
                .containsText("external connection");
    }
}
