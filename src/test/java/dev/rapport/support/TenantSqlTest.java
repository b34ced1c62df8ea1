package dev.rapport.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TenantSqlTest {
    private final TenantSql rule = new TenantSql(Set.of("client", "touch", "client_email"));

    @Test
    void everyTenantTableInAStatementNeedsItsOwnTeamFilter() {
        assertThat(rule.violations(List.of(
                "SELECT * FROM client WHERE team_id = ? AND id = ?",
                "INSERT INTO touch (team_id, client_id) VALUES (?, ?)",
                "SELECT c.id FROM client c JOIN touch t ON t.team_id = c.team_id AND t.client_id = c.id WHERE c.team_id = ?",
                "SELECT id FROM team WHERE id = ?",
                "UPDATE client SET name = ? WHERE team_id = ? AND id = ?"))).isEmpty();
        assertThat(rule.violations(List.of(
                "DELETE FROM client_email WHERE client_id = ?",
                "SELECT team_id, id FROM client WHERE id = ?",
                "SELECT c.id FROM client c\n JOIN touch t ON t.client_id = c.id WHERE c.team_id = ?")))
                .hasSize(3)
                .anySatisfy(v -> assertThat(v).startsWith("[client_email] named team_id 0x"))
                .anySatisfy(v -> assertThat(v).startsWith("[client, touch] named team_id 1x"));
    }
}
