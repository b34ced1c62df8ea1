package dev.rapport.deals;

import static dev.rapport.shared.Sql.instant;
import static dev.rapport.shared.Sql.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.Cursor;
import dev.rapport.shared.Page;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

@Repository
class JdbcDealRepository implements DealRepository {
    private static final String COLUMNS = """
            id, client_id, user_id, template_id, title, amount, status, listing_from, last_progress_at, closed_at,
            created_at
            """;
    /** The same columns of a deal aliased {@code d}. */
    private static final String DEAL_COLUMNS = COLUMNS.replaceAll("(\\w+)", "d.$1");

    private final JdbcClient jdbc;

    JdbcDealRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long insertTemplate(TeamId team, DealTemplate t, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO deal_template (team_id, name, listing_from, builtin, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(team.value(), t.name(), t.listingFrom(), t.builtin(), ts(now)).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (int i = 0; i < t.milestones().size(); i++) {
            jdbc.sql("INSERT INTO deal_template_milestone (team_id, template_id, position, name) VALUES (?, ?, ?, ?)")
                    .params(team.value(), id, i, t.milestones().get(i)).update();
        }
        return id;
    }

    @Override
    public List<DealTemplate> templates(TeamId team) {
        Map<Long, List<String>> names = new HashMap<>();
        jdbc.sql("""
                SELECT m.template_id, m.name FROM deal_template_milestone m
                JOIN deal_template t ON t.team_id = m.team_id AND t.id = m.template_id WHERE m.team_id = ?
                ORDER BY m.template_id, m.position
                """).param(team.value()).query(rs -> {
                    names.computeIfAbsent(rs.getLong("template_id"), k -> new ArrayList<>()).add(rs.getString("name"));
                });
        return jdbc.sql("SELECT id, name, listing_from, builtin FROM deal_template WHERE team_id = ? ORDER BY id")
                .param(team.value())
                .query((rs, n) -> new DealTemplate(rs.getLong("id"), rs.getString("name"),
                        names.getOrDefault(rs.getLong("id"), List.of()), rs.getObject("listing_from", Integer.class),
                        rs.getBoolean("builtin")))
                .list();
    }

    @Override
    public long insert(TeamId team, Deal d) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO deal (team_id, client_id, user_id, template_id, title, amount, status, listing_from,
                    last_progress_at, closed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(team.value(), d.clientId().value(), d.userId().value(), d.templateId(), d.title(),
                d.amount(), d.status().code(), d.listingFrom(), ts(d.lastProgressAt()), ts(d.closedAt()),
                ts(d.createdAt())).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (Deal.Milestone m : d.milestones()) {
            jdbc.sql("INSERT INTO deal_milestone (deal_id, team_id, position, name, completed_at) VALUES (?, ?, ?, ?, ?)")
                    .params(id, team.value(), m.position(), m.name(), ts(m.completedAt())).update();
        }
        return id;
    }

    @Override
    public Optional<Deal> find(TeamId team, long id) {
        return withMilestones(team, jdbc.sql("SELECT " + COLUMNS + " FROM deal WHERE id = ? AND team_id = ?")
                .params(id, team.value()).query(JdbcDealRepository::deal).list()).stream().findFirst();
    }

    @Override
    public void save(TeamId team, Deal d) {
        jdbc.sql("UPDATE deal SET status = ?, last_progress_at = ?, closed_at = ? WHERE id = ? AND team_id = ?")
                .params(d.status().code(), ts(d.lastProgressAt()), ts(d.closedAt()), d.id(), team.value()).update();
        for (Deal.Milestone m : d.milestones()) {
            jdbc.sql("UPDATE deal_milestone SET completed_at = ? WHERE deal_id = ? AND team_id = ? AND position = ?")
                    .params(ts(m.completedAt()), d.id(), team.value(), m.position()).update();
        }
    }

    @Override
    public List<Deal> list(TeamId team, UserId user, ClientId client, DealStatus status) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = filtered(team, user, client, status, p).append(" ORDER BY created_at, id");
        return withMilestones(team, jdbc.sql(sql.toString()).params(p).query(JdbcDealRepository::deal).list());
    }

    @Override
    public Page<Deal> page(TeamId team, UserId user, ClientId client, DealStatus status, Cursor.After<Instant> after,
                           int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = filtered(team, user, client, status, p);
        if (after != null) {
            sql.append(" AND (created_at > :afterAt OR (created_at = :afterAt AND id > :afterId))");
            p.put("afterAt", ts(after.key()));
            p.put("afterId", after.id());
        }
        sql.append(" ORDER BY created_at, id LIMIT :limit");
        p.put("limit", limit + 1);
        List<Deal> rows = jdbc.sql(sql.toString()).params(p).query(JdbcDealRepository::deal).list();
        Page<Deal> page = Page.cut(rows, limit, d -> Cursor.after(d.createdAt(), d.id()));
        return new Page<>(withMilestones(team, page.items()), page.nextCursor());
    }

