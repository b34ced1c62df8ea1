package dev.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import dev.rapport.attention.AttentionService;
import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.ClientStatus;
import dev.rapport.shared.UserId;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.H2Initializer;
import dev.rapport.support.MutableClock;
import dev.rapport.teams.CurrentUser;

/**
 * The app on a random port driven by Debian's Chromium. One Playwright and browser per test class,
 * a fresh browser context (cookies, storage) per test; any console error or dialog fails the test.
 */
@ContextConfiguration(initializers = H2Initializer.class)
abstract class BrowserTestBase extends AppTestBase {
    static final String PASSWORD = "correct horse battery";
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @Autowired
    protected ClientService clients;
    @Autowired
    protected AttentionService attention;

    protected BrowserContext context;
    protected Page page;
    protected final List<String> consoleErrors = new ArrayList<>();
    protected final List<String> dialogs = new ArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        // Playwright must not download a browser of its own: it drives the one Debian installs
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = newContext(new Browser.NewContextOptions());
        page = context.newPage();
    }

    private final List<String> expectedErrors = new ArrayList<>();

    /** Chrome logs every 4xx document as an error; a test that asks for one says so. */
    protected void expectConsoleError(String fragment) {
        expectedErrors.add(fragment);
    }

    @AfterEach
    void failOnConsoleErrorsOrDialogs() {
        context.close();
        List<String> unexpected = consoleErrors.stream()
                .filter(e -> expectedErrors.stream().noneMatch(e::contains)).toList();
        assertThat(unexpected).as("browser console errors").isEmpty();
        assertThat(dialogs).as("dialogs (alert, confirm) that fired").isEmpty();
    }

    /** A context whose pages report console errors, uncaught exceptions and dialogs. */
    protected BrowserContext newContext(Browser.NewContextOptions options) {
        BrowserContext ctx = browser.newContext(options.setViewportSize(1280, 900).setBaseURL(baseUrl()));
        ctx.setDefaultTimeout(Duration.ofSeconds(10).toMillis());
        ctx.onPage(p -> {
            p.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    consoleErrors.add(m.text() + " at " + p.url());
                }
            });
            p.onPageError(e -> consoleErrors.add("uncaught: " + e));
            p.onDialog(d -> {
                dialogs.add(d.type() + ": " + d.message());
                d.dismiss();
            });
        });
        return ctx;
    }

    protected void signIn(Page p, String email) {
        signIn(p, email, PASSWORD);
    }

    protected void signIn(Page p, String email, String password) {
        p.navigate("/login");
        p.getByLabel("Email").fill(email);
        p.getByLabel("Password").fill(password);
        p.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        p.waitForURL(baseUrl() + "/");
    }

    protected void signIn(String email) {
        signIn(page, email);
    }

    /** A client created some days before the test clock's "now", so it is due or overdue today. */
    protected Client client(CurrentUser user, String name, String tier, int createdDaysAgo) {
        return client(user, user.userId(), name, tier, createdDaysAgo);
    }

    protected Client client(CurrentUser user, UserId owner, String name, String tier, int createdDaysAgo) {
        return clients.create(user, new ClientDetails(name, null, List.of(), List.of(), List.of(), List.of(),
                owner, tier, ClientStatus.ACTIVE, ClientKind.EXTERNAL, null, null, null,
                CadenceOverride.NONE, null, List.of()), MutableClock.START.minus(Duration.ofDays(createdDaysAgo)));
    }

    /** The current page at desktop and phone width, into target/screenshots. */
    protected void screenshots(String name) {
        page.waitForLoadState(); // images and styles, not only the document
        shoot(name + "-desktop", 1280, 900);
        shoot(name + "-phone", 390, 844);
        page.setViewportSize(1280, 900);
    }

    private void shoot(String file, int width, int height) {
        page.setViewportSize(width, height);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(file + ".png")));
    }
}
