package dev.rapport.shared;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One writing transaction at a time on H2, so that an acknowledged write and its rollups are
 * all-or-nothing after a kill -9 (the crash drill found a touch without its rollups on H2 only).
 *
 * <p>Why: H2's MVStore writes a commit by collecting every map's current root one map after another,
 * while other sessions go on writing. A transaction that writes between the capture of its undo log
 * and the capture of a table can leave a change in the file without the undo entry that would roll it
 * back; after a crash that half of an unacknowledged transaction stays (H2 calls these leftovers).
 * When only one transaction writes at a time, every such capture runs in the writing thread itself
 * with no other change in flight: the file then holds committed transactions plus, at most, the
 * writer's own partial one with its complete undo log, which recovery rolls back.
 *
 * <p>A connection takes the lock at its first writing statement (anything but a plain query;
 * SELECT ... FOR UPDATE writes row locks) and gives it back after commit, rollback or close, or
 * right after the statement in auto-commit mode. Reads never wait. PostgreSQL does not need it.
 */
@Component
class H2SerialWrites implements BeanPostProcessor {
    /** One lock per database (by URL): two contexts in one process may open the same file. */
    private static final Map<String, WriterLock> LOCKS = new ConcurrentHashMap<>();
    /**
     * How long a writer waits for the one before it: longer than a large import's transaction (about
     * 20 s per 100,000 contacts on H2); then it fails with a "busy" error (503, try again).
     */
    static final String WAIT_PROPERTY = "rapport.h2.write-wait";
    private static final Set<String> READS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "EXPLAIN", "SHOW",
            "SCRIPT", "BACKUP", "HELP");
    private static final Pattern LOCKING_READ = Pattern.compile("\\bFOR\\s+(UPDATE|SHARE)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch", "addBatch");

    private final Duration wait;

    H2SerialWrites(Environment env) {
        this.wait = env.getProperty(WAIT_PROPERTY, Duration.class, Duration.ofSeconds(120));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds && applies(ds.getJdbcUrl())) {
            return wrap(ds, lockFor(ds.getJdbcUrl()), wait);
        }
        return bean;
    }

    static boolean applies(String url) {
        return url != null && url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length());
    }

    /** The lock of the database a URL names (its settings after ';' aside). */
    static WriterLock lockFor(String url) {
        int settings = url.indexOf(';');
        return LOCKS.computeIfAbsent(settings < 0 ? url : url.substring(0, settings), u -> new WriterLock());
    }

    static DataSource wrap(DataSource target, WriterLock lock, Duration wait) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return serial(super.getConnection(), lock, wait);
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return serial(super.getConnection(username, password), lock, wait);
            }
        };
    }

    /** Whether a statement changes the database (or locks rows): everything but a plain query. */
    static boolean isWrite(String sql) {
        String s = stripLeading(sql);
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        String keyword = s.substring(0, end).toUpperCase(Locale.ROOT);
        return !READS.contains(keyword) || LOCKING_READ.matcher(s).find();
    }

    /** Without leading white space, comments and opening parentheses. */
    private static String stripLeading(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? sql.length() : nl + 1;
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? sql.length() : close + 2;
            } else {
                break;
            }
        }
        return sql.substring(i);
    }

    private static Connection serial(Connection target, WriterLock lock, Duration wait) {
        return (Connection) Proxy.newProxyInstance(H2SerialWrites.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new SerialConnection(target, lock, wait));
    }

    /** A connection that holds the lock from its first write to the end of its transaction. */
    private static final class SerialConnection implements InvocationHandler {
        private final Connection target;
        private final WriterLock lock;
        private final Duration wait;
        /** The thread whose hold this connection has, or null. */
        private volatile Thread holding;

        SerialConnection(Connection target, WriterLock lock, Duration wait) {
            this.target = target;
            this.lock = lock;
            this.wait = wait;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (ends(name, args)) {
                    release();
                }
                throw e.getCause();
            }
            if (ends(name, args)) {
                release();
            }
            if (result instanceof CallableStatement cs) {
                return statement(cs, CallableStatement.class, true);
            }
            if (result instanceof PreparedStatement ps) {
                // a plain query never needs the lock: it goes unwrapped (most statements are queries)
                return isWrite((String) args[0]) ? statement(ps, PreparedStatement.class, true) : ps;
            }
            if (result instanceof Statement s) {
                // its only executions without SQL of their own are batches of writes
                return statement(s, Statement.class, true);
            }
            return result;
        }

        /** Calls after which this connection has no open writing transaction any more. */
        private static boolean ends(String name, Object[] args) {
            return switch (name) {
                case "commit", "close", "abort" -> true;
                case "rollback" -> args == null || args.length == 0;
                case "setAutoCommit" -> Boolean.TRUE.equals(args[0]);
                default -> false;
            };
        }

        private Object statement(Statement s, Class<? extends Statement> type, boolean write) {
            return Proxy.newProxyInstance(H2SerialWrites.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> {
                        boolean writes = EXECUTES.contains(method.getName())
                                && (args != null && args.length > 0 && args[0] instanceof String sql
                                        ? isWrite(sql) : write);
                        if (writes) {
                            acquire();
                        }
                        try {
                            return method.invoke(s, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            if (writes && !method.getName().equals("addBatch") && target.getAutoCommit()) {
                                release();
                            }
                        }
                    });
        }

        private void acquire() throws SQLException {
            if (holding == null) {
                holding = lock.acquire(wait);
            }
        }

        private void release() {
            if (holding != null) {
                Thread holder = holding;
                holding = null;
                lock.release(holder);
            }
        }
    }

    /**
     * Held by one thread at a time, first come first served; a thread holding it may take it again
     * (it writes through a second connection), and a hold may end on another thread than it began.
     */
    static final class WriterLock {
        private final Semaphore permit = new Semaphore(1, true);
        private final Map<Thread, Integer> holds = new ConcurrentHashMap<>();

        /** Takes a hold for the calling thread; returns that thread, which {@link #release} needs. */
        Thread acquire(Duration wait) throws SQLException {
            Thread me = Thread.currentThread();
            if (holds.computeIfPresent(me, (t, n) -> n + 1) != null) {
                return me;
            }
            try {
                if (!permit.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    // SQL state 40001 makes it a transient data access failure: a 503 "busy, try again"
                    throw new SQLTransientException("another writer held the embedded database for "
                            + wait.toSeconds() + " s; try again", "40001");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLTransientException("interrupted while waiting to write", "40001", e);
            }
            holds.put(me, 1);
            return me;
        }

        void release(Thread holder) {
            if (holds.computeIfPresent(holder, (t, n) -> n == 1 ? null : n - 1) == null) {
                permit.release();
            }
        }

        boolean isFree() {
            return permit.availablePermits() == 1;
        }

        boolean hasWaiters() {
            return permit.hasQueuedThreads();
        }
    }
}
