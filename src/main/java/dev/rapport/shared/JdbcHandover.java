package dev.rapport.shared;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves a person's open work (rows with team_id, user_id, client_id) to another person: used by
 * promises, deals and plans when clients change owner or a member leaves. Tables and conditions
 * are constants of the calling feature, never user input.
 */
@Component
public class JdbcHandover {
    private final JdbcClient jdbc;

    JdbcHandover(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The open rows of {@code from} (only for the given clients, or all when null) now belong to {@code to}. */
    public int handOver(String table, String openCondition, TeamId team, UserId from, UserId to,
                        Collection<ClientId> clients) {
        if (clients != null && clients.isEmpty()) {
            return 0;
        }
        String scope = clients == null ? "" : " AND client_id IN (:clients)";
        var spec = jdbc.sql("UPDATE " + table + " SET user_id = :to WHERE team_id = :team AND user_id = :from AND ("
                        + openCondition + ")" + scope)
                .param("to", to.value()).param("team", team.value()).param("from", from.value());
        if (clients != null) {
            spec = spec.param("clients", clients.stream().map(ClientId::value).toList());
        }
        return spec.update();
    }

    public long countOpen(String table, String openCondition, TeamId team, UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE team_id = ? AND user_id = ? AND (" + openCondition
                + ")").params(team.value(), user.value()).query(Long.class).single();
    }
}
