package dev.rapport.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * The rule that lets the database be distributed by team (Citus, docs/scaling.md): every statement
 * that reads or writes a tenant table (one with a team_id column) names team_id at least once per
 * tenant table it mentions, so each table in it is filtered, joined or written by team.
 */
public final class TenantSql {
    private static final Pattern TABLE = Pattern.compile("\\b(?:from|join|into|update)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern TEAM_ID = Pattern.compile("\\bteam_id\\b");

    private final Set<String> tenantTables;

    public TenantSql(Set<String> tenantTables) {
        this.tenantTables = Set.copyOf(tenantTables);
    }

    /** The tables of the app's schema that have a team_id column. */
    public static TenantSql of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            Set<String> tables = new TreeSet<>();
            for (String column : List.of("team_id", "TEAM_ID")) {
                try (ResultSet rs = meta.getColumns(null, null, "%", column)) {
                    while (rs.next()) {
                        String schema = String.valueOf(rs.getString("TABLE_SCHEM")).toLowerCase(Locale.ROOT);
                        if (!schema.equals("information_schema") && !schema.equals("pg_catalog")) {
                            tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
            return new TenantSql(tables);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Set<String> tenantTables() {
        return tenantTables;
    }

    /** The statements that break the rule, each with the tenant tables it mentions. */
    public List<String> violations(List<String> statements) {
        Set<String> out = new TreeSet<>();
        for (String sql : statements) {
            String s = sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            List<String> mentioned = new ArrayList<>();
            Matcher m = TABLE.matcher(s);
            while (m.find()) {
                if (tenantTables.contains(m.group(1))) {
                    mentioned.add(m.group(1));
                }
            }
            // a SELECT's own column list does not scope it: count from its FROM on
            String scoped = s.startsWith("select") && s.contains(" from ") ? s.substring(s.indexOf(" from ")) : s;
            long teamIds = TEAM_ID.matcher(scoped).results().count();
            if (teamIds < mentioned.size()) {
                out.add(mentioned + " named team_id " + teamIds + "x: " + s.strip());
            }
        }
        return List.copyOf(out);
    }
}
