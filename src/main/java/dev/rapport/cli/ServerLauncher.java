package dev.rapport.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import dev.rapport.RapportApplication;

/** Starts the Spring application for `serve` (web) or local admin commands (no web server). */
final class ServerLauncher {
    private static volatile boolean running;

    private ServerLauncher() {
    }

    static boolean running() {
        return running;
    }

    /** Properties are passed as command-line arguments so they beat application.properties. */
    static ConfigurableApplicationContext start(Map<String, String> properties, boolean web) {
        List<String> args = new ArrayList<>();
        if (!web) {
            // local commands start, do their work and stop: no background jobs
            args.add("--rapport.jobs.enabled=false");
        }
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
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
        } catch (RuntimeException e) {
            // Spring Boot's failure analyzers have already printed what went wrong and what to do.
            throw new CliException("Rapport could not start: " + rootMessage(e), 1);
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
