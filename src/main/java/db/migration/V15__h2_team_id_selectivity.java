package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Query plans on H2 before its first statistics. H2 assumes every column is 50% distinct until
 * ANALYZE (run automatically only after a transaction commits thousands of changes to a table), so
 * "team_id = ?" looks nearly unique and wins over the primary key for "team_id = ? AND id IN (...)".
 * In a new database's first big transaction (an import of 100,000 contacts) each such query then
 * scanned the whole team. Every table's team_id gets what ANALYZE finds on any real data: a handful
 * of teams over many rows (selectivity 1). Statistics taken later replace it.
 *
 * <p>H2 only (PostgreSQL plans from its own statistics); a no-op there, so both share one history.
 */
public class V15__h2_team_id_selectivity extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().equals("H2")) {
            return;
        }
        List<String> tables = new ArrayList<>();
        try (Statement s = context.getConnection().createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                     + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND COLUMN_NAME = 'team_id' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        try (Statement s = context.getConnection().createStatement()) {
            for (String table : tables) {
                s.execute("ALTER TABLE \"" + table.replace("\"", "\"\"") + "\" ALTER COLUMN team_id SELECTIVITY 1");
            }
        }
    }
}
