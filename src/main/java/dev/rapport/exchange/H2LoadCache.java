package dev.rapport.exchange;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * A bigger page cache for an embedded H2 database while an archive loads, set back afterwards.
 * Putting a table's keys and indexes back reads the whole table once per index and foreign key;
 * with H2's default 16 MB cache each read decodes every page again from the file. Set through the
 * running database, not {@code SET CACHE_SIZE}, which would be stored in the database for good.
 */
final class H2LoadCache implements AutoCloseable {
    private final Database database;
    private final int previousKb;

    private H2LoadCache(Database database, int previousKb) {
        this.database = database;
        this.previousKb = previousKb;
    }

    /** Widens the cache to a third of the heap; does nothing for a database in another process. */
    static H2LoadCache widen(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)
                || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                || session.getDatabase().getStore() == null) {
            return new H2LoadCache(null, 0);
        }
        Database database = session.getDatabase();
        int previousKb = database.getStore().getMvStore().getCacheSize() * 1024;
        int wantedKb = (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 3 / 1024);
        if (wantedKb <= previousKb) {
            return new H2LoadCache(null, 0);
        }
        database.setCacheSize(wantedKb);
        return new H2LoadCache(database, previousKb);
    }

    @Override
    public void close() {
        if (database != null) {
            database.setCacheSize(previousKb);
        }
    }
}
