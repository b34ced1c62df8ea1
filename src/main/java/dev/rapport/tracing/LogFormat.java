package dev.rapport.tracing;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code rapport.log-format} (RAPPORT_LOG_FORMAT): {@code text} (default, the human pattern with
 * the request id), {@code json} (Elastic Common Schema, one JSON object per line), or one of Spring
 * Boot's structured formats by name ({@code ecs}, {@code logstash}, {@code gelf}). Runs after the
 * configuration files are read and before logging starts; an explicit
 * {@code logging.structured.format.console} wins.
 */
public final class LogFormat implements EnvironmentPostProcessor, Ordered {
    static final String PROPERTY = "rapport.log-format";
    static final String STRUCTURED = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String structured = structuredFormat(environment.getProperty(PROPERTY, "text"));
        if (structured != null && !environment.containsProperty(STRUCTURED)) {
            environment.getPropertySources().addLast(new MapPropertySource("rapportLogFormat",
                    Map.of(STRUCTURED, structured)));
        }
    }

    /** Boot's structured format for a {@code rapport.log-format} value, or null for plain text. */
    static String structuredFormat(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "text" -> null;
            case "json" -> "ecs";
            case "ecs", "logstash", "gelf" -> v;
            default -> throw new IllegalArgumentException("RAPPORT_LOG_FORMAT (rapport.log-format) must be text, json, "
                    + "ecs, logstash or gelf, not '" + value + "'");
        };
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
