package db.migration;

import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A migration for one database product (H2 or PostgreSQL) only: its statements run there and it is a
 * no-op on the other, so both databases share one migration history. Abstract, so Flyway does not run
 * it as a migration of its own.
 */
abstract class OneDatabaseMigration extends BaseJavaMigration {
    static final String H2 = "H2";
    static final String POSTGRESQL = "PostgreSQL";

    private final String database;
    private final List<String> statements;

    OneDatabaseMigration(String database, String... statements) {
        this.database = database;
        this.statements = List.of(statements);
    }

    @Override
    public final void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().equals(database)) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
