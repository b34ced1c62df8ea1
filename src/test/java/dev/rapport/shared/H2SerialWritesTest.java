package dev.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class H2SerialWritesTest {
    private final H2SerialWrites.WriterLock lock = new H2SerialWrites.WriterLock();
    private JdbcDataSource h2;
    private DataSource ds;

    @BeforeEach
    void database() throws SQLException {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:serial-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds = H2SerialWrites.wrap(h2, lock, Duration.ofSeconds(30));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            s.execute("INSERT INTO t VALUES (1, 0)");
        }
        assertThat(lock.isFree()).isTrue();
    }

    @Test
    void eachDatabaseHasItsOwnLock() {
        assertThat(H2SerialWrites.lockFor("jdbc:h2:file:./data/a;MODE=PostgreSQL"))
                .isSameAs(H2SerialWrites.lockFor("jdbc:h2:file:./data/a"))
                .isNotSameAs(H2SerialWrites.lockFor("jdbc:h2:file:./data/b"));
    }

    @Test
    void plainQueriesReadEverythingElseWrites() {
        assertThat(H2SerialWrites.isWrite("SELECT * FROM t")).isFalse();
        assertThat(H2SerialWrites.isWrite("  -- note\n /* c */ (SELECT 1)")).isFalse();
        assertThat(H2SerialWrites.isWrite("with x as (select 1) select * from x")).isFalse();
        assertThat(H2SerialWrites.isWrite("SELECT owner_id FROM client WHERE id = ?\nFOR UPDATE")).isTrue();
        assertThat(H2SerialWrites.isWrite("select 1 for share")).isTrue();
        assertThat(H2SerialWrites.isWrite("insert into t values (2, 0)")).isTrue();
        assertThat(H2SerialWrites.isWrite("\n  UPDATE t SET v = 1")).isTrue();
        assertThat(H2SerialWrites.isWrite("MERGE INTO t KEY (id) VALUES (1, 1)")).isTrue();
        assertThat(H2SerialWrites.isWrite("ALTER TABLE t ADD COLUMN w INT")).isTrue();
        assertThat(H2SerialWrites.isWrite("SELECT 'for update' AS text")).isTrue(); // errs on the safe side
    }

    @Test
    void aWritingTransactionHoldsTheLockUntilItCommitsAndReadsNeverWait() throws Exception {
        try (Connection a = ds.getConnection()) {
            a.setAutoCommit(false);
            try (ResultSet rs = a.createStatement().executeQuery("SELECT v FROM t")) {
                assertThat(rs.next()).isTrue();
            }
            assertThat(lock.isFree()).as("a read takes nothing").isTrue();
            try (PreparedStatement ps = a.prepareStatement("UPDATE t SET v = v + 1 WHERE id = 1")) {
                ps.executeUpdate();
            }
            assertThat(lock.isFree()).isFalse();

            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> value());
            assertThat(read.get(30, TimeUnit.SECONDS)).as("committed value, read while a writes").isZero();

            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> update("UPDATE t SET v = v * 10"));
            while (!lock.hasWaiters()) {
                Thread.onSpinWait();
            }
            assertThat(write).isNotDone();
            a.commit();
            write.get(30, TimeUnit.SECONDS);
        }
        assertThat(value()).as("the second writer ran after the first committed").isEqualTo(10);
        assertThat(lock.isFree()).isTrue();
    }

    @Test
    void aWriterThatWaitsTooLongFailsWithATransientErrorAndWritesNothing() throws Exception {
        DataSource impatient = H2SerialWrites.wrap(h2, lock, Duration.ofMillis(50));
        try (Connection a = ds.getConnection()) {
            a.setAutoCommit(false);
            a.createStatement().executeUpdate("UPDATE t SET v = 1");
            SQLException refused = CompletableFuture.supplyAsync(() -> {
                try (Connection b = impatient.getConnection()) {
                    b.createStatement().executeUpdate("UPDATE t SET v = 2");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            }).get(30, TimeUnit.SECONDS);
            assertThat((Throwable) refused).isInstanceOf(SQLTransientException.class);
            assertThat(refused.getSQLState()).as("a transient failure to Spring: 503, try again").isEqualTo("40001");
            a.rollback();
        }
        assertThat(value()).isZero();
        assertThat(lock.isFree()).isTrue();
    }

    @Test
    void autoCommitWritesHoldTheLockForTheirStatementOnly() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE t SET v = 5");
            assertThat(lock.isFree()).isTrue();
            s.addBatch("UPDATE t SET v = 6");
            s.addBatch("UPDATE t SET v = 7");
            s.executeBatch();
            assertThat(lock.isFree()).isTrue();
            try (PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE id = 1 FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
            assertThat(lock.isFree()).isTrue();
        }
    }

    @Test
    void rollbackAndCloseEndTheHoldAndOneThreadMayWriteThroughTwoConnections() throws SQLException {
        try (Connection a = ds.getConnection(); Connection b = ds.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            a.createStatement().executeUpdate("UPDATE t SET v = 1");
            b.createStatement().executeUpdate("INSERT INTO t VALUES (2, 2)");
            a.rollback();
            assertThat(lock.isFree()).as("b still writes").isFalse();
            b.createStatement().executeUpdate("INSERT INTO t VALUES (3, 3)");
        }
        assertThat(lock.isFree()).as("closing b ended its transaction").isTrue();
        assertThat(value()).isZero();
    }

    @Test
    void aHoldMayEndOnAnotherThread() throws Exception {
        Connection c = ds.getConnection();
        c.setAutoCommit(false);
        c.createStatement().executeUpdate("UPDATE t SET v = 3");
        CompletableFuture.runAsync(() -> {
            try {
                c.commit();
                c.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).get(30, TimeUnit.SECONDS);
        assertThat(lock.isFree()).isTrue();
        assertThat(value()).isEqualTo(3);
    }

    private int value() {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT v FROM t WHERE id = 1")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().executeUpdate(sql);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
