package dev.rapport.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.rapport.exchange.ArchiveSchema.Column;
import dev.rapport.exchange.LoadedKeys.Reference;

/** The import's own check of single-column foreign keys (the database then skips its scan). */
class ArchiveLoadedKeysTest {
    private static final Reference TOUCH_CLIENT = new Reference("touch", "client_id", "client", "id");
    private static final Reference TOUCH_USER = new Reference("touch", "user_id", "app_user", "id");
    private static final Reference CLIENT_PARENT = new Reference("client", "parent_id", "client", "id");

    private static Column integer(String name) {
        return new Column(name, ArchiveType.INTEGER, Types.BIGINT, "BIGINT", true, false, false);
    }

    private static Column text(String name) {
        return new Column(name, ArchiveType.TEXT, Types.VARCHAR, "VARCHAR", true, false, false);
    }

    private static LoadedKeys loadClients(long... ids) {
        LoadedKeys keys = new LoadedKeys(List.of(TOUCH_CLIENT, TOUCH_USER, CLIENT_PARENT));
        LoadedKeys.Watch clients = keys.watch("client", List.of(text("name"), integer("id"), integer("parent_id")));
        for (long id : ids) {
            clients.row(new Object[] {"c" + id, id, null});
        }
        clients.done();
        return keys;
    }

    @Test
    void referencesToLoadedRowsAreVerifiedOthersAreLeftToTheDatabase() {
        LoadedKeys keys = loadClients(0, 7, 1L << 40, -3);
        LoadedKeys.Watch touches = keys.watch("touch", List.of(integer("id"), integer("user_id"), integer("client_id")));
        touches.row(new Object[] {1L, 5L, 7L});
        touches.row(new Object[] {2L, 5L, 0L});
        touches.row(new Object[] {3L, 5L, 1L << 40});
        touches.row(new Object[] {4L, 5L, null}); // MATCH SIMPLE: a null refers to nothing
        touches.row(new Object[] {5L, 5L, -3L});
        touches.done();

        assertThat(keys.broken("touch")).isFalse();
        assertThat(keys.verified(TOUCH_CLIENT)).isTrue();
        assertThat(keys.verified(TOUCH_USER)).as("app_user was not loaded: the database checks it").isFalse();
        assertThat(keys.verified(CLIENT_PARENT)).as("a table's reference to itself").isFalse();
        assertThat(keys.verified(null)).as("a key of several columns").isFalse();
    }

    @Test
    void aRowWithoutItsParentMarksTheTableBroken() {
        LoadedKeys keys = loadClients(1, 2, 3);
        LoadedKeys.Watch touches = keys.watch("touch", List.of(integer("client_id")));
        touches.row(new Object[] {2L});
        touches.row(new Object[] {987654321L});
        touches.row(new Object[] {3L});
        touches.done();

        assertThat(keys.broken("touch")).isTrue();
        assertThat(keys.verified(TOUCH_CLIENT)).isFalse();
    }

    @Test
    void anEmptyParentHoldsNoKey() {
        LoadedKeys keys = loadClients();
        LoadedKeys.Watch touches = keys.watch("touch", List.of(integer("client_id")));
        touches.row(new Object[] {0L});
        touches.done();

        assertThat(keys.broken("touch")).isTrue();
    }

    @Test
    void aKeyThatIsNotAnIntegerIsLeftToTheDatabase() {
        LoadedKeys keys = new LoadedKeys(List.of(TOUCH_CLIENT));
        keys.watch("client", List.of(text("id"))).done();
        LoadedKeys.Watch touches = keys.watch("touch", List.of(integer("client_id")));
        touches.row(new Object[] {1L});
        touches.done();

        assertThat(keys.broken("touch")).isFalse();
        assertThat(keys.verified(TOUCH_CLIENT)).isFalse();
    }

    @Test
    void referencesParseFromH2sScriptText() {
        assertThat(Reference.of("touch", "\"client_id\"", "client", "\"id\""))
                .isEqualTo(new Reference("touch", "client_id", "client", "id"));
        assertThat(Reference.of("x", "\"a\", \"b\"", "y", "\"a\", \"b\"")).isNull();
    }

    @Test
    void theLongSetHoldsWhatWasAddedAndNothingElse() {
        LoadedKeys.LongSet set = new LoadedKeys.LongSet();
        Random random = new Random(8);
        long[] added = random.longs(200_000).toArray();
        for (long v : added) {
            set.add(v);
        }
        set.add(0);
        for (long v : added) {
            assertThat(set.contains(v)).isTrue();
        }
        assertThat(set.contains(0)).isTrue();
        java.util.Set<Long> in = java.util.Arrays.stream(added).boxed().collect(java.util.stream.Collectors.toSet());
        random.longs(200_000).filter(v -> !in.contains(v) && v != 0)
                .forEach(v -> assertThat(set.contains(v)).isFalse());
        LoadedKeys.LongSet sequential = new LoadedKeys.LongSet();
        for (long v = 1; v <= 100_000; v++) {
            sequential.add(v);
        }
        assertThat(sequential.contains(100_000)).isTrue();
        assertThat(sequential.contains(100_001)).isFalse();
        assertThat(sequential.contains(0)).isFalse();
    }
}
