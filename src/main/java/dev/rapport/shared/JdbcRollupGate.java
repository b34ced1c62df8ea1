package dev.rapport.shared;

import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * PostgreSQL: a transaction-scoped advisory lock on (GATE, team). A team id that does not fit the
 * key's int shares its lock with another team: more waiting, never less. H2 runs one writing
 * transaction at a time ({@link H2SerialWrites}), and both sides write before they read, so nothing
 * can interleave there: no lock needed.
 */
@Repository
class JdbcRollupGate implements RollupGate {
    /** The first key of these advisory locks ("RapC"); other advisory locks would use other keys. */
    private static final int GATE = 0x52617043;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private volatile Boolean postgres;

    JdbcRollupGate(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public void share(TeamId team) {
        if (postgres() && firstInTransaction("share " + team.value())) {
            advisory("pg_advisory_xact_lock_shared", team);
        }
    }

    @Override
    public void lock(TeamId team) {
        if (postgres() && firstInTransaction("lock " + team.value())) {
            // the team row before the gate: an import holds it (FOR UPDATE) while it writes clients'
            // rollups, and the recomputation's own inserts would otherwise wait for it inside the gate
            jdbc.sql("SELECT id FROM team WHERE id = ? FOR KEY SHARE").param(team.value()).query(Long.class).list();
            advisory("pg_advisory_xact_lock", team);
        }
    }

    private void advisory(String function, TeamId team) {
        jdbc.sql("SELECT " + function + "(?, ?)").params(GATE, Long.hashCode(team.value()))
                .query((rs, n) -> n).list(); // the function returns void: nothing to read
    }

    /** Whether the transaction does not hold this lock yet (a touch's writer and its rollups both ask). */
    private boolean firstInTransaction(String lock) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Set<String> held = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            held = new HashSet<>();
            TransactionSynchronizationManager.bindResource(this, held);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JdbcRollupGate.this);
                }
            });
        }
        return held.add(lock);
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(template.execute((ConnectionCallback<Boolean>) Sql::isPostgres));
            postgres = known;
        }
        return known;
    }
}
