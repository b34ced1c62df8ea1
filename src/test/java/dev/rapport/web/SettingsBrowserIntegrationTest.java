package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.attention.TierCadence;
import dev.rapport.clients.Channel;
import dev.rapport.support.Api;
import dev.rapport.teams.Role;

class SettingsBrowserIntegrationTest extends BrowserTestBase {

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aNewTokenIsShownOnceWorksAndCanBeRevoked() {
        var user = newTeam(Role.MEMBER);
        signIn(user.email());
        page.navigate("/settings");
        assertThat(page.locator("#profile")).containsText(user.email());
        assertThat(page.locator("#profile")).containsText("Europe/Amsterdam");

        button("Create token").click();
        assertThat(page.locator("#token-name-error")).hasText("must be 1 to 100 characters");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("laptop CLI");
        button("Create token").click();
        String token = page.getByLabel("New token").inputValue();
        assertThat(token).startsWith("rp_");
        assertThat(new Api(baseUrl(), token).get("/api/v1/me").status()).isEqualTo(200);

        page.reload();
        assertThat(page.getByLabel("New token")).hasCount(0);
        assertThat(page.content()).doesNotContain(token);
        Locator row = page.locator("tbody tr", new Page.LocatorOptions().setHasText("laptop CLI"));
        assertThat(row).containsText("23 Nov 2026, 10:00"); // created, and last used by the call above

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke token laptop CLI")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Token revoked: it no longer works.");
        assertThat(page.locator("tbody tr", new Page.LocatorOptions().setHasText("laptop CLI"))).containsText("Revoked");
        assertThat(new Api(baseUrl(), token).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void yourNameAndTimeZoneAreEditedOnTheProfile() {
        var user = newTeam(Role.VIEWER); // one's own profile: viewers too
        signIn(user.email());
        page.navigate("/settings");
        page.locator("#profile-name").fill(" ");
        button("Save profile").click();
        assertThat(page.locator("#profile-name-error")).hasText("must be 1 to 200 characters");

        page.locator("#profile-name").fill("Dana <b>West</b>");
        page.locator("#profile-zone").selectOption("Pacific/Pago_Pago");
        button("Save profile").click();
        assertThat(page.getByRole(AriaRole.STATUS).first())
                .hasText("Profile saved. Your days are now in Pacific/Pago_Pago.");
        assertThat(page.locator("#profile dl")).containsText("Pacific/Pago_Pago");
        assertThat(page.locator("#profile-name")).hasValue("Dana <b>West</b>");
        assertThat(page.locator("#profile-zone")).hasValue("Pacific/Pago_Pago");

        page.locator("#profile-zone").selectOption("");
        button("Save profile").click();
        assertThat(page.getByRole(AriaRole.STATUS).first())
                .hasText("Profile saved. Your days are now in Europe/Amsterdam (the team's time zone).");
    }

    @Test
    void tierCadencesAndChannelWeightsAreEditedWithMessagesNextToTheFields() {
        var user = newTeam(Role.MANAGER);
        client(user.user(), "Ada Lovelace", "C", 1);
        signIn(user.email());
        page.navigate("/settings");

        page.locator("#tier-3").fill("VIP");
        page.locator("#rank-3").fill("9");
        page.locator("#ideal-3").fill("5");
        page.locator("#max-3").fill("3");
        button("Save cadences").click();
        assertThat(page.locator("#max-3-error")).hasText("must not be shorter than idealDays");
        assertThat(page.locator("#tier-3")).hasValue("VIP");

        page.locator("#max-3").fill("10");
        page.locator("#rich-3").fill("21");
        button("Save cadences").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Tier cadences saved.");
        assertThat(attention.cadences(user.user().teamId())).contains(new TierCadence("VIP", 9, 5, 10, 21));

        // a tier still in use cannot go; the others can
        page.getByLabel("Remove C").check();
        button("Save cadences").click();
        assertThat(page.locator("#cadences [role=alert]")).containsText("Tier C is still used by clients; move them first.");
        page.getByLabel("Remove C").uncheck();
        page.getByLabel("Remove VIP").check();
        button("Save cadences").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Tier cadences saved.");
        assertThat(attention.cadences(user.user().teamId())).extracting(TierCadence::tier)
                .containsExactlyInAnyOrder("A", "B", "C");

        page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).fill("11");
        button("Save weights").click();
        assertThat(page.locator("#weight-phone-error")).hasText("must be 0 to 10");
        page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).fill("2");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("3");
        button("Save weights").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Channel weights saved.");
        var weights = clients.channelWeights(user.user().teamId());
        assertThat(weights.weight(Channel.PHONE)).isEqualTo(2);
        assertThat(weights.weight(Channel.EMAIL)).isEqualTo(3);
        screenshots("settings-small");
    }
}
