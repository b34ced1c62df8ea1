package dev.rapport.cli;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Completes an H2 URL with the compatibility settings Rapport's SQL is written for, so a plain
 * `jdbc:h2:file:/path` works instead of failing later on PostgreSQL syntax.
 */
final class H2Url {
    /** What the schema and the queries rely on: a URL that sets one otherwise is refused. */
    private static final String[][] REQUIRED = {
            {"MODE", "PostgreSQL"}, {"DATABASE_TO_LOWER", "TRUE"}, {"DEFAULT_NULL_ORDERING", "HIGH"}};
    /**
     * Unless the URL says otherwise: acknowledged writes reach the file at once, and each connection
     * keeps its parsed statements (H2's default of 8 re-parsed most of Rapport's on every use).
     */
    private static final String[][] DEFAULTS = {{"WRITE_DELAY", "0"}, {"QUERY_CACHE_SIZE", "128"}};
    /** The user the default database is created with (Spring Boot names none for an H2 file). */
    private static final String[] USER = {"USER", "sa"};

    private H2Url() {
    }

    /** The URL with the missing settings (user `sa` included) appended; any other URL unchanged. */
    static String complete(String url) {
        return complete(url, true);
    }

    /**
     * The URL with the missing settings appended; the user `sa` only with defaultUser (false when a
     * user name is given separately, which H2 would refuse next to one in the URL).
     */
    static String complete(String url, boolean defaultUser) {
        if (!isH2(url)) {
            return url;
        }
        Map<String, String> given = settings(url);
        refuseContradictions(given);
        // a trailing ';' ends the URL, unless escaped ("\;" inside a value such as INIT)
        boolean strip = url.endsWith(";") && !url.endsWith("\\;");
        StringBuilder out = new StringBuilder(strip ? url.substring(0, url.length() - 1) : url);
        for (String[][] group : new String[][][] {REQUIRED, DEFAULTS, defaultUser ? new String[][] {USER} : new String[0][]}) {
            for (String[] setting : group) {
                if (!given.containsKey(setting[0])) {
                    out.append(';').append(setting[0]).append('=').append(setting[1]);
                }
            }
        }
        return out.toString();
    }

    static boolean isH2(String url) {
        return url != null && url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length());
    }

    private static void refuseContradictions(Map<String, String> given) {
        for (String[] required : REQUIRED) {
            String value = given.get(required[0]);
            if (value != null && !value.equalsIgnoreCase(required[1])) {
                throw new CliException("the H2 URL sets " + required[0] + "=" + value + ", but Rapport needs "
                        + required[0] + "=" + required[1]);
            }
        }
        if ("TRUE".equalsIgnoreCase(given.get("DATABASE_TO_UPPER"))) {
            throw new CliException("the H2 URL sets DATABASE_TO_UPPER=TRUE, but Rapport needs DATABASE_TO_LOWER=TRUE");
        }
    }

    /** Top-level settings by upper-case name; "\;" inside a value does not end it. */
    private static Map<String, String> settings(String url) {
        Map<String, String> settings = new HashMap<>();
        String[] parts = url.split("(?<!\\\\);");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                settings.put(parts[i].substring(0, eq).trim().toUpperCase(Locale.ROOT), parts[i].substring(eq + 1).trim());
            }
        }
        return settings;
    }
}
