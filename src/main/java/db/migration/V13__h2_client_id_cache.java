package db.migration;

/**
 * Contact import speed on H2 (issue #8). H2 hands out a table's identity values in blocks of 32 and, at
 * the end of each block, commits the new block to its file. With WRITE_DELAY=0 each such commit writes
 * every page changed since the last one, so an import creating thousands of clients wrote the database
 * once per 32 clients (a fifth of the import's time). Blocks of 1,000 make that rare; a crash skips at
 * most the rest of a block (ids are never reused), and a clean close gives the unused values back.
 *
 * <p>H2 only: PostgreSQL caches sequence values per connection, so ids would no longer follow creation
 * order across connections ("the oldest client wins" compares ids). There it is a no-op, so both
 * databases share one migration history.
 */
public class V13__h2_client_id_cache extends OneDatabaseMigration {
    public V13__h2_client_id_cache() {
        super(H2,
                "ALTER TABLE client ALTER COLUMN id SET CACHE 1000");
    }
}
