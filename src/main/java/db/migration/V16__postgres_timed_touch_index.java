package db.migration;

/**
 * ix_touch_user_time (team_id, user_id, at) serves one statement: a member's timed touches in a time
 * window (ClientRepository.timedTouches: minutes > 0 AND NOT automated), which the day totals and the
 * 24-hour report read. Texts, emails and chats carry no minutes, so most touches never match it; a
 * partial index holds only the ones that do. Every untimed touch recorded then skips an insert at a
 * random place in it, and a bulk load builds it from a fraction of the rows (docs/performance.md).
 * On an existing database the new index is built at the first start: about 3 s per 10M touches,
 * during which writes to touch wait.
 *
 * <p>PostgreSQL only: H2 has no partial indexes and keeps the full one. There it is a no-op, so both
 * databases share one migration history.
 */
public class V16__postgres_timed_touch_index extends OneDatabaseMigration {
    public V16__postgres_timed_touch_index() {
        super(POSTGRESQL,
                "DROP INDEX ix_touch_user_time",
                "CREATE INDEX ix_touch_timed ON touch (team_id, user_id, at) WHERE minutes > 0 AND NOT automated");
    }
}
