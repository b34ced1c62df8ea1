package dev.rapport.bench;

import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import dev.rapport.support.AppTestBase;
import dev.rapport.support.H2Initializer;
import dev.rapport.teams.Role;

/** The crash drill's checks see a lost write and every broken rollup, and pass a database written normally. */
@ContextConfiguration(initializers = H2Initializer.class)
class CrashChecksIntegrationTest extends AppTestBase {
    @Value("${spring.datasource.url}")
    String url;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsLostWritesAndRollupsThatDifferFromTheirRecomputation() {
        Session s = newTeam(Role.OWNER);
        long team = s.user().teamId().value();
        long client = s.api().post("/api/v1/clients", json("{'name':'Checked','tier':'A'}")).json().get("id").asLong();
        List<Long> touches = new ArrayList<>();
        for (String direction : List.of("outbound", "inbound", "inbound")) {
            touches.add(s.api().post("/api/v1/clients/" + client + "/touches", json("{'channel':'phone',"
                    + "'direction':'" + direction + "','updateRequest':" + direction.equals("inbound") + "}"))
                    .json().get("id").asLong());
        }
        long entry = s.api().post("/api/v1/journal/entries", json("{'day':'2026-11-20','minutes':7,"
                + "'category':'email'}")).json().get("id").asLong();
        CrashChecks.Acknowledged acked = new CrashChecks.Acknowledged(List.of(client), touches, List.of(entry));

        CrashChecks.Report clean = CrashChecks.check(url, "sa", "", team, acked);
        assertThat(clean.problems()).isEmpty();
        assertThat(clean.lost()).isZero();
        assertThat(clean.touchRows()).isEqualTo(3);
        assertThat(clean.journalRows()).isEqualTo(1);

        List<Long> oneTooMany = new ArrayList<>(touches);
        oneTooMany.add(touches.get(2) + 1_000);
        CrashChecks.Report lost = CrashChecks.check(url, "sa", "", team,
                new CrashChecks.Acknowledged(List.of(client), oneTooMany, List.of(entry)));
        assertThat(lost.lost()).isEqualTo(1);
        assertThat(lost.problems()).singleElement().asString().contains("1 acknowledged touch rows missing")
                .contains(String.valueOf(touches.get(2) + 1_000));

        jdbc.sql("UPDATE client SET last_update_request_at = NULL WHERE id = ?").param(client).update();
        jdbc.sql("UPDATE user_day SET touches_external = touches_external + 1 WHERE team_id = ?").param(team).update();
        jdbc.sql("UPDATE journal_day SET seconds = seconds - 60 WHERE team_id = ?").param(team).update();
        jdbc.sql("DELETE FROM client_cadence WHERE client_id = ?").param(client).update();
        CrashChecks.Report broken = CrashChecks.check(url, "sa", "", team, acked);
        assertThat(broken.lost()).isZero();
        assertThat(broken.corrupt()).isTrue();
        assertThat(broken.problems()).containsExactlyInAnyOrder(
                "client.last_update_request_at differs from its recomputation in 1 rows",
                "user_day touches differs from its recomputation in 1 rows",
                "journal_day seconds differs from its recomputation in 1 rows",
                "client_cadence rows differs from its recomputation in 1 rows");
    }

    @Test
    void aWrongLastTouchIsShownWithTheNewestTouchesAndWhetherEachWasAcknowledged() {
        Session s = newTeam(Role.OWNER);
        long team = s.user().teamId().value();
        long client = s.api().post("/api/v1/clients", json("{'name':'Torn','tier':'A'}")).json().get("id").asLong();
        List<Long> touches = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            touches.add(s.api().post("/api/v1/clients/" + client + "/touches", json("{'channel':'phone',"
                    + "'direction':'outbound'}")).json().get("id").asLong());
        }
        // as a kill could leave it: the second touch stored, its rollup not, and it never acknowledged
        jdbc.sql("UPDATE client SET last_touch_at = NULL WHERE id = ?").param(client).update();
        CrashChecks.Report torn = CrashChecks.check(url, "sa", "", team,
                new CrashChecks.Acknowledged(List.of(client), List.of(touches.get(0)), List.of()));
        assertThat(torn.corrupt()).isTrue();
        assertThat(torn.problems()).contains("client.last_touch_at differs from its recomputation in 1 rows");
        assertThat(torn.problems()).anyMatch(p -> p.startsWith("  client " + client + ": last_touch_at null, newest touch ")
                && p.contains(", 2 touches, "));
        assertThat(torn.problems()).anyMatch(p -> p.startsWith("    touch " + touches.get(1) + " at ")
                && p.endsWith("outbound, not acknowledged"));
        assertThat(torn.problems()).anyMatch(p -> p.startsWith("    touch " + touches.get(0) + " at ")
                && p.endsWith("outbound, acknowledged"));
        assertThat(torn.problems()).contains("  newest touch id acknowledged " + touches.get(0) + ", stored "
                + touches.get(1));
    }
}
