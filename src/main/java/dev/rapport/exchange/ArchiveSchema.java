package dev.rapport.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which tables a team archive holds and how each one's rows are chosen, derived from the schema
 * itself (JDBC metadata), so a new migration's table or column is archived without code changes:
 * <ul>
 * <li>{@code team}: the archived teams' rows;</li>
 * <li>a table with a {@code team_id} column: its rows of those teams;</li>
 * <li>{@code app_user}: the teams' members and every user the teams' rows refer to;</li>
 * <li>a table without {@code team_id}: the rows whose foreign key points at an archived row
 * (deal_template_milestone through deal_template, plan_activity through account_plan...).</li>
 * </ul>
 * A table that fits none of these must be listed in {@link #EXCLUDED} with the reason it holds no
 * team data; until then export refuses to run and ArchiveSchemaIntegrationTest fails, so no
 * migration can add data that backups silently lose.
 */
final class ArchiveSchema {
    static final String TEAM = "team";
    static final String USERS = "app_user";
    static final String TEAM_ID = "team_id";

    /** Tables that hold no team data, and why. */
    static final Map<String, String> EXCLUDED = Map.of(
            "flyway_schema_history", "migration bookkeeping: the target database runs its own migrations",
            "job_lock", "scheduler leases shared by every team; the migrations create the rows",
            "login_throttle", "failed sign-in counters that expire within minutes; not data",
            "queue_version", "queue cache validators; a restored member's row is made on first read",
            "spring_session", "web sessions: a restored server starts with everyone signed out",
            "spring_session_attributes", "web session contents (see spring_session)");

    /** Credentials: only in an archive made with --with-password-hashes. */
    static final Map<String, String> SECRET_COLUMNS = Map.of(USERS, "password_hash");
    /** Other secrets written as null without --with-password-hashes (restored users then need a reset). */
    static final Map<String, String> NULLED_SECRETS = Map.of(USERS, "totp_secret");
    static final Map<String, String> CREDENTIAL_TABLES = Map.of("api_token",
            "API token hashes are credentials: exported only with --with-password-hashes",
            "invitation", "invitation link hashes let someone join a team: exported only with --with-password-hashes",
            "calendar_feed", "calendar feed URL hashes let anyone read a user's feed: exported only with "
                    + "--with-password-hashes",
            "digest_unsubscribe", "unsubscribe link hashes turn a user's digest off: exported only with "
                    + "--with-password-hashes");

    record Column(String name, ArchiveType type, int jdbcType, String typeName, boolean nullable,
                  boolean hasDefault, boolean identity) {
        /** A value is required on insert: the database cannot fill it in. */
        boolean required() {
            return !nullable && !hasDefault && !identity;
        }
    }

    record ForeignKey(String parent, List<String> columns, List<String> parentColumns) {
    }

    record Table(String name, List<Column> columns, List<String> primaryKey, List<ForeignKey> foreignKeys) {
        Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }

        boolean hasTeamId() {
            return column(TEAM_ID).isPresent();
        }
    }

    /** How a table's rows are chosen for the archived teams. */
    sealed interface Scope {
    }

    record TeamRow() implements Scope {
    }

    record TeamColumn() implements Scope {
    }

    /** Users that are members or referenced by these keys of team-scoped tables. */
    record Referenced(List<Map.Entry<String, ForeignKey>> keys) implements Scope {
    }

    record Through(ForeignKey key) implements Scope {
    }

    record Planned(Table table, Scope scope) {
    }

    private final Map<String, Table> tables;
    private final List<Planned> archived = new ArrayList<>();
    private final Map<String, String> excluded = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    ArchiveSchema(List<Table> tables) {
        this.tables = new LinkedHashMap<>();
        tables.forEach(t -> this.tables.put(t.name(), t));
        classify();
    }

    /** Archived tables, parents before children. */
    List<Planned> archived() {
        return archived;
    }

    Optional<Planned> archived(String table) {
        return archived.stream().filter(p -> p.table().name().equals(table)).findFirst();
    }

    Map<String, String> excluded() {
        return excluded;
    }

    Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** What keeps this schema from being archived completely (empty when it can be). */
    List<String> problems() {
        return problems;
    }

    void requireComplete() {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the schema cannot be archived completely: " + String.join("; ", problems));
        }
    }

    /**
     * The condition choosing a table's rows of the given teams, on the table aliased {@code alias}.
     * Team ids are numbers, so they are written into the SQL; names come from the schema metadata.
     */
    String where(Planned planned, String alias, List<Long> teams) {
        String ids = teams.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return where(planned, alias, ids, 0);
    }

    private String where(Planned planned, String alias, String ids, int depth) {
        Scope scope = planned.scope();
        if (scope instanceof TeamRow) {
            return alias + ".id IN (" + ids + ")";
        }
        if (scope instanceof TeamColumn) {
            return alias + "." + TEAM_ID + " IN (" + ids + ")";
        }
        if (scope instanceof Referenced r) {
            List<String> any = new ArrayList<>();
            for (Map.Entry<String, ForeignKey> ref : r.keys()) {
                any.add(alias + "." + ref.getValue().parentColumns().get(0) + " IN (SELECT "
                        + ref.getValue().columns().get(0) + " FROM " + ref.getKey() + " WHERE " + TEAM_ID + " IN ("
                        + ids + "))");
            }
            return any.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", any) + ")";
        }
        ForeignKey key = ((Through) scope).key();
        String p = "p" + depth;
        List<String> join = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            join.add(p + "." + key.parentColumns().get(i) + " = " + alias + "." + key.columns().get(i));
        }
        Planned parent = archived(key.parent()).orElseThrow();
        return "EXISTS (SELECT 1 FROM " + key.parent() + " " + p + " WHERE " + String.join(" AND ", join) + " AND "
                + where(parent, p, ids, depth + 1) + ")";
    }

    private void classify() {
        Map<String, Scope> scopes = new HashMap<>();
        for (Table t : tables.values()) {
            if (EXCLUDED.containsKey(t.name())) {
                excluded.put(t.name(), EXCLUDED.get(t.name()));
            } else if (t.name().equals(TEAM)) {
                scopes.put(t.name(), new TeamRow());
            } else if (t.hasTeamId()) {
                scopes.put(t.name(), new TeamColumn());
            }
        }
        // children without team_id follow a foreign key to an archived parent (repeat for grandchildren)
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Table t : tables.values()) {
                if (scopes.containsKey(t.name()) || excluded.containsKey(t.name()) || t.name().equals(USERS)) {
                    continue;
                }
                Optional<ForeignKey> parent = t.foreignKeys().stream()
                        .filter(fk -> scopes.containsKey(fk.parent()) && !fk.parent().equals(USERS)).findFirst();
                if (parent.isPresent()) {
                    scopes.put(t.name(), new Through(parent.get()));
                    grew = true;
                }
            }
        }
        if (tables.containsKey(USERS)) {
            List<Map.Entry<String, ForeignKey>> refs = new ArrayList<>();
            tables.values().stream().filter(t -> scopes.get(t.name()) instanceof TeamColumn)
                    .sorted(Comparator.comparing(Table::name))
                    .forEach(t -> t.foreignKeys().stream().filter(fk -> fk.parent().equals(USERS))
                            .forEach(fk -> refs.add(Map.entry(t.name(), fk))));
            scopes.put(USERS, new Referenced(refs));
        }
        for (Table t : tables.values()) {
            if (!scopes.containsKey(t.name()) && !excluded.containsKey(t.name())) {
                problems.add("table " + t.name() + " has no team_id and no foreign key to an archived table: give it "
                        + "a team_id, or add it to ArchiveSchema.EXCLUDED with the reason it holds no team data");
            }
        }
        for (String name : order(scopes.keySet())) {
            Table t = tables.get(name);
            archived.add(new Planned(t, scopes.get(name)));
            t.columns().stream().filter(c -> c.type() == null).forEach(c -> problems.add("column " + name + "."
                    + c.name() + " has type " + c.typeName() + ", which the archive format does not encode yet"));
            t.foreignKeys().stream().filter(fk -> !scopes.containsKey(fk.parent())).forEach(fk -> problems.add(
                    "table " + name + " refers to " + fk.parent() + ", which is not archived"));
        }
    }

    /** Parents before children (Kahn's algorithm, ties by name so the order is stable). */
    private List<String> order(Set<String> names) {
        Map<String, Set<String>> parents = new HashMap<>();
        for (String n : names) {
            parents.put(n, tables.get(n).foreignKeys().stream().map(ForeignKey::parent)
                    .filter(p -> !p.equals(n) && names.contains(p)).collect(Collectors.toSet()));
        }
        List<String> ordered = new ArrayList<>();
        PriorityQueue<String> ready = new PriorityQueue<>(Comparator.comparing((String n) -> !n.equals(TEAM))
                .thenComparing(n -> !n.equals(USERS)).thenComparing(Comparator.naturalOrder()));
        parents.forEach((n, ps) -> {
            if (ps.isEmpty()) {
                ready.add(n);
            }
        });
        while (!ready.isEmpty()) {
            String n = ready.poll();
            ordered.add(n);
            parents.forEach((child, ps) -> {
                if (ps.remove(n) && ps.isEmpty()) {
                    ready.add(child);
                }
            });
        }
        if (ordered.size() < names.size()) {
            List<String> cyclic = names.stream().filter(n -> !ordered.contains(n)).sorted().toList();
            problems.add("foreign keys form a cycle between " + cyclic);
            ordered.addAll(cyclic);
        }
        return ordered;
    }
}
