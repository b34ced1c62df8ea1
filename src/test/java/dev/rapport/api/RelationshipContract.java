package dev.rapport.api;

import static dev.rapport.support.Api.fields;
import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.Role;
import tools.jackson.databind.JsonNode;

/** Depth history and top relationships through the API; runs once per database. */
abstract class RelationshipContract extends AppTestBase {


    static long client(Api api, String name) {
        return api.post("/api/v1/clients", json("{'name':'" + name + "','depthCurrent':1,'depthTarget':2}")).json()
                .get("id").asLong();
    }

    @Test
    void depthChangesAreKeptAsHistory() {
        Api api = newTeam(Role.MEMBER).api();
        long ada = client(api, "Ada");
        clock.advance(Duration.ofDays(10));
        Response set = api.post("/api/v1/clients/" + ada + "/depth",
                json("{'current':2,'target':3,'note':'talked about her family business'}"));
        assertThat(set.json().get("depthCurrent").asInt()).isEqualTo(2);
        api.put("/api/v1/clients/" + ada, json("{'name':'Ada','depthCurrent':3,'depthTarget':3}"));
        JsonNode history = api.get("/api/v1/clients/" + ada + "/depth").json();
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(1).get("note").asString()).isEqualTo("talked about her family business");
        assertThat(history.get(2).get("current").asInt()).isEqualTo(3);
        assertThat(fields(api.post("/api/v1/clients/" + ada + "/depth", json("{'current':4,'target':0}"))))
                .containsExactly("current", "target");
        assertThat(newTeam(Role.MEMBER).api().get("/api/v1/clients/" + ada + "/depth").status()).isEqualTo(404);
    }

    @Test
    void topRelationshipsAreRatedAndTheGapIsTrackedOverTime() {
        Api api = newTeam(Role.MEMBER).api();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ids.add(client(api, "Client " + i));
        }
        Response tooMany = api.put("/api/v1/top", json("{'clientIds':" + ids + "}"));
        assertThat(fields(tooMany)).containsExactly("clientIds");
        assertThat(fields(api.put("/api/v1/top", json("{'clientIds':[" + ids.get(0) + "," + ids.get(0) + "]}"))))
                .containsExactly("clientIds");
        Response chosen = api.put("/api/v1/top", json("{'clientIds':" + ids.subList(0, 3) + "}"));
        assertThat(chosen.json().size()).isEqualTo(3);
        assertThat(chosen.json().get(0).get("latest").isNull()).isTrue();

        long first = ids.get(0);
        api.post("/api/v1/top/" + first + "/rating", json("{'now':4,'target':9}"));
        clock.advance(Duration.ofDays(30));
        Response rated = api.post("/api/v1/top/" + first + "/rating", json("{'now':6,'target':9,'note':'lunch'}"));
        assertThat(rated.json().get("latest").get("gap").asInt()).isEqualTo(3);
        assertThat(rated.json().get("change").asInt()).isEqualTo(2);
        assertThat(rated.json().get("gapChange").asInt()).isEqualTo(-2);
        assertThat(fields(api.post("/api/v1/top/" + first + "/rating", json("{'now':0,'target':11}"))))
                .containsExactly("now", "target");
        assertThat(api.post("/api/v1/top/" + ids.get(5) + "/rating", json("{'now':3,'target':5}")).status())
                .isEqualTo(409);
        Api stranger = newTeam(Role.MEMBER).api();
        assertThat(fields(stranger.put("/api/v1/top", json("{'clientIds':[" + first + "]}"))))
                .containsExactly("clientIds[0]");
        assertThat(stranger.get("/api/v1/top").json().isEmpty()).isTrue();
    }
}
