package dev.rapport.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The settings that decide which beans exist. A web start uses the bean plan that Spring AOT made at
 * build time ({@code mvn package}), where conditions such as "an SMTP host is set" were evaluated
 * once; the plan is only valid while these settings read as they did then. Everything under
 * {@code spring.}, {@code management.}, {@code server.}, {@code springdoc.}, {@code debug},
 * {@code trace} and {@code rapport.jobs.} counts, except the values below that only configure beans
 * every plan has (database address, port, SMTP server and login, limits). The SMTP host is one: its
 * empty default in application.properties makes Spring Boot's mail sender part of every plan.
 */
final class BeanPlanSettings {
    static final String RESOURCE = "META-INF/rapport/bean-plan-settings.properties";

    private static final List<String> SHAPING = List.of("spring.", "management.", "server.", "springdoc.",
            "debug", "trace", "rapport.jobs.");
    private static final List<String> VALUES_ONLY = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "spring.datasource.hikari.", "spring.mail.host", "server.port", "server.address",
            "server.tomcat.", "server.servlet.session.", "server.error.", "spring.servlet.multipart.",
            "spring.session.timeout", "spring.mail.port", "spring.mail.username", "spring.mail.password",
            "spring.mail.protocol", "spring.mail.default-encoding", "spring.mail.properties.",
            "spring.application.", "spring.lifecycle.", "spring.aot.", "spring.context.exit", "spring.output.ansi.",
            "spring.config.");

    private BeanPlanSettings() {
    }

    static boolean shapesBeans(String name) {
        return SHAPING.stream().anyMatch(name::startsWith) && VALUES_ONLY.stream().noneMatch(name::startsWith);
    }

    /** The effective value of every bean-shaping setting the environment has, by name. */
    static Map<String, String> of(ConfigurableEnvironment environment) {
        Map<String, String> settings = new TreeMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream().filter(name -> shapesBeans(name.toString())).forEach(name -> {
                    ConfigurationProperty property = source.getConfigurationProperty(name);
                    if (property != null && property.getValue() != null) {
                        // the first source wins, as in the environment itself
                        settings.putIfAbsent(name.toString(),
                                environment.resolvePlaceholders(String.valueOf(property.getValue())));
                    }
                });
            }
        }
        return settings;
    }

    /** The first setting that differs between the build and now, or null when none does. */
    static String firstDifference(Map<String, String> atBuild, Map<String, String> now) {
        Map<String, String> names = new TreeMap<>(atBuild);
        names.putAll(now);
        return names.keySet().stream().filter(n -> !Objects.equals(atBuild.get(n), now.get(n)))
                .findFirst().orElse(null);
    }

    static String write(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // without the date line store() writes, so a build's output depends on its input only
        return out.toString().lines().filter(line -> !line.startsWith("#")).sorted()
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The settings recorded at build time, or null when this build has no bean plan. */
    static Map<String, String> atBuild(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            Map<String, String> settings = new TreeMap<>();
            properties.stringPropertyNames().forEach(n -> settings.put(n, properties.getProperty(n)));
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
