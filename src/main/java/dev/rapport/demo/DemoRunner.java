package dev.rapport.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.rapport.teams.AccountService;

/** With --demo seeds the demo team (once) and prints where to sign in; otherwise hints at the first owner. */
@Component
class DemoRunner implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

    private final DemoData demo;
    private final AccountService accounts;
    private final Environment env;

    DemoRunner(DemoData demo, AccountService accounts, Environment env) {
        this.demo = demo;
        this.accounts = accounts;
        this.env = env;
    }

    private boolean seeded;

    /** Seeds while the context starts, before the web server accepts requests: no sign-in races the seeding. */
    @Override
    public void afterSingletonsInstantiated() {
        if (env.getProperty("rapport.demo", Boolean.class, false)) {
            seeded = demo.seedIfMissing();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = env.getProperty("local.server.port");
        if (port == null) {
            return;
        }
        String url = "http://localhost:" + port;
        if (env.getProperty("rapport.demo", Boolean.class, false)) {
            System.out.println();
            System.out.println("  Rapport is running at " + url + (seeded ? " (demo data created)" : ""));
            System.out.println("  Demo login: " + DemoData.LOGIN + " / " + DemoData.PASSWORD);
            System.out.println("  CLI:  java -jar target/rapport.jar login " + url + " --email " + DemoData.LOGIN);
            System.out.println("  API:  " + url + "/api/openapi.json");
            System.out.println();
        } else if (!accounts.hasUsers()) {
            log.warn("No users yet. Create the first owner: java -jar target/rapport.jar admin create "
                    + "--email you@example.com --name 'Your Name' --team 'Your team'");
            System.out.println("  Rapport is running at " + url);
        } else {
            System.out.println("  Rapport is running at " + url);
        }
    }
}
