package dev.rapport.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class JdbcQueueVersions implements QueueVersions {
    private static final String INCREMENT =
            "UPDATE queue_version SET version = version + 1 WHERE team_id = ? AND user_id = ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcQueueVersions(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public void changed(TeamId team, Collection<UserId> members) {
        Marks marks = marks();
        members.forEach(m -> marks.users(team).add(m.value()));
        marks.writeUnlessDeferred();
    }

    @Override
    public void clientsChanged(TeamId team, Collection<ClientId> clients) {
        Marks marks = marks();
        clients.forEach(c -> marks.clients(team).add(c.value()));
        marks.writeUnlessDeferred();
    }

    @Override
    public void teamChanged(TeamId team) {
        Marks marks = marks();
        marks.teams.add(team.value());
        marks.writeUnlessDeferred();
    }

    @Override
    public OptionalLong current(TeamId team, UserId member) {
        Long version = read(team, member);
        if (version == null) {
            jdbc.sql("INSERT INTO queue_version (team_id, user_id, version) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
                    .params(team.value(), member.value()).update();
            version = read(team, member);
        }
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    private Long read(TeamId team, UserId member) {
        return jdbc.sql("SELECT version FROM queue_version WHERE team_id = ? AND user_id = ?")
                .params(team.value(), member.value()).query(Long.class).optional().orElse(null);
    }

    /** This transaction's marks, bound to it on first use; a fresh set, written at once, outside one. */
    private Marks marks() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Marks(false);
        }
        Marks marks = (Marks) TransactionSynchronizationManager.getResource(this);
        if (marks == null) {
            marks = new Marks(true);
            TransactionSynchronizationManager.bindResource(this, marks);
            TransactionSynchronizationManager.registerSynchronization(marks);
        }
        return marks;
    }

    /** Marks of one transaction by team; written last, in (team, user) order. */
    private final class Marks implements TransactionSynchronization {
        private final boolean deferred;
        /** Written before commit: a mark made later (another synchronization's write) is written at once. */
        private boolean written;
        private final TreeMap<Long, Set<Long>> users = new TreeMap<>();
        private final TreeMap<Long, Set<Long>> clients = new TreeMap<>();
        private final Set<Long> teams = new TreeSet<>();

        Marks(boolean deferred) {
            this.deferred = deferred;
        }

        Set<Long> users(TeamId team) {
            return users.computeIfAbsent(team.value(), t -> new TreeSet<>());
        }

        Set<Long> clients(TeamId team) {
            return clients.computeIfAbsent(team.value(), t -> new TreeSet<>());
        }

        void writeUnlessDeferred() {
            if (!deferred || written) {
                write();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            write();
            written = true;
        }

        /** A transaction started inside this one (REQUIRES_NEW) collects its own marks. */
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(JdbcQueueVersions.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(JdbcQueueVersions.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(JdbcQueueVersions.this);
        }

        private void write() {
            clients.forEach((team, ids) -> users.computeIfAbsent(team, t -> new TreeSet<>()).addAll(owners(team, ids)));
            teams.forEach(team -> users.computeIfAbsent(team, t -> new TreeSet<>()).addAll(jdbc.sql(
                    "SELECT user_id FROM queue_version WHERE team_id = ?").param(team).query(Long.class).list()));
            List<Object[]> rows = new ArrayList<>();
            users.forEach((team, ids) -> ids.forEach(id -> rows.add(new Object[] {team, id})));
            if (!rows.isEmpty()) {
                int[] counts = template.batchUpdate(INCREMENT, rows);
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        create(rows.get(i));
                    }
                }
            }
            users.clear();
            clients.clear();
            teams.clear();
        }

        /**
         * A member without a row yet (joined since the migration, restored from an archive) gets one at
         * 1; if a first read made it meanwhile at 0, that row is incremented: either way the version
         * moves past anything read before this commit.
         */
        private void create(Object[] row) {
            int made = jdbc.sql("INSERT INTO queue_version (team_id, user_id, version) VALUES (?, ?, 1) "
                    + "ON CONFLICT DO NOTHING").params(row).update();
            if (made == 0) {
                jdbc.sql(INCREMENT).params(row).update();
            }
        }

        private Set<Long> owners(long team, Set<Long> ids) {
            Set<Long> owners = new TreeSet<>();
            for (List<Long> slice : Sql.slices(ids, Sql.IN_SLICE)) {
                owners.addAll(jdbc.sql("SELECT DISTINCT owner_id FROM client WHERE team_id = :team AND id IN (:ids)")
                        .param("team", team).param("ids", slice).query(Long.class).list());
            }
            return owners;
        }
    }
}
