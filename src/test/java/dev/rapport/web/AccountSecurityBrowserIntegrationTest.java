package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.support.Api;
import dev.rapport.teams.Role;
import dev.rapport.teams.Totp;

/** Password, sessions, two-factor sign-in and token scopes from the settings page. */
class AccountSecurityBrowserIntegrationTest extends BrowserTestBase {

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator status() {
        return page.getByRole(AriaRole.STATUS).first();
    }

    private void signInWithCode(Page p, String email, String password, String code) {
        p.navigate("/login");
        p.getByLabel("Email").fill(email);
        p.getByLabel("Password").fill(password);
        p.getByLabel("Two-factor code").fill(code);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @Test
    void changingThePasswordKeepsThisSessionAndEndsTheOtherBrowsers() {
        var user = newTeam(Role.VIEWER); // not team data: viewers manage their own password too
        BrowserContext other = newContext(new Browser.NewContextOptions());
        try {
            Page elsewhere = other.newPage();
            signIn(elsewhere, user.email());
            signIn(user.email());
            page.navigate("/settings");

            page.getByLabel("Current password").fill("not my password");
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("a brand new secret");
            page.getByLabel("Repeat the new password").fill("a brand new secret");
            button("Change password").click();
            assertThat(page.locator("#current-password-error")).hasText("is not your current password");
            assertThat(page.getByLabel("Current password")).hasValue(""); // never sent back

            page.getByLabel("Current password").fill(PASSWORD);
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("a brand new secret");
            page.getByLabel("Repeat the new password").fill("a brand new secreT");
            button("Change password").click();
            assertThat(page.locator("#repeat-password-error")).hasText("does not match the new password");

            page.getByLabel("Current password").fill(PASSWORD);
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("short");
            page.getByLabel("Repeat the new password").fill("short");
            button("Change password").click();
            assertThat(page.locator("#new-password-error")).hasText("must have at least 8 characters");

            page.getByLabel("Current password").fill(PASSWORD);
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("a brand new secret");
            page.getByLabel("Repeat the new password").fill("a brand new secret");
            button("Change password").click();
            assertThat(status()).hasText("Password changed. You are still signed in here; your other sessions have ended.");
            page.navigate("/clients");
            assertThat(page).hasURL(baseUrl() + "/clients"); // this session goes on

            elsewhere.navigate("/clients");
            assertThat(elsewhere).hasURL(baseUrl() + "/login"); // the other browser is signed out
            elsewhere.getByLabel("Email").fill(user.email());
            elsewhere.getByLabel("Password").fill("a brand new secret");
            elsewhere.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(elsewhere.locator(".account-name")).hasText(user.user().displayName());
        } finally {
            other.close();
        }
        assertThat(accounts.authenticate(user.email(), PASSWORD)).isEmpty();
    }

    @Test
    void signingOutEverywhereEndsEverySessionAndEveryToken() {
        var user = newTeam(Role.MEMBER);
        BrowserContext other = newContext(new Browser.NewContextOptions());
        try {
            Page elsewhere = other.newPage();
            signIn(elsewhere, user.email());
            signIn(user.email());
            page.navigate("/settings");
            assertThat(button("Yes, sign out everywhere")).not().isVisible(); // behind a confirmation
            page.locator("#security summary").click();
            button("Yes, sign out everywhere").click();
            assertThat(page).hasURL(baseUrl() + "/login?everywhere");
            assertThat(status()).containsText("You are signed out everywhere");
            page.navigate("/");
            assertThat(page).hasURL(baseUrl() + "/login");
            elsewhere.navigate("/");
            assertThat(elsewhere).hasURL(baseUrl() + "/login");
        } finally {
            other.close();
        }
        assertThat(user.api().get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void twoFactorSignInIsSetUpWithACodeThenAskedForAtSignInAndTurnedOffWithPasswordAndCode() {
        var user = newTeam(Role.MEMBER);
        signIn(user.email());
        page.navigate("/settings");
        assertThat(page.locator("#two-factor")).containsText("Off");
        button("Set up two-factor sign-in").click();
        String grouped = page.locator("#totp-secret").textContent().strip();
        assertThat(grouped).matches("([A-Z2-7]{4} )+[A-Z2-7]{4}");
        String secret = grouped.replace(" ", "");
        assertThat(page.getByLabel("Or the whole link")).hasValue(java.util.regex.Pattern.compile(
                "otpauth://totp/Rapport%3A.*\\?secret=" + secret + "&issuer=Rapport.*"));
        assertThat(page.locator("img.totp-qr")).isVisible();
        assertThat(page.locator("img.totp-qr").evaluate("img => img.naturalWidth")).isNotEqualTo(0);
        screenshots("settings-two-factor");

        page.reload(); // the set-up survives a reload until it is finished
        assertThat(page.locator("#totp-secret")).hasText(grouped);
        page.getByLabel("Code from your app").fill(Totp.codeAt(secret, clock.instant().plus(Duration.ofMinutes(5))));
        button("Turn on").click();
        assertThat(page.locator("#totp-code-error")).containsText("does not match");
        page.getByLabel("Code from your app").fill(Totp.codeAt(secret, clock.instant()));
        button("Turn on").click();
        assertThat(status()).containsText("Two-factor sign-in is on");
        assertThat(page.locator("#two-factor")).containsText("On");
        assertThat(page.locator("#totp-secret")).hasCount(0);

        button("Sign out").click();
        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Password").fill(PASSWORD);
        button("Sign in").click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Invalid email, password or code.");

        clock.advance(Duration.ofSeconds(30)); // the code used to turn it on cannot be used again
        signInWithCode(page, user.email(), PASSWORD, Totp.codeAt(secret, clock.instant()));
        assertThat(page).hasURL(baseUrl() + "/");

        page.navigate("/settings");
        page.locator("#two-factor summary").click();
        clock.advance(Duration.ofSeconds(30));
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("wrong password");
        page.locator("#disable-code").fill(Totp.codeAt(secret, clock.instant()));
        button("Turn off").click();
        assertThat(page.locator("#disable-code-error")).hasText("password or code is wrong");
        clock.advance(Duration.ofSeconds(30));
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.locator("#disable-code").fill(Totp.codeAt(secret, clock.instant()));
        button("Turn off").click();
        assertThat(status()).containsText("Two-factor sign-in is off");
        assertThat(accounts.authenticate(user.email(), PASSWORD)).isPresent();
    }

    @Test
    void tokensGetAnAccessScopeAndALastDay() {
        var user = newTeam(Role.MEMBER);
        signIn(user.email());
        page.navigate("/settings");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("reporting");
        page.getByLabel("Access").selectOption("read");
        page.locator("#token-expires").fill("2026-11-22");
        button("Create token").click();
        assertThat(page.locator("#token-expires-error")).hasText("must be today or later");
        assertThat(page.getByLabel("Access")).hasValue("read");

        page.locator("#token-expires").fill("2026-11-30");
        button("Create token").click();
        String token = page.getByLabel("New token").inputValue();
        Locator row = page.locator("tbody tr", new Page.LocatorOptions().setHasText("reporting"));
        assertThat(row).containsText("Read-only");
        assertThat(row).containsText("1 Dec 2026, 00:00"); // through the whole of 30 November, Amsterdam time

        Api api = new Api(baseUrl(), token);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/clients", "{\"name\":\"Nope\"}").status()).isEqualTo(403);
        clock.set(java.time.Instant.parse("2026-11-30T22:59:00Z"));
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        clock.set(java.time.Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
        page.reload();
        assertThat(page.locator("tbody tr", new Page.LocatorOptions().setHasText("reporting"))).containsText("Expired");
    }
}
