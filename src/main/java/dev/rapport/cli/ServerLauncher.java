package dev.rapport.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import dev.rapport.RapportApplication;

/** Starts the Spring application for `serve` (web) or local admin commands (no web server). */
final class ServerLauncher {
    /** Made by Spring AOT at `mvn package` for the server (docs/performance.md, "Startup"). */
    static final String BEAN_PLAN = RapportApplication.class.getName() + "__ApplicationContextInitializer";
    private static volatile boolean running;
    private static volatile SpringApplication.AbandonedRunException abandoned;

    private ServerLauncher() {
    }

    static boolean running() {
        return running;
    }

    /** Local admin commands: no web server, no background jobs, no build-time bean plan. */
    static ConfigurableApplicationContext start(Map<String, String> properties, boolean web) {
        return start(properties, web, false);
    }

    /**
     * Properties are passed as command-line arguments so they beat application.properties. A web start
     * with {@code beanPlan} uses the bean definitions Spring AOT made at build time, when this build has
     * them: the same beans without scanning and parsing ~280 configuration classes (a second or more of
     * a start on 2 cores). {@link BeanPlanCheck} turns it off when the settings differ from the build's.
     */
    static ConfigurableApplicationContext start(Map<String, String> properties, boolean web, boolean beanPlan) {
        List<String> args = new ArrayList<>();
        if (!web) {
            // local commands start, do their work and stop: no background jobs
            args.add("--rapport.jobs.enabled=false");
        }
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        if (web && beanPlan && !Boolean.getBoolean("spring.aot.processing")
                && ClassUtils.isPresent(BEAN_PLAN, ServerLauncher.class.getClassLoader())) {
            System.setProperty(BeanPlanCheck.AOT_ENABLED, "true");
        }
        SpringApplication app = new SpringApplication(RapportApplication.class);
        app.setMainApplicationClass(RapportApplication.class);
        app.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        if (!web) {
            app.setLogStartupInfo(false);
        }
        try {
            ConfigurableApplicationContext context = app.run(args.toArray(String[]::new));
            running = web;
            return context;
        } catch (SpringApplication.AbandonedRunException e) {
            // Spring AOT at build time stops the start once the context is prepared: see Cli.main
            abandoned = e;
            throw e;
        } catch (RuntimeException e) {
            // Spring Boot's failure analyzers have already printed what went wrong and what to do.
            throw new CliException("Rapport could not start: " + rootMessage(e), 1);
        }
    }

    /** Hands Spring AOT's stopped start back to it: picocli would otherwise print and swallow it. */
    static void rethrowAbandoned() {
        if (abandoned != null) {
            throw abandoned;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
