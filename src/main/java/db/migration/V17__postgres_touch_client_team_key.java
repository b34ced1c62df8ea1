package db.migration;

/**
 * Two changes to touch on PostgreSQL, both about what a touch costs to check and index:
 * <ul>
 *   <li>Its client and team were two separate foreign keys, so the database accepted a touch whose
 *       team is not its client's team (the services never write one, but an import or a hand-written
 *       statement could). One composite key {@code (client_id, team_id) -> client (id, team_id)} says
 *       exactly that, and implies the team exists (the client's own key to team). It replaces both: one
 *       check per recorded touch instead of two, and one pass over the rows after a bulk load instead
 *       of two (about 0.8 s per 10M touches). It needs {@code client (id, team_id)} to be unique: a
 *       small index, one entry per client.</li>
 *   <li>ix_touch_timed drops its leading team_id: a member's timed touches are found by member and
 *       time; the statement still filters by team (a member of two teams has touches in both, read
 *       past in the index range), and the index is a fifth smaller and quicker to build.</li>
 * </ul>
 * On an existing database this checks every touch once and rebuilds the index at the first start
 * (a few seconds per 10M touches, during which writes to touch wait).
 *
 * <p>PostgreSQL only: on H2 the composite key would add a fourth index to touch (H2 indexes every
 * foreign key's columns), whose cost the H2 restore and import figures would pay; H2 keeps the two
 * keys and the full-width timed index (V1; V16 is a no-op there too).
 */
public class V17__postgres_touch_client_team_key extends OneDatabaseMigration {
    public V17__postgres_touch_client_team_key() {
        super(POSTGRESQL,
                "ALTER TABLE client ADD CONSTRAINT uq_client_id_team UNIQUE (id, team_id)",
                "ALTER TABLE touch ADD CONSTRAINT fk_touch_client_team "
                        + "FOREIGN KEY (client_id, team_id) REFERENCES client (id, team_id)",
                "ALTER TABLE touch DROP CONSTRAINT touch_client_id_fkey",
                "ALTER TABLE touch DROP CONSTRAINT touch_team_id_fkey",
                "DROP INDEX ix_touch_timed",
                "CREATE INDEX ix_touch_timed ON touch (user_id, at) WHERE minutes > 0 AND NOT automated");
    }
}
