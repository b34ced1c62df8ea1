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

    Map<String, String> properties(Map<String, String> env) {
        Map<String, String> props = new LinkedHashMap<>();
        put(props, "spring.datasource.url", H2Url.complete(dbUrl), H2Url.complete(env.get("RAPPORT_DB_URL")));
        put(props, "spring.datasource.username", dbUser, env.get("RAPPORT_DB_USER"));
        put(props, "spring.datasource.password", dbPassword, env.get("RAPPORT_DB_PASSWORD"));
        return props;
    }

    private static void put(Map<String, String> props, String key, String option, String env) {
        String value = option != null ? option : env;
        if (value != null && !value.isEmpty()) {
            props.put(key, value);
        }
    }
}
