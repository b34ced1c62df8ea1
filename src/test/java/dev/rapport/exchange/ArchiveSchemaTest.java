package dev.rapport.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.exchange.ArchiveSchema.Column;
import dev.rapport.exchange.ArchiveSchema.ForeignKey;
import dev.rapport.exchange.ArchiveSchema.Planned;
import dev.rapport.exchange.ArchiveSchema.Table;

/** How tables are classified and their rows chosen, on small made-up schemas. */
class ArchiveSchemaTest {
    private static Column col(String name) {
        return new Column(name, ArchiveType.INTEGER, java.sql.Types.BIGINT, "BIGINT", false, false, false);
    }

    private static ForeignKey fk(String column, String parent) {
        return new ForeignKey(parent, List.of(column), List.of("id"));
    }

    private static Table table(String name, List<String> columns, ForeignKey... keys) {
        return new Table(name, columns.stream().map(ArchiveSchemaTest::col).toList(), List.of(columns.get(0)),
                List.of(keys));
    }

    private static final Table TEAM = table("team", List.of("id"));
    private static final Table USER = table("app_user", List.of("id"));
    private static final Table MEMBERSHIP = table("membership", List.of("team_id", "user_id"), fk("team_id", "team"),
            fk("user_id", "app_user"));
    private static final Table CLIENT = table("client", List.of("id", "team_id", "owner_id"), fk("team_id", "team"),
            fk("owner_id", "app_user"));
    private static final Table PLAN = table("plan", List.of("id", "team_id", "client_id"), fk("client_id", "client"));
    private static final Table STEP = table("plan_step", List.of("plan_id", "position"), fk("plan_id", "plan"));
    private static final Table NOTE = table("plan_step_note", List.of("step_id"), new ForeignKey("plan_step",
            List.of("step_id"), List.of("plan_id")));

    @Test
    void tablesFollowTeamIdOrAParentInForeignKeyOrder() {
        ArchiveSchema schema = new ArchiveSchema(List.of(NOTE, STEP, PLAN, CLIENT, MEMBERSHIP, USER, TEAM,
                table("flyway_schema_history", List.of("installed_rank"))));
        assertThat(schema.problems()).isEmpty();
        assertThat(schema.archived()).extracting(p -> p.table().name())
                .containsExactly("team", "app_user", "client", "membership", "plan", "plan_step", "plan_step_note");
        assertThat(schema.excluded()).containsOnlyKeys("flyway_schema_history");

        List<Long> teams = List.of(7L, 9L);
        assertThat(where(schema, "team", teams)).isEqualTo("t.id IN (7, 9)");
        assertThat(where(schema, "client", teams)).isEqualTo("t.team_id IN (7, 9)");
        assertThat(where(schema, "app_user", teams)).isEqualTo("(t.id IN (SELECT owner_id FROM client WHERE team_id "
                + "IN (7, 9)) OR t.id IN (SELECT user_id FROM membership WHERE team_id IN (7, 9)))");
        assertThat(where(schema, "plan_step_note", teams)).isEqualTo("EXISTS (SELECT 1 FROM plan_step p0 WHERE "
                + "p0.plan_id = t.step_id AND EXISTS (SELECT 1 FROM plan p1 WHERE p1.id = p0.plan_id AND "
                + "p1.team_id IN (7, 9)))");
    }

    @Test
    void aTableWithoutATeamIsAProblemUntilExcluded() {
        Table orphan = table("global_setting", List.of("id"));
        Table userOnly = table("user_preference", List.of("user_id"), fk("user_id", "app_user"));
        ArchiveSchema schema = new ArchiveSchema(List.of(TEAM, USER, MEMBERSHIP, orphan, userOnly));
        assertThat(schema.problems()).hasSize(2).anySatisfy(p -> assertThat(p).contains("global_setting")
                .contains("ArchiveSchema.EXCLUDED")).anySatisfy(p -> assertThat(p).contains("user_preference"));
        assertThatThrownBy(schema::requireComplete).hasMessageContaining("cannot be archived completely");
    }

    @Test
    void unsupportedTypesAndCyclesAreProblems() {
        Table odd = new Table("gadget", List.of(col("id"), col("team_id"), new Column("shape", null,
                java.sql.Types.OTHER, "geometry", true, false, false)), List.of("id"), List.of());
        Table a = table("a", List.of("id", "team_id", "b_id"), fk("b_id", "b"));
        Table b = table("b", List.of("id", "team_id", "a_id"), fk("a_id", "a"));
        ArchiveSchema schema = new ArchiveSchema(List.of(TEAM, odd, a, b));
        assertThat(schema.problems()).anySatisfy(p -> assertThat(p).contains("gadget.shape").contains("geometry"))
                .anySatisfy(p -> assertThat(p).contains("cycle").contains("[a, b]"));
    }

    private static String where(ArchiveSchema schema, String table, List<Long> teams) {
        Planned p = schema.archived(table).orElseThrow();
        return schema.where(p, "t", teams);
    }
}
