package dev.rapport.clients;

import static dev.rapport.shared.Sql.instant;
import static dev.rapport.shared.Sql.ts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.Cursor;
import dev.rapport.shared.Page;
import dev.rapport.shared.PlannerStatistics;
import dev.rapport.shared.Sql;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

@Repository
class JdbcClientRepository implements ClientRepository {
    private static final String CLIENT_COLUMNS = """
            c.id, c.team_id, c.owner_id, c.name, c.organisation, c.tier, c.status, c.kind, c.signed_on,
            c.depth_current, c.depth_target, c.ideal_days, c.max_days, c.rich_every_days, c.notes,
            c.created_at, c.updated_at, c.archived_at, c.last_touch_at, c.last_rich_at, c.last_outbound_at,
            c.last_update_request_at, c.shared
            """;


    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcClientRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public ClientId insert(TeamId team, ClientDetails d, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO client (team_id, owner_id, name, name_lower, organisation, tier, status, kind, signed_on,
                    depth_current, depth_target, ideal_days, max_days, rich_every_days, notes, created_at, updated_at)
                VALUES (:team, :owner, :name, :nameLower, :org, :tier, :status, :kind, :signedOn,
                    :depthCurrent, :depthTarget, :ideal, :max, :rich, :notes, :now, :now)
                """).paramSource(detailParams(team, d, now)).update(keys, "id");
        ClientId id = new ClientId(keys.getKeyAs(Long.class));
        insertChildren(team, id, d);
        return id;
    }

    @Override
    public boolean update(TeamId team, ClientId id, ClientDetails d, Instant now) {
        Map<String, Object> params = detailParams(team, d, now);
        params.put("id", id.value());
        int rows = jdbc.sql("""
                UPDATE client SET owner_id = :owner, name = :name, name_lower = :nameLower, organisation = :org,
                    tier = :tier, status = :status, kind = :kind, signed_on = :signedOn,
                    depth_current = :depthCurrent, depth_target = :depthTarget, ideal_days = :ideal,
                    max_days = :max, rich_every_days = :rich, notes = :notes, updated_at = :now
                WHERE id = :id AND team_id = :team
                """).paramSource(params).update();
        if (rows == 0) {
            return false;
        }
        for (String table : List.of("client_email", "client_phone", "client_address", "client_tag",
                "client_competitor")) {
            jdbc.sql("DELETE FROM " + table + " WHERE client_id = ? AND team_id = ?")
                    .params(id.value(), team.value()).update();
        }
        insertChildren(team, id, d);
        return true;
    }

    private static Map<String, Object> detailParams(TeamId team, ClientDetails d, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("team", team.value());
        p.put("owner", d.ownerId().value());
        p.put("name", d.name());
        p.put("nameLower", d.name().toLowerCase(Locale.ROOT));
        p.put("org", d.organisation());
        p.put("tier", d.tier());
        p.put("status", d.status().code());
        p.put("kind", d.kind().code());
        p.put("signedOn", d.signedOn());
        p.put("depthCurrent", d.depthCurrent());
        p.put("depthTarget", d.depthTarget());
        p.put("ideal", d.cadence().idealDays());
        p.put("max", d.cadence().maxDays());
        p.put("rich", d.cadence().richEveryDays());
        p.put("notes", d.notes());
        p.put("now", ts(now));
        return p;
    }

    private void insertChildren(TeamId team, ClientId id, ClientDetails d) {
        insertChildren(team, List.of(id), List.of(d));
    }

    /** The child rows of many clients, one batch per table. */
    private void insertChildren(TeamId team, List<ClientId> ids, List<ClientDetails> all) {
        List<Object[]> emails = new ArrayList<>();
        List<Object[]> phones = new ArrayList<>();
        List<Object[]> addresses = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        List<Object[]> competitors = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            long id = ids.get(k).value();
            ClientDetails d = all.get(k);
            for (int i = 0; i < d.emails().size(); i++) {
                String email = d.emails().get(i);
                emails.add(new Object[] {team.value(), id, i, email, email.toLowerCase(Locale.ROOT)});
            }
            for (int i = 0; i < d.phones().size(); i++) {
                String phone = d.phones().get(i);
                phones.add(new Object[] {team.value(), id, i, phone, PhoneNumbers.digits(phone)});
            }
            for (int i = 0; i < d.addresses().size(); i++) {
                addresses.add(new Object[] {team.value(), id, i, d.addresses().get(i)});
            }
            for (String tag : d.tags()) {
                tags.add(new Object[] {team.value(), id, tag});
            }
            for (int i = 0; i < d.competitors().size(); i++) {
                Competitor c = d.competitors().get(i);
                competitors.add(new Object[] {team.value(), id, i, c.name().strip(), c.notes()});
            }
        }
        batch("INSERT INTO client_email (team_id, client_id, position, email, email_lower) VALUES (?, ?, ?, ?, ?)",
                emails);
        batch("INSERT INTO client_phone (team_id, client_id, position, phone, phone_digits) VALUES (?, ?, ?, ?, ?)",
                phones);
        batch("INSERT INTO client_address (team_id, client_id, position, address) VALUES (?, ?, ?, ?)", addresses);
        batch("INSERT INTO client_tag (team_id, client_id, tag) VALUES (?, ?, ?)", tags);
        batch("INSERT INTO client_competitor (team_id, client_id, position, name, notes) VALUES (?, ?, ?, ?, ?)",
                competitors);
    }

    private void batch(String sql, List<Object[]> rows) {
        if (rows.size() == 1) {
            jdbc.sql(sql).params(rows.get(0)).update();
        } else if (!rows.isEmpty()) {
            template.batchUpdate(sql, rows);
        }
    }

    private static final String INSERT_CLIENT = """
            INSERT INTO client (team_id, owner_id, name, name_lower, organisation, tier, status, kind, signed_on,
                depth_current, depth_target, ideal_days, max_days, rich_every_days, notes, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    @Override
    public List<ClientId> insertAll(TeamId team, List<ClientDetails> all, Instant now) {
        if (all.isEmpty()) {
            return List.of();
        }
        var keys = new GeneratedKeyHolder();
        template.batchUpdate(con -> con.prepareStatement(INSERT_CLIENT, new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ClientDetails d = all.get(i);
                        new ArgumentPreparedStatementSetter(new Object[] {team.value(), d.ownerId().value(), d.name(),
                            d.name().toLowerCase(Locale.ROOT), d.organisation(), d.tier(), d.status().code(),
                            d.kind().code(), d.signedOn(), d.depthCurrent(), d.depthTarget(), d.cadence().idealDays(),
                            d.cadence().maxDays(), d.cadence().richEveryDays(), d.notes(), ts(now), ts(now)})
                                .setValues(ps);
                    }

                    @Override
                    public int getBatchSize() {
                        return all.size();
                    }
                }, keys);
        List<ClientId> ids = keys.getKeyList().stream()
                .map(row -> new ClientId(((Number) row.values().iterator().next()).longValue())).toList();
        if (ids.size() != all.size()) {
            throw new IllegalStateException("expected " + all.size() + " generated ids, got " + ids.size());
        }
        insertChildren(team, ids, all);
        return ids;
    }

    @Override
    public void updateAll(TeamId team, Map<ClientId, ClientDetails> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        List<ClientId> ids = new ArrayList<>(changes.keySet());
        List<ClientDetails> all = ids.stream().map(changes::get).toList();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ClientDetails d = all.get(i);
            rows.add(new Object[] {d.ownerId().value(), d.name(), d.name().toLowerCase(Locale.ROOT), d.organisation(),
                d.tier(), d.status().code(), d.kind().code(), d.signedOn(), d.cadence().idealDays(),
                d.cadence().maxDays(), d.cadence().richEveryDays(), d.notes(), ts(now), ids.get(i).value(),
                team.value()});
        }
        template.batchUpdate("""
                UPDATE client SET owner_id = ?, name = ?, name_lower = ?, organisation = ?, tier = ?, status = ?,
                    kind = ?, signed_on = ?, ideal_days = ?, max_days = ?, rich_every_days = ?, notes = ?,
                    updated_at = ?
                WHERE id = ? AND team_id = ?
                """, rows);
        List<Long> raw = ids.stream().map(ClientId::value).toList();
        for (String table : List.of("client_email", "client_phone", "client_address", "client_tag",
                "client_competitor")) {
            jdbc.sql("DELETE FROM " + table + " WHERE team_id = :team AND client_id IN (:ids)")
                    .param("team", team.value()).param("ids", raw).update();
        }
        insertChildren(team, ids, all);
    }

