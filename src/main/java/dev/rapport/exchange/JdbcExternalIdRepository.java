package dev.rapport.exchange;

import static dev.rapport.shared.Sql.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.PlannerStatistics;
import dev.rapport.shared.Sql;
import dev.rapport.shared.TeamId;

@Repository
class JdbcExternalIdRepository implements ExternalIds {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcExternalIdRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public void refreshStatistics() {
        PlannerStatistics.refresh(template, "client_external_id");
    }

    @Override
    public Map<String, ClientId> find(TeamId team, Collection<String> externalIds) {
        Map<String, ClientId> found = new HashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        // the id leads the primary key (external_id, team_id): H2 uses only an index's first column for IN
        for (List<String> slice : Sql.slices(externalIds, Sql.IN_SLICE)) {
            jdbc.sql("SELECT external_id, client_id FROM client_external_id WHERE external_id IN (:ids)"
                            + " AND team_id = :team")
                    .param("ids", slice).param("team", team.value())
                    .query(rs -> {
                        found.put(rs.getString("external_id"), new ClientId(rs.getLong("client_id")));
                    });
        }
        return found;
    }

    @Override
    public void link(TeamId team, Map<String, ClientId> links, Instant now) {
        if (links.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        links.forEach((id, client) -> rows.add(new Object[] {team.value(), id, client.value(), ts(now)}));
        template.batchUpdate("INSERT INTO client_external_id (team_id, external_id, client_id, created_at)"
                + " VALUES (?, ?, ?, ?)", rows);
    }

    @Override
    public void lockTeam(TeamId team) {
        jdbc.sql("SELECT id FROM team WHERE id = ? FOR UPDATE").param(team.value()).query(Long.class).list();
    }
}
