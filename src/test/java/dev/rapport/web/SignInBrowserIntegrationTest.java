package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;

import dev.rapport.teams.Role;

class SignInBrowserIntegrationTest extends BrowserTestBase {

    @Test
    void pagesNeedASignInAndBadCredentialsGetOneGenericMessage() {
        var user = newTeam(Role.MEMBER);
        page.navigate("/clients");
        assertThat(page).hasURL(baseUrl() + "/login");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();

        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Password").fill("wrong password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Invalid email, password or code.");
        String wrongPassword = page.content();

        page.getByLabel("Email").fill("nobody-" + user.email());
        page.getByLabel("Password").fill("wrong password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Invalid email, password or code.");
        // same words for an unknown email and a wrong password: no user enumeration
        assertThat(page.content().replaceAll("value=\"[^\"]*\"", ""))
                .isEqualTo(wrongPassword.replaceAll("value=\"[^\"]*\"", ""));
    }

    @Test
    void signsInToTodayAndOutAgain() {
        var user = newTeam(Role.MEMBER);
        page.navigate("/clients");
        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/clients.*"));
        assertThat(page.getByText(user.user().displayName())).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(baseUrl() + "/login?logout");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are signed out.");
        page.navigate("/");
        assertThat(page).hasURL(baseUrl() + "/login");
    }

    @Test
    void signInFormIsCsrfProtectedAndPagesCarryAStrictContentSecurityPolicy() {
        Response login = page.navigate("/login");
        assertThat(login.headerValue("content-security-policy")).contains("script-src 'self'")
                .contains("style-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.locator("form input[name=_csrf]").getAttribute("value")).isNotBlank();
        var forged = page.request().post("/login", com.microsoft.playwright.options.RequestOptions.create()
                .setForm(com.microsoft.playwright.options.FormData.create().set("email", "x@example.com")
                        .set("password", "whatever")).setMaxRedirects(0));
        assertThat(forged.status()).isEqualTo(403);
    }
}