    private static StringBuilder filtered(TeamId team, UserId user, ClientId client, DealStatus status,
                                          Map<String, Object> p) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM deal WHERE team_id = :team");
        p.put("team", team.value());
        if (user != null) {
            sql.append(" AND user_id = :user");
            p.put("user", user.value());
        }
        if (client != null) {
            sql.append(" AND client_id = :client");
            p.put("client", client.value());
        }
        if (status != null) {
            sql.append(" AND status = :status");
            p.put("status", status.code());
        }
        return sql;
    }

    @Override
    public List<Deal> onClient(TeamId team, ClientId client) {
        return withMilestones(team, jdbc.sql("SELECT " + COLUMNS
                        + " FROM deal WHERE team_id = ? AND client_id = ? ORDER BY created_at, id")
                .params(team.value(), client.value()).query(JdbcDealRepository::deal).list());
    }

    @Override
    public List<Deal> forOwner(TeamId team, UserId owner) {
        // deals in scope (open, or closed and maybe untold) joined to the client's owner and last real
        // outbound touch, in one statement; a deal told after its last milestone is told of every one
        return withMilestones(team, jdbc.sql("SELECT " + DEAL_COLUMNS + """
                 FROM deal d JOIN client c ON c.team_id = d.team_id AND c.id = d.client_id
                WHERE d.team_id = :team AND d.queue_scope = TRUE
                  AND c.team_id = :team AND c.owner_id = :owner AND c.archived_at IS NULL
                  AND (d.status = 'open' OR c.last_outbound_at IS NULL OR c.last_outbound_at <= d.last_progress_at)
                ORDER BY d.id
                """).param("team", team.value()).param("owner", owner.value())
                .query(JdbcDealRepository::deal).list());
    }

    @Override
    public int leaveScopeWhenTold() {
        // team by team: each statement stays on one team's rows (the tenant rule, docs/scaling.md)
        int told = 0;
        for (long team : jdbc.sql("SELECT DISTINCT team_id FROM deal WHERE queue_scope = TRUE AND status <> 'open'")
                .query(Long.class).list()) {
            told += jdbc.sql("""
                    UPDATE deal SET queue_scope = FALSE
                    WHERE team_id = ? AND queue_scope = TRUE AND status <> 'open' AND EXISTS (SELECT 1 FROM client c
                          WHERE c.team_id = deal.team_id AND c.id = deal.client_id
                            AND c.last_outbound_at > deal.last_progress_at)
                    """).param(team).update();
        }
        return told;
    }

    @Override
    public List<Deal> open(TeamId team, java.util.Collection<ClientId> clients) {
        if (clients != null && clients.isEmpty()) {
            return List.of();
        }
        return withMilestones(team, jdbc.sql("SELECT " + COLUMNS + " FROM deal WHERE team_id = :team AND status = 'open'"
                        + (clients == null ? "" : " AND client_id IN (:clients)"))
                .params(clients == null ? Map.of("team", team.value())
                        : Map.of("team", team.value(), "clients", clients.stream().map(ClientId::value).toList()))
                .query(JdbcDealRepository::deal).list());
    }

    /** Loads the milestones of a list of deals in one query (no N+1). */
    private List<Deal> withMilestones(TeamId team, List<Deal> deals) {
        if (deals.isEmpty()) {
            return deals;
        }
        Map<Long, List<Deal.Milestone>> milestones = new HashMap<>();
        // a whole team's deals can be many: chunks keep each statement under the drivers' parameter limits
        for (List<Long> ids : dev.rapport.shared.Sql.slices(deals.stream().map(Deal::id).toList(),
                dev.rapport.shared.Sql.IN_SLICE)) {
            jdbc.sql("""
                    SELECT deal_id, position, name, completed_at FROM deal_milestone
                    WHERE team_id = :team AND deal_id IN (:ids) ORDER BY deal_id, position
                    """).param("team", team.value()).param("ids", ids)
                    .query(rs -> {
                        milestones.computeIfAbsent(rs.getLong("deal_id"), k -> new ArrayList<>())
                                .add(new Deal.Milestone(rs.getInt("position"), rs.getString("name"),
                                        instant(rs, "completed_at")));
                    });
        }
        return deals.stream().map(d -> new Deal(d.id(), d.clientId(), d.userId(), d.templateId(), d.title(),
                d.amount(), d.status(), d.listingFrom(), milestones.getOrDefault(d.id(), List.of()),
                d.lastProgressAt(), d.closedAt(), d.createdAt())).toList();
    }

    private static Deal deal(ResultSet rs, int n) throws SQLException {
        return new Deal(rs.getLong("id"), new ClientId(rs.getLong("client_id")), new UserId(rs.getLong("user_id")),
                rs.getLong("template_id"), rs.getString("title"), rs.getObject("amount", BigDecimal.class),
                DealStatus.fromCode(rs.getString("status")).orElseThrow(), rs.getObject("listing_from", Integer.class),
                List.of(), instant(rs, "last_progress_at"), instant(rs, "closed_at"), instant(rs, "created_at"));
    }
}
