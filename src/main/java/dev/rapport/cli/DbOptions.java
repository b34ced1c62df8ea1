package dev.rapport.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** Which database the server or an admin command uses (default: the embedded H2 file under ./data). */
class DbOptions {
    @Option(names = {"--db-url", "--db"}, description = "JDBC URL, e.g. jdbc:postgresql://localhost/rapport (env RAPPORT_DB_URL)")
    String dbUrl;

    @Option(names = "--db-user", description = "database user (env RAPPORT_DB_USER)")
    String dbUser;

    @Option(names = "--db-password", description = "database password (env RAPPORT_DB_PASSWORD)")
    String dbPassword;

    /** The embedded default: an H2 file under ./data (completed by {@link H2Url}). */
    static final String DEFAULT_URL = "jdbc:h2:file:./data/rapport";

    /**
     * The datasource settings, always with a URL: an option beats the environment, and an empty
     * value counts as none (Spring Boot would otherwise fall back to an in-memory database).
     */
    Map<String, String> properties(Map<String, String> env) {
        Map<String, String> props = new LinkedHashMap<>();
        String user = pick(dbUser, env.get("RAPPORT_DB_USER"));
        String url = pick(dbUrl, env.get("RAPPORT_DB_URL"));
        props.put("spring.datasource.url", H2Url.complete(url != null ? url : DEFAULT_URL, user == null));
        put(props, "spring.datasource.username", user);
        put(props, "spring.datasource.password", pick(dbPassword, env.get("RAPPORT_DB_PASSWORD")));
        return props;
    }

    private static String pick(String option, String env) {
        String value = option != null && !option.isBlank() ? option : env;
        return value != null && !value.isBlank() ? value : null;
    }

    private static void put(Map<String, String> props, String key, String value) {
        if (value != null) {
            props.put(key, value);
        }
    }
}
