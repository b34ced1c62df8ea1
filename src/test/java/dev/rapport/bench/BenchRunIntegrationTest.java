package dev.rapport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.cli.Cli;
import dev.rapport.cli.CliContext;
import dev.rapport.support.TestDatabases;

/**
 * `bench generate` then `bench run` on both databases at a tiny size (not a timed test): the table
 * has every hot path with numeric percentiles and a ratio, and the data is still consistent after
 * the run wrote touches. Bigger: -Dbench.clients=20000 -Dbench.touches=1000000 -Dbench.databases=postgres.
 */
class BenchRunIntegrationTest {
    /** p50, p95, p99, naive p50, naive p99, ratio, then cpu/run (a number, or "-" where not measured). */
    private static final String FIGURES = " +[0-9]+\\.[0-9]+ +[0-9]+\\.[0-9]+ +[0-9]+\\.[0-9]+ +[0-9]+\\.[0-9]+"
            + " +[0-9]+\\.[0-9]+ +[0-9]+\\.[0-9]+x +([0-9]+\\.[0-9]+|-)";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void generatesATeamThenTimesEveryHotPathNextToItsNaiveBaseline(String db) throws SQLException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("bench.databases", "h2,postgres").contains(db));
        String url = url(db);
        String generated = cli("bench", "generate", "--db-url", url, "--users", "4",
                "--clients", System.getProperty("bench.clients", "300"),
                "--touches", System.getProperty("bench.touches", "6000"), "--journal", "400", "--promises", "5");
        Matcher team = Pattern.compile("Team id: (\\d+)").matcher(generated);
        assertThat(team.find()).as(generated).isTrue();
        assertThat(generated).containsPattern("sign in as a member: +member-001-\\S+@bench\\.local / bench password")
                .containsPattern("sign in as an owner: +owner-\\S+@bench\\.local / bench password")
                .containsPattern("Counts: 4 users \\(\\+1 owner\\), [0-9,]+ clients, [0-9,]+ touches, 400 journal")
                .containsPattern("Bulk load: [0-9,]+ rows in [0-9.]+ s = [0-9,]+ rows/s")
                .containsPattern("Raw (COPY as CSV|batched INSERT) of the same [0-9,]+ touches .*: [0-9.]+ s = "
                        + "[0-9,]+ rows/s")
                .containsPattern("Bulk load / raw (COPY as CSV|batched INSERT) speed: [0-9]+\\.[0-9]% for the whole "
                        + "load, [0-9]+\\.[0-9]% for the touch")
                .containsPattern("Rollup check: \\d+ sampled clients, stored rollups equal")
                .containsPattern("Day total check: \\d+ sampled member days, stored totals equal the tally");
        if (db.equals("postgres")) { // the load's own format as a second ceiling
            assertThat(generated).containsPattern("Bulk load / raw COPY in binary speed: [0-9]+\\.[0-9]% for the "
                    + "whole load, [0-9]+\\.[0-9]% for the touch");
        }
        long teamId = Long.parseLong(team.group(1));
        assertConsistent(url, teamId);

        String run = cli("bench", "run", "--db-url", url, "--team", team.group(1), "--iterations", "5", "--warmup",
                "2", "--naive-iterations", "3", "--import-contacts", "50");
        for (String hotPath : HotPathBenchmark.CASES) {
            assertThat(run).as(hotPath).containsPattern(Pattern.quote(hotPath) + "[^\\n]*?" + FIGURES);
        }
        assertThat(run).containsPattern("import, all new +[0-9.]+ +[0-9]+ +[0-9]+")
                .containsPattern("Rollup check: \\d+ sampled clients, stored rollups equal")
                .containsPattern("Measured in [0-9.]+ s, JVM CPU [0-9.]+ s; load average");
        assertConsistent(url, teamId);
    }

    @Test
    void withoutATeamItGeneratesASmallOneFirst() {
        String run = cli("bench", "run", "--quick", "--db-url", url("h2"), "--import-contacts", "0");
        assertThat(run).contains("Team id: ").contains("Import rate: see `rapport bench import`");
        for (String hotPath : HotPathBenchmark.CASES) {
            assertThat(run).as(hotPath).containsPattern(Pattern.quote(hotPath) + "[^\\n]*?" + FIGURES);
        }
    }

    @Test
    void aStoredDayTotalThatDiffersFromTheRawRowsFailsTheRun() throws SQLException {
        String url = url("h2");
        String generated = cli("bench", "generate", "--db-url", url, "--users", "2", "--clients", "40",
                "--touches", "2000", "--journal", "100", "--promises", "1");
        Matcher team = Pattern.compile("Team id: (\\d+)").matcher(generated);
        assertThat(team.find()).as(generated).isTrue();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement s = c.prepareStatement(
                     "UPDATE journal_day SET seconds = seconds + 60 WHERE team_id = ?")) {
            s.setLong(1, Long.parseLong(team.group(1)));
            assertThat(s.executeUpdate()).isPositive();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new String[] {"bench", "run", "--db-url", url, "--team", team.group(1), "--iterations",
            "1", "--warmup", "0", "--naive-iterations", "1", "--import-contacts", "0"}, new CliContext(dir,
                new PrintWriter(out, true), new PrintWriter(err, true), new BufferedReader(new StringReader("")),
                Map.of()));
        assertThat(code).isNotZero();
        assertThat(out + "\n" + err).contains("day totals differ from the raw entries and touches")
                .contains("stored").contains("raw");
    }

    /**
     * Independently of the commands' own check: every client's rollups equal what its raw touches
     * give (rich channels aside, which depend on the team's weights), and the naive writes are gone.
     */
    private static void assertConsistent(String url, long team) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(count(c, """
                    SELECT COUNT(*) FROM client c WHERE c.team_id = ? AND (
                        c.last_touch_at IS DISTINCT FROM (SELECT MAX(at) FROM touch t
                            WHERE t.client_id = c.id AND NOT t.automated)
                        OR c.last_outbound_at IS DISTINCT FROM (SELECT MAX(at) FROM touch t
                            WHERE t.client_id = c.id AND NOT t.automated AND t.direction = 'outbound')
                        OR c.last_update_request_at IS DISTINCT FROM (SELECT MAX(at) FROM touch t
                            WHERE t.client_id = c.id AND NOT t.automated AND t.update_request
                              AND t.direction = 'inbound'))
                    """, team)).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM client WHERE team_id = ? AND last_touch_at IS NOT NULL", team))
                    .isGreaterThan(100);
            assertThat(count(c, "SELECT COUNT(*) FROM touch WHERE team_id = ? AND note = 'bench: naive write'", team))
                    .isZero();
            // calls, video and meetings carry minutes, and their time is in the day totals, also on days
            // without journal entries
            assertThat(count(c, "SELECT COUNT(*) FROM touch WHERE team_id = ? AND minutes > 0", team))
                    .isGreaterThan(100);
            assertThat(count(c, """
                    SELECT COUNT(*) FROM journal_day d WHERE d.team_id = ? AND NOT EXISTS (SELECT 1 FROM journal_entry e
                        WHERE e.team_id = d.team_id AND e.user_id = d.user_id AND e.local_day = d.local_day)
                    """, team)).isGreaterThan(10);
            // the bulk load wrote its own ids (PostgreSQL): the column's next default comes after all of them
            copyOfNewest(c, "touch", "team_id, client_id, user_id, at, channel, direction, update_request, "
                    + "automated, created_at", team);
            long entry = copyOfNewest(c, "journal_entry", "team_id, user_id, category, local_day, minutes, "
                    + "contributes, created_at, updated_at", team);
            // the copy would double a day's time against its journal_day row: only its id mattered
            try (PreparedStatement d = c.prepareStatement("DELETE FROM journal_entry WHERE id = ?")) {
                d.setLong(1, entry);
                assertThat(d.executeUpdate()).isOne();
            }
        }
    }

    /** Copies the team's highest-id row with the default id, checks that id is higher, returns it. */
    private static long copyOfNewest(Connection c, String table, String columns, long team) throws SQLException {
        long highest = count(c, "SELECT MAX(id) FROM " + table + " WHERE team_id = ?", team);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") SELECT " + columns
                + " FROM " + table + " WHERE id = ?", new String[] {"id"})) {
            s.setLong(1, highest);
            assertThat(s.executeUpdate()).as(table).isOne();
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getLong(1)).as(table).isGreaterThan(highest);
                return keys.getLong(1);
            }
        }
    }

    private static long count(Connection c, String sql, long team) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, team);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String url(String db) {
        return db.equals("h2")
                ? "jdbc:h2:file:" + dir.resolve("benchrun") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;USER=sa"
                : TestDatabases.newPostgresUrl();
    }

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args, new CliContext(dir, new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), Map.of()));
        System.out.println(out);
        assertThat(code).as(err.toString()).isZero();
        if (args[1].equals("generate")) {
            // the progress lines go to stderr, never into the figures on stdout
            assertThat(err.toString()).contains("touches: 100%").contains("clients: 100%").contains("raw copy: 100%");
            assertThat(out.toString()).doesNotContain("touches: ");
        }
        return out.toString();
    }
}
