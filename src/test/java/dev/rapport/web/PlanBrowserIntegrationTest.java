package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import dev.rapport.clients.Client;
import dev.rapport.teams.Role;

class PlanBrowserIntegrationTest extends BrowserTestBase {

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aPlanIsCreatedWithMessagesNextToTheFieldsAndOverflowsASmallCapacity() {
        var user = newTeam(Role.MEMBER);
        Client acme = client(user.user(), "ACME Holdings", "A", 30);
        signIn(user.email());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Plans").setExact(true)).click();
        assertThat(page.locator("main h1")).hasText("Key-account plans");

        page.getByLabel("Client", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("ACME Holdings"));
        page.getByLabel("Plan name").fill("ACME 2027");
        page.getByLabel("Objectives, one per line").fill("Renew the contract\nMeet the new CFO");
        // the first row stays empty (ignored); the error lands on the second row, the one typed in
        page.getByLabel("Activity 2", new Page.GetByLabelOptions().setExact(true)).fill("Quarterly review");
        page.getByLabel("Frequency 2", new Page.GetByLabelOptions().setExact(true)).fill("sometimes");
        page.getByLabel("Minutes 2", new Page.GetByLabelOptions().setExact(true)).fill("120");
        page.getByLabel("Channel 2", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Face to face"));
        page.getByLabel("Activity 3", new Page.GetByLabelOptions().setExact(true)).fill("Weekly call");
        page.getByLabel("Frequency 3", new Page.GetByLabelOptions().setExact(true)).fill("weekly");
        page.getByLabel("Minutes 3", new Page.GetByLabelOptions().setExact(true)).fill("30");
        button("Create plan").click();

        assertThat(page.locator("#act-frequency-1-error")).containsText("'sometimes' is not a frequency");
        assertThat(page.locator("#act-frequency-1")).hasValue("sometimes");
        assertThat(page.locator("#act-name-2")).hasValue("Weekly call");
        assertThat(page.locator("#plan-name")).hasValue("ACME 2027");

        page.locator("#act-frequency-1").fill("quarterly");
        button("Create plan").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Plan “ACME 2027” created.");
        // quarterly 120 min = 0.67 h, weekly 30 min = 52/12 x 0.5 = 2.17 h: 2.8 h a month
        Locator plan = page.locator("article.plan", new Page.LocatorOptions().setHasText("ACME 2027"));
        assertThat(plan).containsText("2.8 h a month");
        assertThat(plan).containsText("Renew the contract");
        assertThat(plan.locator("tbody tr", new Locator.LocatorOptions().setHasText("Quarterly review")))
                .containsText("Face to face");
        assertThat(plan.locator("tbody tr", new Locator.LocatorOptions().setHasText("Weekly call")))
                .containsText("2.2 h");
        assertThat(page.locator("#check")).containsText("Unsustainable"); // no capacity yet

        page.getByLabel("Declared capacity (client-facing hours a month)").fill("lots");
        button("Save capacity").click();
        assertThat(page.locator("#capacity-error")).containsText("must be a number of hours");
        page.getByLabel("Declared capacity (client-facing hours a month)").fill("2");
        button("Save capacity").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Capacity saved.");
        assertThat(page.locator("#check .check-verdict")).hasText("Unsustainable");
        assertThat(page.locator("#check")).containsText("declared");
        assertThat(page.locator("#check")).containsText("142 %");
        Locator load = page.locator(".load-table tbody tr", new Page.LocatorOptions().setHasText("ACME 2027"));
        assertThat(load).containsText("Overflows");
        assertThat(load).containsText("ACME Holdings");
        assertThat(page.locator(".suggestions")).containsText("Weekly call for ACME Holdings");
        page.navigate("/plans"); // from the top, not the anchor the redirect went to
        screenshots("plans");

        page.getByLabel("Declared capacity (client-facing hours a month)").fill("40");
        button("Save capacity").click();
        assertThat(page.locator("#check .check-verdict")).hasText("Sustainable");
        assertThat(load).containsText("Fits");
        assertThat(page.locator("a[href='/clients/" + acme.id() + "']").first()).isVisible();
    }

    @Test
    void aViewerSeesPlansWithoutForms() {
        var owner = newTeam(Role.OWNER);
        var viewer = newMember(owner.user().teamId(), Role.VIEWER);
        signIn(viewer.email());
        page.navigate("/plans");
        assertThat(page.locator("main h1")).hasText("Key-account plans");
        assertThat(page.locator("main form[method=post]")).hasCount(0);
        page.navigate("/top");
        assertThat(page.locator("main h1")).hasText("Top relationships");
        assertThat(page.locator("main form[method=post]")).hasCount(0);
    }
}
