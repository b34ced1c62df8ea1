package dev.rapport.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Fresh, migrated databases for tests: H2 in PostgreSQL mode, and a real PostgreSQL (zonky). */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static String newH2Url() {
        return "jdbc:h2:mem:rapport" + COUNTER.incrementAndGet()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128;DB_CLOSE_DELAY=-1";
    }

    /** A new empty database on the shared embedded PostgreSQL server (started once per JVM). */
    public static synchronized String newPostgresUrl() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopPostgres));
            }
            String name = "rapport" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }

    public static String newUrl(String kind) {
        return switch (kind) {
            case "h2" -> newH2Url();
            case "postgres" -> newPostgresUrl();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** A data source on a new database of the given kind, with all migrations applied. */
    public static DataSource migrated(String kind) {
        String url = newUrl(kind);
        DriverManagerDataSource ds = new DriverManagerDataSource(url);
        if (kind.equals("h2")) {
            ds.setUsername("sa");
        }
        Flyway.configure().dataSource(ds).load().migrate();
        return ds;
    }

    private static synchronized void stopPostgres() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            // the JVM is exiting; nothing left to clean up
        }
    }
}