    @Override
    public Map<String, List<ClientId>> idsByEmail(TeamId team, java.util.Collection<String> lowerEmails) {
        return idsBy("client_email", "email_lower", team, lowerEmails);
    }

    @Override
    public Map<String, List<ClientId>> idsByPhoneDigits(TeamId team, java.util.Collection<String> digits) {
        return idsBy("client_phone", "phone_digits", team, digits);
    }

    /**
     * Key -> client ids holding it, oldest client first. The key leads the index (key, team_id):
     * H2 uses only an index's first column for "IN (...)".
     */
    private Map<String, List<ClientId>> idsBy(String table, String column, TeamId team,
                                              java.util.Collection<String> keys) {
        Map<String, List<ClientId>> result = new HashMap<>();
        if (keys.isEmpty()) {
            return result;
        }
        for (List<String> slice : Sql.slices(keys, Sql.IN_SLICE)) {
            jdbc.sql("SELECT " + column + " AS k, client_id FROM " + table + " WHERE " + column
                            + " IN (:keys) AND team_id = :team ORDER BY client_id")
                    .param("keys", slice).param("team", team.value())
                    .query(rs -> {
                        List<ClientId> ids = result.computeIfAbsent(rs.getString("k"), k -> new ArrayList<>());
                        ClientId id = new ClientId(rs.getLong("client_id"));
                        if (!ids.contains(id)) {
                            ids.add(id);
                        }
                    });
        }
        return result;
    }

