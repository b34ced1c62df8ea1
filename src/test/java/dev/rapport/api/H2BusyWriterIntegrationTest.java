package dev.rapport.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import dev.rapport.support.Api;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.H2Initializer;
import dev.rapport.teams.Role;

/**
 * On H2 one transaction writes at a time (shared.H2SerialWrites). A write that waits longer than
 * {@code rapport.h2.write-wait} for another writer (here one second) is a 503 with Retry-After that
 * wrote nothing; reads go on meanwhile, and the same write passes once the other writer is done.
 */
@ContextConfiguration(initializers = H2Initializer.class)
@TestPropertySource(properties = "rapport.h2.write-wait=1s")
class H2BusyWriterIntegrationTest extends AppTestBase {
    @Autowired
    DataSource dataSource;

    @Test
    void aWriteThatWaitsTooLongForAnotherWriterIs503AndWritesNothing() throws Exception {
        Api api = newTeam(Role.MEMBER).api();
        long id = api.post("/api/v1/clients", "{\"name\":\"Ada\",\"tier\":\"A\"}").json().get("id").asLong();
        String touch = "{\"channel\":\"phone\",\"direction\":\"outbound\"}";
        try (Connection other = dataSource.getConnection(); Statement s = other.createStatement()) {
            // another writer in the middle of its transaction (as a large import is for a while)
            other.setAutoCommit(false);
            s.executeUpdate("UPDATE team SET name = name WHERE id = -1");

            Api.Response busy = api.post("/api/v1/clients/" + id + "/touches", touch);
            assertThat(busy.status()).as(busy.body()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).isEqualTo("5");
            assertThat(busy.json().get("detail").asString()).contains("busy").contains("nothing was written");
            assertThat(api.get("/api/v1/clients/" + id + "/timeline").status()).as("reads never wait").isEqualTo(200);
            other.rollback();
        }
        assertThat(api.get("/api/v1/clients/" + id + "/timeline").json().get("items").size()).isZero();
        assertThat(api.post("/api/v1/clients/" + id + "/touches", touch).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/clients/" + id + "/timeline").json().get("items").size()).isEqualTo(1);
    }
}
