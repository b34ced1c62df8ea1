package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.support.Api;
import dev.rapport.teams.Role;

/** The calendar feed and daily digest sections of Settings (this server has no SMTP). */
class ExchangeSettingsBrowserIntegrationTest extends BrowserTestBase {

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private int fetch(String url) {
        return new Api(baseUrl(), null).get(URI.create(url).getPath()).status();
    }

    @Test
    void aCalendarFeedIsCreatedShownOnceRegeneratedAndRevoked() {
        var user = newTeam(Role.MEMBER);
        client(user.user(), "Ada Lovelace", "A", 3);
        signIn(user.email());
        page.navigate("/settings#calendar");
        Locator section = page.locator("#calendar");
        assertThat(section).containsText("No calendar feed.");

        button("Create calendar feed").click();
        assertThat(section).containsText("no calendar app has read it yet");
        String url = page.getByLabel("Calendar address").inputValue();
        assertThat(url).startsWith(baseUrl() + "/ical/").endsWith(".ics");
        assertThat(section.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("open it in your calendar app")))
                .hasAttribute("href", url.replace("http://", "webcal://"));
        assertThat(section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy"))).isVisible();
        Api.Response feed = new Api(baseUrl(), null).get(URI.create(url).getPath());
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.body()).contains("SUMMARY:Contact Ada Lovelace");
        section.scrollIntoViewIfNeeded();
        screenshots("settings-calendar-feed");

        page.reload();
        assertThat(page.getByLabel("Calendar address")).hasCount(0);
        assertThat(page.content()).doesNotContain(URI.create(url).getPath());
        assertThat(section).containsText("Active");
        assertThat(section).containsText("last read by a calendar app 23 Nov 2026, 10:00");

        button("Make a new address").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("New calendar URL made: the old one no longer works.");
        String second = page.getByLabel("Calendar address").inputValue();
        assertThat(second).isNotEqualTo(url);
        assertThat(fetch(url)).isEqualTo(404);
        assertThat(fetch(second)).isEqualTo(200);

        button("Revoke").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Calendar feed revoked: its URL no longer works.");
        assertThat(section).containsText("No calendar feed.");
        assertThat(fetch(second)).isEqualTo(404);
    }

    @Test
    void theDigestIsTurnedOffAndOnAndItsHourChosenEvenWithoutSmtp() {
        var user = newTeam(Role.MEMBER);
        signIn(user.email());
        page.navigate("/settings#digest");
        Locator section = page.locator("#digest");
        assertThat(section).containsText("This server has no email settings yet");
        assertThat(section).containsText(user.email());
        assertThat(page.getByLabel("Send me the daily digest")).isChecked();
        assertThat(page.getByLabel("From (your time, Europe/Amsterdam)")).hasValue("7");
        assertThat(button("Send me a test now")).hasCount(0);

        page.getByLabel("Send me the daily digest").uncheck();
        page.getByLabel("From (your time, Europe/Amsterdam)").selectOption("9");
        button("Save digest").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Daily digest off.");
        assertThat(page.getByLabel("Send me the daily digest")).not().isChecked();
        assertThat(page.getByLabel("From (your time, Europe/Amsterdam)")).hasValue("9");
        var api = user.api().get("/api/v1/me/digest").json();
        assertThat(api.get("enabled").asBoolean()).isFalse();
        assertThat(api.get("hour").asInt()).isEqualTo(9);

        page.getByLabel("Send me the daily digest").check();
        button("Save digest").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Daily digest on, from 09:00 (Europe/Amsterdam).");
        section.scrollIntoViewIfNeeded();
        screenshots("settings-digest");
    }

    @Test
    void aViewerManagesTheirOwnFeedAndDigest() {
        var owner = newTeam(Role.OWNER);
        var viewer = newMember(owner.user().teamId(), Role.VIEWER);
        client(owner.user(), "Owned By Owner", "A", 3);
        signIn(viewer.email());
        page.navigate("/settings#calendar");
        button("Create calendar feed").click();
        String url = page.getByLabel("Calendar address").inputValue();
        Api.Response feed = new Api(baseUrl(), null).get(URI.create(url).getPath());
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.body()).doesNotContain("BEGIN:VEVENT").doesNotContain("Owned By Owner");
        page.getByLabel("Send me the daily digest").uncheck();
        button("Save digest").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Daily digest off.");
    }

    @Test
    void anUnknownUnsubscribeLinkExplainsWhatToDo() {
        expectConsoleError("404");
        page.navigate("/digest/unsubscribe?token=" + "A".repeat(43));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This link does not work")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")))
                .hasAttribute("href", "/settings#digest");
    }
}
