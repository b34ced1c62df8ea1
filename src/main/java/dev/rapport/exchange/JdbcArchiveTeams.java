package dev.rapport.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.rapport.exchange.ArchiveManifest.TeamRef;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;

/** Finds the teams an admin names for an archive. */
final class JdbcArchiveTeams {
    private JdbcArchiveTeams() {
    }

    static List<TeamRef> all(Connection c) throws SQLException {
        return query(c, "SELECT id, name FROM team ORDER BY id", null);
    }

    static TeamRef byId(Connection c, long id) throws SQLException {
        return query(c, "SELECT id, name FROM team WHERE id = ?", id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("team", id));
    }

    /** A team by its exact name, or by its id when the text is a number and no team has it as name. */
    static List<TeamRef> find(Connection c, String nameOrId) throws SQLException {
        List<TeamRef> named = query(c, "SELECT id, name FROM team WHERE name = ? ORDER BY id", nameOrId);
        if (named.size() > 1) {
            throw new InvalidInputException("team", named.size() + " teams are named '" + nameOrId + "': give the id "
                    + "of one (" + named.stream().map(t -> String.valueOf(t.id())).reduce((a, b) -> a + ", " + b)
                    .orElse("") + ")");
        }
        if (named.isEmpty() && nameOrId.matches("\\d{1,18}")) {
            return List.of(byId(c, Long.parseLong(nameOrId)));
        }
        if (named.isEmpty()) {
            throw new NotFoundException("team", nameOrId);
        }
        return named;
    }

    private static List<TeamRef> query(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setObject(1, param);
            }
            List<TeamRef> teams = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    teams.add(new TeamRef(rs.getLong("id"), rs.getString("name")));
                }
            }
            return teams;
        }
    }
}