    @Override
    public boolean setArchivedAt(TeamId team, ClientId id, Instant archivedAt, Instant now) {
        return jdbc.sql("UPDATE client SET archived_at = ?, updated_at = ? WHERE id = ? AND team_id = ?")
                .params(ts(archivedAt), ts(now), id.value(), team.value()).update() == 1;
    }

    @Override
    public Optional<Client> find(TeamId team, UserId viewer, ClientId id) {
        List<Row> rows = jdbc.sql("SELECT " + CLIENT_COLUMNS + " FROM client c WHERE c.id = :id AND c.team_id = :team"
                        + visible(viewer))
                .param("id", id.value()).param("team", team.value()).param("viewer", viewerId(viewer))
                .query(JdbcClientRepository::row).list();
        return withChildren(team, rows).stream().findFirst();
    }

    @Override
    public boolean exists(TeamId team, UserId viewer, ClientId id) {
        return jdbc.sql("SELECT COUNT(*) FROM client c WHERE c.id = :id AND c.team_id = :team" + visible(viewer))
                .param("id", id.value()).param("team", team.value()).param("viewer", viewerId(viewer))
                .query(Long.class).single() > 0;
    }

    @Override
    public void refreshStatistics() {
        PlannerStatistics.refresh(template, "client", "client_email", "client_phone",
                "client_address", "client_tag");
    }

    @Override
    public List<Client> findAll(TeamId team, UserId viewer, java.util.Collection<ClientId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Row> rows = jdbc.sql("SELECT " + CLIENT_COLUMNS + " FROM client c WHERE c.team_id = :team AND c.id IN (:ids)"
                        + visible(viewer))
                .param("team", team.value()).param("ids", ids.stream().map(ClientId::value).distinct().toList())
                .param("viewer", viewerId(viewer))
                .query(JdbcClientRepository::row).list();
        return withChildren(team, rows);
    }

    @Override
    public long countOwned(TeamId team, UserId owner) {
        return jdbc.sql("SELECT COUNT(*) FROM client WHERE team_id = ? AND owner_id = ?")
                .params(team.value(), owner.value()).query(Long.class).single();
    }

    @Override
    public void setShared(TeamId team, ClientId id, boolean shared, Instant now) {
        jdbc.sql("UPDATE client SET shared = ?, updated_at = ? WHERE id = ? AND team_id = ?")
                .params(shared, ts(now), id.value(), team.value()).update();
    }

    @Override
    public List<ClientId> transfer(TeamId team, UserId from, java.util.Collection<ClientId> ids, UserId to,
                                   Instant now) {
        String scope = ids == null ? "" : " AND id IN (:ids)";
        var select = jdbc.sql("SELECT id FROM client WHERE team_id = :team AND owner_id = :from" + scope + " ORDER BY id")
                .param("team", team.value()).param("from", from.value());
        if (ids != null) {
            if (ids.isEmpty()) {
                return List.of();
            }
            select = select.param("ids", ids.stream().map(ClientId::value).toList());
        }
        List<ClientId> moved = select.query(Long.class).list().stream().map(ClientId::new).toList();
        if (!moved.isEmpty()) {
            jdbc.sql("UPDATE client SET owner_id = :to, updated_at = :now WHERE team_id = :team AND id IN (:ids)")
                    .param("to", to.value()).param("now", ts(now)).param("team", team.value())
                    .param("ids", moved.stream().map(ClientId::value).toList()).update();
        }
        return moved;
    }

