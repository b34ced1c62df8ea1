package db.migration;

/**
 * A member sees their own clients and the team's shared ones: {@code owner_id = ? OR shared}. With an
 * index for the first half only, PostgreSQL read the whole team for every page of a member's client
 * list (80 ms for 200,000 clients, docs/performance.md). A partial index of the shared clients, a few
 * per team, lets it combine two index lookups instead (BitmapOr): about 1 ms. Writes pay only for
 * shared clients.
 *
 * <p>PostgreSQL only: H2 has no partial indexes, and a full index on shared did not help it (the
 * same page). There it is a no-op, so both databases share one migration history.
 */
public class V18__postgres_shared_client_index extends OneDatabaseMigration {
    public V18__postgres_shared_client_index() {
        super(POSTGRESQL,
                "CREATE INDEX ix_client_shared ON client (team_id) WHERE shared");
    }
}
