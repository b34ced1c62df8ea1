package dev.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.support.TestDatabases;

/** On PostgreSQL the binary COPY stores exactly what the CSV COPY stores, and refuses what it cannot. */
class JdbcBulkWriterIntegrationTest {
    private static final List<String> COLUMNS = List.of("k", "small", "mid", "big", "flag", "name", "code", "day",
            "at");
    private static DataSource db;

    @BeforeAll
    static void start() {
        db = TestDatabases.migrated("postgres");
    }

    @BeforeEach
    void tables() throws SQLException {
        for (String table : List.of("probe_binary", "probe_csv")) {
            sql("CREATE TABLE " + table + " (k int4 PRIMARY KEY, small int2, mid int4, big int8, flag boolean, "
                    + "name text, code varchar(20), day date, at timestamptz)");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        sql("DROP TABLE IF EXISTS probe_binary, probe_csv, probe_numeric");
    }

    @Test
    void binaryRowsReadBackAsTheCsvOnes() throws SQLException {
        List<Object[]> rows = List.of(
                new Object[] {1, (short) -7, Integer.MIN_VALUE, Long.MAX_VALUE, true, "Ünïcødé \"quoted\", comma",
                    "a\nb", LocalDate.of(2000, 1, 1), Instant.parse("2026-12-05T13:00:00.000001500Z")},
                new Object[] {2, 7, 0, -1L, false, "", "", LocalDate.of(1999, 12, 31),
                    Instant.parse("1960-02-29T23:59:59.999999600Z")},
                new Object[] {3, null, null, null, null, null, null, null, null},
                new Object[] {4, 1, 2, 3, true, "back\\slash", "x", LocalDate.of(2026, 12, 5),
                    Instant.parse("2026-12-05T13:00:00.000002500Z")});
        try (JdbcBulkWriter binary = new JdbcBulkWriter(db, "probe_binary", COLUMNS);
             JdbcBulkWriter csv = JdbcBulkWriter.csv(db, "probe_csv", COLUMNS)) {
            rows.forEach(r -> {
                binary.row(r.clone());
                csv.row(r.clone());
            });
        }
        List<String> stored = read("probe_binary");
        assertThat(stored).hasSize(4).isEqualTo(read("probe_csv"));
        assertThat(stored.get(0)).contains("2026-12-05 13:00:00.000002+00", "Ünïcødé \"quoted\", comma");
        assertThat(stored.get(2)).isEqualTo("3|null|null|null|null|null|null|null|null");
    }

    @Test
    void aValueOfTheWrongKindNamesItsColumn() {
        assertThatThrownBy(() -> write(new Object[] {1, 1, (long) Integer.MAX_VALUE + 1, 1L, true, "", "", null, null}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column mid");
        assertThatThrownBy(() -> write(new Object[] {1, 1, 1, 1.5, true, "", "", null, null}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column big");
        assertThatThrownBy(() -> write(new Object[] {1, 1, 1, 1L, true, "", "", "2026-12-05", null}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column day");
    }

    @Test
    void aTableWithATypeBinaryDoesNotWriteIsCopiedAsCsv() throws SQLException {
        sql("CREATE TABLE probe_numeric (k int4, amount numeric(10, 2))");
        try (JdbcBulkWriter w = new JdbcBulkWriter(db, "probe_numeric", List.of("k", "amount"))) {
            w.row(1, new java.math.BigDecimal("12.50"));
        }
        assertThat(read("probe_numeric")).containsExactly("1|12.50");
    }

    private static void write(Object[] row) {
        try (JdbcBulkWriter w = new JdbcBulkWriter(db, "probe_binary", COLUMNS)) {
            w.row(row);
        }
    }

    private static List<String> read(String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY k");
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