    /**
     * A member's view: their own clients and the shared ones. On PostgreSQL, ix_client_owner and the
     * partial ix_client_shared (V18) serve the two halves.
     */
    static final String MEMBER_VISIBLE = " AND (c.owner_id = :viewer OR c.shared)";

    /** A member's view, or no condition for the whole team. */
    private static String visible(UserId viewer) {
        return viewer == null ? "" : MEMBER_VISIBLE;
    }

    private static Long viewerId(UserId viewer) {
        return viewer == null ? null : viewer.value();
    }

    @Override
    public Page<Client> search(TeamId team, UserId viewer, ClientQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + CLIENT_COLUMNS + " FROM client c WHERE c.team_id = :team"
                + visible(viewer));
        Map<String, Object> p = new HashMap<>();
        p.put("team", team.value());
        p.put("viewer", viewerId(viewer));
        if (!q.includeArchived()) {
            sql.append(" AND c.archived_at IS NULL");
        }
        if (q.text() != null && !q.text().isBlank()) {
            sql.append("""
                     AND (c.name_lower LIKE :text ESCAPE '\\' OR LOWER(c.organisation) LIKE :text ESCAPE '\\'
                      OR EXISTS (SELECT 1 FROM client_email e WHERE e.client_id = c.id AND e.team_id = :team
                                 AND e.email_lower LIKE :text ESCAPE '\\'))
                    """);
            p.put("text", Sql.likeContains(q.text().strip().toLowerCase(Locale.ROOT)));
        }
        if (q.tag() != null && !q.tag().isBlank()) {
            sql.append(" AND EXISTS (SELECT 1 FROM client_tag t WHERE t.client_id = c.id AND t.team_id = :team"
                    + " AND t.tag = :tag)");
            p.put("tag", q.tag().strip().toLowerCase(Locale.ROOT));
        }
        if (q.tier() != null && !q.tier().isBlank()) {
            sql.append(" AND c.tier = :tier");
            p.put("tier", q.tier().strip());
        }
        if (q.status() != null) {
            sql.append(" AND c.status = :status");
            p.put("status", q.status().code());
        }
        if (q.kind() != null) {
            sql.append(" AND c.kind = :kind");
            p.put("kind", q.kind().code());
        }
        if (q.ownerId() != null) {
            sql.append(" AND c.owner_id = :owner");
            p.put("owner", q.ownerId().value());
        }
        if (q.sort() == ClientQuery.Sort.NAME) {
            if (q.cursor() != null) {
                List<String> parts = Cursor.decode(q.cursor(), 2);
                sql.append(" AND (c.name_lower > :afterName OR (c.name_lower = :afterName AND c.id > :afterId))");
                p.put("afterName", parts.get(0));
                p.put("afterId", parseId(parts.get(1)));
            }
            sql.append(" ORDER BY c.name_lower, c.id LIMIT :limit");
        } else {
            touchOrder(q, sql, p);
        }
        p.put("limit", q.limit() + 1);
        List<Row> rows = jdbc.sql(sql.toString()).params(p).query(JdbcClientRepository::row).list();
        String next = null;
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            Row last = rows.get(rows.size() - 1);
            next = q.sort() == ClientQuery.Sort.NAME ? Cursor.encode(last.nameLower(), Long.toString(last.id()))
                    : Cursor.encode(q.sort().name(), touchKey(last.client().lastTouchAt()).toString(),
                    Long.toString(last.id()));
        }
        return new Page<>(withChildren(team, rows), next);
    }

    /** Stands in for "never touched" so the keyset is a plain (instant, id) pair on both databases. */
    private static final Instant NEVER = Instant.parse("1900-01-01T00:00:00Z");
    private static final String TOUCH_KEY = "COALESCE(c.last_touch_at, :never)";

    private static Instant touchKey(Instant lastTouchAt) {
        return lastTouchAt == null ? NEVER : lastTouchAt;
    }

    private static void touchOrder(ClientQuery q, StringBuilder sql, Map<String, Object> p) {
        boolean ascending = q.sort() == ClientQuery.Sort.LEAST_RECENT_TOUCH;
        String after = ascending ? ">" : "<";
        p.put("never", ts(NEVER));
        if (q.cursor() != null) {
            List<String> parts = Cursor.decode(q.cursor(), 3);
            if (!parts.get(0).equals(q.sort().name())) {
                throw new dev.rapport.shared.InvalidInputException("cursor", "belongs to another sort order");
            }
            try {
                p.put("afterAt", ts(Cursor.instant(parts.get(1))));
            } catch (java.time.DateTimeException e) {
                throw new dev.rapport.shared.InvalidInputException("cursor", "is not a cursor returned by this API");
            }
            p.put("afterId", parseId(parts.get(2)));
            sql.append(" AND (" + TOUCH_KEY + " " + after + " :afterAt OR (" + TOUCH_KEY
                    + " = :afterAt AND c.id " + after + " :afterId))");
        }
        String direction = ascending ? "" : " DESC";
        sql.append(" ORDER BY " + TOUCH_KEY + direction + ", c.id" + direction + " LIMIT :limit");
    }

    private static long parseId(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new dev.rapport.shared.InvalidInputException("cursor", "is not a cursor returned by this API");
        }
    }

    @Override
    public Optional<UserId> lockClient(TeamId team, UserId viewer, ClientId client) {
        return jdbc.sql("SELECT c.owner_id FROM client c WHERE c.team_id = :team AND c.id = :id" + visible(viewer)
                        + " FOR UPDATE")
                .param("team", team.value()).param("id", client.value()).param("viewer", viewerId(viewer))
                .query(Long.class).optional().map(UserId::new);
    }

    @Override
    public void lockClients(TeamId team) {
        jdbc.sql("SELECT id FROM client WHERE team_id = ? FOR UPDATE").param(team.value()).query(rs -> { });
    }

    @Override
    public void lockMember(TeamId team, UserId user) {
        jdbc.sql("SELECT user_id FROM membership WHERE team_id = ? AND user_id = ? FOR UPDATE")
                .params(team.value(), user.value()).query(Long.class).list();
    }

    @Override
    public long insertTouch(TeamId team, ClientId client, UserId user, NewTouch t, boolean rich, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO touch (team_id, client_id, user_id, at, channel, direction, minutes, note, rating,
                    update_request, automated, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(team.value(), client.value(), user.value(), ts(t.at()), t.channel().code(),
                t.direction().code(), t.minutes(), t.note(), t.rating(), t.updateRequest(), t.automated(), ts(now))
                .update(keys, "id");
        if (!t.automated()) {
            foldIntoRollups(team, client, t, rich);
        }
        return keys.getKeyAs(Long.class);
    }

    /** Rollups take the maximum, so touches logged after the fact and out of order stay correct. */
    private void foldIntoRollups(TeamId team, ClientId client, NewTouch t, boolean rich) {
        boolean outbound = t.direction() == Direction.OUTBOUND;
        boolean request = t.updateRequest() && t.direction() == Direction.INBOUND;
        jdbc.sql("""
                UPDATE client SET
                    last_touch_at = CASE WHEN last_touch_at IS NULL OR last_touch_at < :at THEN :at
                                         ELSE last_touch_at END,
                    last_rich_at = CASE WHEN :rich AND (last_rich_at IS NULL OR last_rich_at < :at) THEN :at
                                        ELSE last_rich_at END,
                    last_outbound_at = CASE WHEN :outbound AND (last_outbound_at IS NULL OR last_outbound_at < :at)
                                            THEN :at ELSE last_outbound_at END,
                    last_update_request_at = CASE WHEN :request
                                                   AND (last_update_request_at IS NULL OR last_update_request_at < :at)
                                                  THEN :at ELSE last_update_request_at END
                WHERE id = :id AND team_id = :team
                """).param("at", ts(t.at())).param("rich", rich).param("outbound", outbound)
                .param("request", request).param("id", client.value()).param("team", team.value()).update();
    }

    @Override
    public Page<Touch> timeline(TeamId team, ClientId client, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, client_id, user_id, at, channel, direction, minutes, note, rating, update_request,
                       automated, created_at
                FROM touch WHERE client_id = :client AND team_id = :team
                """);
        Map<String, Object> p = new HashMap<>();
        p.put("client", client.value());
        p.put("team", team.value());
        if (cursor != null) {
            Cursor.After<Instant> before = Cursor.after(cursor, Cursor::instant);
            p.put("beforeAt", ts(before.key()));
            p.put("beforeId", before.id());
            sql.append(" AND (at < :beforeAt OR (at = :beforeAt AND id < :beforeId))");
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT :limit");
        p.put("limit", limit + 1);
        return Page.cut(jdbc.sql(sql.toString()).params(p).query(JdbcClientRepository::touch).list(), limit,
                last -> Cursor.after(last.at(), last.id()));
    }

    @Override
    public List<CadenceFacts> cadenceFacts(TeamId team, UserId owner) {
        return jdbc.sql("SELECT " + FACT_COLUMNS + """
                 FROM client WHERE team_id = ? AND owner_id = ? AND archived_at IS NULL
                """).params(team.value(), owner.value()).query(JdbcClientRepository::facts).list();
    }

    /**
     * The conditions are filtered by the database, so only the few clients that can be in the queue
     * travel and become objects (the ~400 of a member are read from the owner index either way).
     */
    @Override
    public List<CadenceFacts> cadenceFacts(TeamId team, UserId owner, QueueCandidates candidates) {
        Map<String, Object> params = new HashMap<>();
        params.put("team", team.value());
        params.put("owner", owner.value());
        StringBuilder where = new StringBuilder("""
                last_touch_at IS NULL OR ideal_days IS NOT NULL OR rich_every_days IS NOT NULL
                OR (last_update_request_at IS NOT NULL
                    AND (last_outbound_at IS NULL OR last_outbound_at <= last_update_request_at))
                """);
        List<String> tiers = new ArrayList<>();
        for (int i = 0; i < candidates.tiers().size(); i++) {
            QueueCandidates.TierCutoff t = candidates.tiers().get(i);
            tiers.add(t.tier());
            params.put("tier" + i, t.tier());
            params.put("touched" + i, ts(t.touchedBefore()));
            where.append(" OR (tier = :tier").append(i).append(" AND (last_touch_at < :touched").append(i);
            if (t.richBefore() != null) {
                params.put("rich" + i, ts(t.richBefore()));
                where.append(" OR COALESCE(last_rich_at, created_at) < :rich").append(i);
            }
            where.append("))");
        }
        if (!tiers.isEmpty()) {
            params.put("tiers", tiers);
            where.append(" OR tier NOT IN (:tiers)");
        }
        if (!candidates.include().isEmpty()) {
            params.put("ids", candidates.include().stream().map(ClientId::value).sorted().toList());
            where.append(" OR id IN (:ids)");
        }
        return jdbc.sql("SELECT " + FACT_COLUMNS + " FROM client"
                        + " WHERE team_id = :team AND owner_id = :owner AND archived_at IS NULL AND (" + where + ")")
                .params(params).query(JdbcClientRepository::facts).list();
    }

    private static final String FACT_COLUMNS = """
            id, name, tier, ideal_days, max_days, rich_every_days, signed_on, created_at,
            last_touch_at, last_rich_at, last_outbound_at, last_update_request_at""";

    private static CadenceFacts facts(ResultSet rs, int n) throws SQLException {
        return new CadenceFacts(new ClientId(rs.getLong("id")), rs.getString("name"), rs.getString("tier"),
                override(rs), rs.getObject("signed_on", LocalDate.class), instant(rs, "created_at"),
                instant(rs, "last_touch_at"), instant(rs, "last_rich_at"), instant(rs, "last_outbound_at"),
                instant(rs, "last_update_request_at"));
    }

    /** A member's timed touches in a window; on PostgreSQL the partial index ix_touch_timed (V16) matches it. */
    static final String TIMED_TOUCHES = """
            SELECT at, minutes FROM touch
            WHERE team_id = ? AND user_id = ? AND at > ? AND at < ? AND minutes > 0 AND NOT automated
            ORDER BY at
            """;

    @Override
    public List<TimedTouch> timedTouches(TeamId team, UserId user, Instant from, Instant to) {
        // a touch lasts at most a day, which bounds the index range scanned
        return jdbc.sql(TIMED_TOUCHES)
                .params(team.value(), user.value(), ts(from.minus(java.time.Duration.ofDays(1))), ts(to))
                .query((rs, n) -> new TimedTouch(instant(rs, "at"), rs.getInt("minutes")))
                .list().stream()
                .filter(t -> t.at().plusSeconds(t.minutes() * 60L).isAfter(from))
                .toList();
    }

    @Override
    public void signedClientTouches(TeamId team, LocalDate signedFrom, LocalDate signedTo,
                                    java.util.Collection<ClientId> only, Instant from, Instant to,
                                    java.util.function.Consumer<SignedTouch> sink) {
        if (only != null && only.isEmpty()) {
            return;
        }
        var sql = jdbc.sql("""
                SELECT c.id, c.signed_on, t.at, t.channel FROM client c
                LEFT JOIN touch t ON t.client_id = c.id AND NOT t.automated
                                  AND t.at >= :from AND t.at < :to
                WHERE c.team_id = :team AND c.signed_on BETWEEN :signedFrom AND :signedTo AND c.archived_at IS NULL
                """ + (only == null ? "" : " AND c.id IN (:ids)") + " ORDER BY c.id")
                .param("from", ts(from)).param("to", ts(to)).param("team", team.value())
                .param("signedFrom", signedFrom).param("signedTo", signedTo);
        if (only != null) {
            sql = sql.param("ids", only.stream().map(ClientId::value).toList());
        }
        sql.query(rs -> {
            String channel = rs.getString("channel");
            sink.accept(new SignedTouch(new ClientId(rs.getLong("id")), rs.getObject("signed_on", LocalDate.class),
                    instant(rs, "at"), channel == null ? null : Channel.fromCode(channel).orElse(null)));
        });
    }

    @Override
    public List<Touch> touchesSince(TeamId team, ClientId client, Instant since) {
        return jdbc.sql("""
                SELECT id, client_id, user_id, at, channel, direction, minutes, note, rating, update_request,
                       automated, created_at
                FROM touch WHERE team_id = ? AND client_id = ? AND at >= ? AND NOT automated ORDER BY at, id
                """).params(team.value(), client.value(), ts(since)).query(JdbcClientRepository::touch).list();
    }

    @Override
    public ChannelWeights weights(TeamId team) {
        Map<Channel, Integer> weights = new HashMap<>();
        jdbc.sql("SELECT channel, weight FROM channel_weight WHERE team_id = ?").param(team.value())
                .query(rs -> {
                    Channel.fromCode(rs.getString("channel")).ifPresent(c -> {
                        try {
                            weights.put(c, rs.getInt("weight"));
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                });
        return new ChannelWeights(weights);
    }

    @Override
    public void saveWeights(TeamId team, ChannelWeights weights) {
        jdbc.sql("DELETE FROM channel_weight WHERE team_id = ?").param(team.value()).update();
        weights.weights().forEach((channel, weight) -> jdbc
                .sql("INSERT INTO channel_weight (team_id, channel, weight) VALUES (?, ?, ?)")
                .params(team.value(), channel.code(), weight).update());
    }

    @Override
    public void recomputeLastRich(TeamId team, Set<Channel> richChannels) {
        if (richChannels.isEmpty()) {
            jdbc.sql("UPDATE client SET last_rich_at = NULL WHERE team_id = ?").param(team.value()).update();
            return;
        }
        jdbc.sql("""
                UPDATE client SET last_rich_at = (
                    SELECT MAX(t.at) FROM touch t
                    WHERE t.client_id = client.id AND t.team_id = :team AND NOT t.automated AND t.channel IN (:rich))
                WHERE team_id = :team
                """).param("team", team.value())
                .param("rich", richChannels.stream().map(Channel::code).toList()).update();
    }

    @Override
    public long countClientsWithTier(TeamId team, String tier) {
        return jdbc.sql("SELECT COUNT(*) FROM client WHERE team_id = ? AND tier = ?").params(team.value(), tier)
                .query(Long.class).single();
    }

    @Override
    public void setDepth(TeamId team, ClientId id, Integer current, Integer target, Instant now) {
        jdbc.sql("UPDATE client SET depth_current = ?, depth_target = ?, updated_at = ? WHERE id = ? AND team_id = ?")
                .params(current, target, ts(now), id.value(), team.value()).update();
    }

    @Override
    public void insertDepthChange(TeamId team, ClientId id, DepthChange c) {
        jdbc.sql("""
                INSERT INTO depth_change (team_id, client_id, user_id, depth_current, depth_target, note, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(team.value(), id.value(), c.userId().value(), c.current(), c.target(), c.note(),
                ts(c.changedAt())).update();
    }

    @Override
    public List<DepthChange> depthHistory(TeamId team, ClientId id) {
        return jdbc.sql("""
                SELECT user_id, depth_current, depth_target, note, changed_at FROM depth_change
                WHERE team_id = ? AND client_id = ? ORDER BY changed_at, id
                """).params(team.value(), id.value())
                .query((rs, n) -> new DepthChange(new UserId(rs.getLong("user_id")),
                        rs.getObject("depth_current", Integer.class), rs.getObject("depth_target", Integer.class),
                        rs.getString("note"), instant(rs, "changed_at")))
                .list();
    }

    /** A client row before its child lists are attached. */
    private record Row(long id, String nameLower, Client client) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        ClientDetails details = new ClientDetails(rs.getString("name"), rs.getString("organisation"), List.of(),
                List.of(), List.of(), List.of(), new UserId(rs.getLong("owner_id")), rs.getString("tier"),
                ClientStatus.fromCode(rs.getString("status")).orElseThrow(),
                ClientKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getObject("signed_on", LocalDate.class),
                rs.getObject("depth_current", Integer.class),
                rs.getObject("depth_target", Integer.class), override(rs), rs.getString("notes"), List.of());
        Client client = new Client(new ClientId(rs.getLong("id")), new TeamId(rs.getLong("team_id")), details,
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "archived_at"),
                instant(rs, "last_touch_at"), instant(rs, "last_rich_at"), instant(rs, "last_outbound_at"),
                instant(rs, "last_update_request_at"), rs.getBoolean("shared"));
        return new Row(client.id().value(), rs.getString("name").toLowerCase(Locale.ROOT), client);
    }

    private static CadenceOverride override(ResultSet rs) throws SQLException {
        return new CadenceOverride(rs.getObject("ideal_days", Integer.class), rs.getObject("max_days", Integer.class),
                rs.getObject("rich_every_days", Integer.class));
    }

    /** Loads the child lists of a page of clients in one query per table (no N+1). */
    private List<Client> withChildren(TeamId team, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<String>> emails = strings("SELECT client_id, email AS v FROM client_email", team, ids);
        Map<Long, List<String>> phones = strings("SELECT client_id, phone AS v FROM client_phone", team, ids);
        Map<Long, List<String>> addresses = strings("SELECT client_id, address AS v FROM client_address", team, ids);
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("SELECT client_id, tag FROM client_tag WHERE team_id = :team AND client_id IN (:ids) ORDER BY tag")
                .param("team", team.value()).param("ids", ids)
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong("client_id"), k -> new ArrayList<>()).add(rs.getString("tag"));
                });
        Map<Long, List<Competitor>> competitors = new HashMap<>();
        jdbc.sql("""
                SELECT client_id, name, notes FROM client_competitor WHERE team_id = :team AND client_id IN (:ids)
                ORDER BY client_id, position
                """).param("team", team.value()).param("ids", ids)
                .query(rs -> {
                    competitors.computeIfAbsent(rs.getLong("client_id"), k -> new ArrayList<>())
                            .add(new Competitor(rs.getString("name"), rs.getString("notes")));
                });
        return rows.stream().map(r -> {
            Client c = r.client();
            ClientDetails d = c.details();
            ClientDetails full = new ClientDetails(d.name(), d.organisation(), emails.getOrDefault(r.id(), List.of()),
                    phones.getOrDefault(r.id(), List.of()), addresses.getOrDefault(r.id(), List.of()),
                    tags.getOrDefault(r.id(), List.of()), d.ownerId(), d.tier(), d.status(), d.kind(), d.signedOn(),
                    d.depthCurrent(), d.depthTarget(), d.cadence(), d.notes(),
                    competitors.getOrDefault(r.id(), List.of()));
            return new Client(c.id(), c.teamId(), full, c.createdAt(), c.updatedAt(), c.archivedAt(), c.lastTouchAt(),
                    c.lastRichAt(), c.lastOutboundAt(), c.lastUpdateRequestAt(), c.shared());
        }).toList();
    }

    private Map<Long, List<String>> strings(String select, TeamId team, List<Long> ids) {
        Map<Long, List<String>> result = new HashMap<>();
        jdbc.sql(select + " WHERE team_id = :team AND client_id IN (:ids) ORDER BY client_id, position")
                .param("team", team.value()).param("ids", ids)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong("client_id"), k -> new ArrayList<>()).add(rs.getString("v"));
                });
        return result;
    }

    private static Touch touch(ResultSet rs, int n) throws SQLException {
        return new Touch(rs.getLong("id"), new ClientId(rs.getLong("client_id")), new UserId(rs.getLong("user_id")),
                instant(rs, "at"), Channel.fromCode(rs.getString("channel")).orElseThrow(),
                Direction.fromCode(rs.getString("direction")).orElseThrow(), rs.getObject("minutes", Integer.class),
                rs.getString("note"), rs.getObject("rating", Integer.class), rs.getBoolean("update_request"),
                rs.getBoolean("automated"), instant(rs, "created_at"));
    }

}
