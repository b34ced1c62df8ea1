package dev.rapport.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.Page;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.support.TestDatabases;

/** The JDBC adapter against both databases: same SQL, same results, team-scoped. */
class ClientRepositoryIntegrationTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private JdbcClient jdbc;
    private ClientRepository repo;
    private TeamId team;
    private TeamId otherTeam;
    private UserId user;

    private void setUp(String db) {
        DataSource ds = TestDatabases.migrated(db);
        jdbc = JdbcClient.create(ds);
        repo = new JdbcClientRepository(jdbc, new org.springframework.jdbc.core.JdbcTemplate(ds));
        team = team("Mine");
        otherTeam = team("Theirs");
        user = user("agent@example.com");
    }

    private TeamId team(String name) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO team (name, time_zone, created_at) VALUES (?, 'UTC', ?)")
                .params(name, NOW.atOffset(java.time.ZoneOffset.UTC)).update(keys, "id");
        return new TeamId(keys.getKeyAs(Long.class));
    }

    private UserId user(String email) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (email, display_name, password_hash, created_at) VALUES (?, 'A', 'x', ?)")
                .params(email, NOW.atOffset(java.time.ZoneOffset.UTC)).update(keys, "id");
        return new UserId(keys.getKeyAs(Long.class));
    }

    private ClientDetails details(String name, String email, String tag) {
        return new ClientDetails(name, "ACME", email == null ? List.of() : List.of(email), List.of("+31 6 1234"),
                List.of("Main St 1, Utrecht"), tag == null ? List.of() : List.of(tag), user, "A", ClientStatus.ACTIVE,
                ClientKind.INTERNAL, LocalDate.of(2025, 5, 1), 1, 3, new CadenceOverride(5, null, 20), "Likes tea",
                List.of(new Competitor("Rival", "cheaper")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void storesEveryFieldAndScopesByTeam(String db) {
        setUp(db);
        ClientId id = repo.insert(team, details("Ada Lovelace", "ada@example.com", "vip"), NOW);
        Client client = repo.find(team, null, id).orElseThrow();
        assertThat(client.details()).isEqualTo(details("Ada Lovelace", "ada@example.com", "vip"));
        assertThat(client.createdAt()).isEqualTo(NOW);
        assertThat(repo.find(otherTeam, null, id)).isEmpty();
        assertThat(repo.update(otherTeam, id, details("Hijack", null, null), NOW)).isFalse();
        assertThat(repo.setArchivedAt(otherTeam, id, NOW, NOW)).isFalse();
        assertThat(repo.timeline(otherTeam, id, null, 10).items()).isEmpty();
        assertThat(repo.search(otherTeam, null, query(null, null, null)).items()).isEmpty();

        ClientDetails changed = new ClientDetails("Ada King", null, List.of("a@b.org", "c@d.org"), List.of(),
                List.of(), List.of("x", "y"), user, "B", ClientStatus.PAST, ClientKind.EXTERNAL, null, null, null,
                CadenceOverride.NONE, null, List.of());
        assertThat(repo.update(team, id, changed, NOW.plusSeconds(5))).isTrue();
        Client updated = repo.find(team, null, id).orElseThrow();
        assertThat(updated.details()).isEqualTo(changed);
        assertThat(updated.updatedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void batchedInsertsAndUpdatesKeepEveryFieldAndFindClientsByEmailAndPhoneDigits(String db) {
        setUp(db);
        List<ClientDetails> many = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            many.add(details("Bulk " + i, "bulk" + i + "@Example.com", i % 2 == 0 ? "even" : null));
        }
        List<ClientId> ids = repo.insertAll(team, many, NOW);
        assertThat(ids).hasSize(7).doesNotHaveDuplicates();
        for (int i = 0; i < 7; i++) {
            assertThat(repo.find(team, null, ids.get(i)).orElseThrow().details()).isEqualTo(many.get(i));
        }
        repo.insert(otherTeam, details("Elsewhere", "bulk3@example.com", null), NOW);

        assertThat(repo.idsByEmail(team, List.of("bulk3@example.com", "nobody@example.com")))
                .containsOnlyKeys("bulk3@example.com").containsEntry("bulk3@example.com", List.of(ids.get(3)));
        // "+31 6 1234" is stored as its digits; every bulk client has it, oldest first
        assertThat(repo.idsByPhoneDigits(team, List.of("3161234")).get("3161234")).containsExactlyElementsOf(ids);

        ClientDetails changed = new ClientDetails("Bulk 0 renamed", "Other Org", List.of("new@example.com"),
                List.of("(030) 555-0000"), List.of(), List.of("moved"), user, "B", ClientStatus.PAST,
                ClientKind.EXTERNAL, null, 2, 2, CadenceOverride.NONE, "changed", List.of());
        repo.updateAll(team, java.util.Map.of(ids.get(0), changed), NOW.plusSeconds(9));
        Client after = repo.find(team, null, ids.get(0)).orElseThrow();
        // depth is not written by updateAll: it keeps its own history
        assertThat(after.details().depthCurrent()).isEqualTo(1);
        assertThat(after.details().name()).isEqualTo("Bulk 0 renamed");
        assertThat(after.details().emails()).containsExactly("new@example.com");
        assertThat(after.updatedAt()).isEqualTo(NOW.plusSeconds(9));
        assertThat(repo.idsByEmail(team, List.of("bulk0@example.com"))).isEmpty();
        assertThat(repo.idsByPhoneDigits(team, List.of("0305550000")).get("0305550000")).containsExactly(ids.get(0));
        assertThat(repo.find(team, null, ids.get(1)).orElseThrow().details()).isEqualTo(many.get(1));
    }

    private static ClientQuery query(String text, String tag, String cursor) {
        return new ClientQuery(text, tag, null, null, null, null, false, cursor, 50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void searchesByNameEmailAndTagWithLiteralWildcards(String db) {
        setUp(db);
        repo.insert(team, details("Ada Lovelace", "ada@analytical.org", "vip"), NOW);
        repo.insert(team, details("Charles Babbage", "charles@engine.org", null), NOW);
        repo.insert(team, details("100% Percent_Co", null, null), NOW);
        repo.insert(otherTeam, details("Ada Other", "ada@other.org", "vip"), NOW);
        assertThat(names(query("ada", null, null))).containsExactly("Ada Lovelace");
        assertThat(names(query("ENGINE.ORG", null, null))).containsExactly("Charles Babbage");
        assertThat(names(query(null, "VIP", null))).containsExactly("Ada Lovelace");
        assertThat(names(query("%", null, null))).containsExactly("100% Percent_Co");
        assertThat(names(query("_", null, null))).containsExactly("100% Percent_Co");
        assertThat(names(query("'; DROP TABLE client; --", null, null))).isEmpty();
    }

    private List<String> names(ClientQuery q) {
        return repo.search(team, null, q).items().stream().map(c -> c.details().name()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void pagesThroughClientsByNameWithoutGapsOrRepeats(String db) {
        setUp(db);
        for (int i = 0; i < 23; i++) {
            repo.insert(team, details(i % 2 == 0 ? "Same Name" : "Client " + (char) ('a' + i), null, null), NOW);
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Client> page = repo.search(team, null, new ClientQuery(null, null, null, null, null, null, false, cursor, 5));
            page.items().forEach(c -> seen.add(c.id().value()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates();
        assertThatThrownBy(() -> repo.search(team, null, query(null, null, "garbage!")))
                .isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void pagesThroughClientsByLastTouchNeverTouchedCountingAsLeastRecent(String db) {
        setUp(db);
        List<Long> expected = new ArrayList<>();
        List<Long> never = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            ClientId id = repo.insert(team, details("Client " + i, null, null), NOW);
            if (i % 4 == 0) {
                never.add(id.value());
                continue;
            }
            // pairs of clients share a touch time, so the id must break ties across pages
            Instant at = NOW.minus(Duration.ofDays(20 - i / 2));
            repo.insertTouch(team, id, user, new NewTouch(at, Channel.EMAIL, Direction.OUTBOUND, null, null, null,
                    false, false), false, NOW);
            expected.add(id.value());
        }
        repo.insert(otherTeam, details("Not mine", null, null), NOW);
        List<Long> leastRecent = new ArrayList<>(never);
        leastRecent.addAll(expected);
        assertThat(pageAll(ClientQuery.Sort.LEAST_RECENT_TOUCH)).containsExactlyElementsOf(leastRecent);
        List<Long> mostRecent = new ArrayList<>(leastRecent);
        java.util.Collections.reverse(mostRecent);
        assertThat(pageAll(ClientQuery.Sort.MOST_RECENT_TOUCH)).containsExactlyElementsOf(mostRecent);

        String nameCursor = repo.search(team, null, new ClientQuery(null, null, null, null, null, null, false, null, 2))
                .nextCursor();
        assertThatThrownBy(() -> repo.search(team, null, new ClientQuery(null, null, null, null, null, null, false,
                nameCursor, 2, ClientQuery.Sort.LEAST_RECENT_TOUCH))).isInstanceOf(InvalidInputException.class);
    }

    private List<Long> pageAll(ClientQuery.Sort sort) {
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Client> page = repo.search(team, null, new ClientQuery(null, null, null, null, null, null, false, cursor,
                    3, sort));
            page.items().forEach(c -> seen.add(c.id().value()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return seen;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void timelineIsNewestFirstAndPagesAcrossEqualTimes(String db) {
        setUp(db);
        ClientId id = repo.insert(team, details("Ada", null, null), NOW);
        for (int i = 0; i < 7; i++) {
            Instant at = NOW.minus(Duration.ofDays(i / 2));
            repo.insertTouch(team, id, user, touch(at, Channel.EMAIL, Direction.OUTBOUND, false, false), false, NOW);
        }
        List<Touch> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Touch> page = repo.timeline(team, id, cursor, 3);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(all).hasSize(7);
        assertThat(all).extracting(Touch::id).doesNotHaveDuplicates();
        for (int i = 1; i < all.size(); i++) {
            Touch a = all.get(i - 1);
            Touch b = all.get(i);
            assertThat(a.at().isAfter(b.at()) || (a.at().equals(b.at()) && a.id() > b.id())).isTrue();
        }
    }

    private static NewTouch touch(Instant at, Channel channel, Direction direction, boolean request, boolean automated) {
        return new NewTouch(at, channel, direction, 10, "note", 4, request, automated);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void rollupsKeptOnWriteMatchTheRawTouchesWhateverTheOrder(String db) {
        setUp(db);
        ClientId id = repo.insert(team, details("Ada", null, null), NOW);
        ChannelWeights weights = ChannelWeights.defaults();
        Random random = new Random(7);
        List<Touch> raw = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant at = NOW.minus(random.nextInt(200 * 24 * 60), ChronoUnit.MINUTES);
            Channel ch = Channel.values()[random.nextInt(Channel.values().length)];
            Direction dir = random.nextBoolean() ? Direction.OUTBOUND : Direction.INBOUND;
            boolean request = dir == Direction.INBOUND && random.nextInt(4) == 0;
            boolean automated = random.nextInt(5) == 0;
            NewTouch t = touch(at, ch, dir, request, automated);
            long touchId = repo.insertTouch(team, id, user, t, weights.rich(ch), NOW);
            raw.add(new Touch(touchId, id, user, at, ch, dir, 10, "note", 4, request, automated, NOW));
            assertRollups(repo.find(team, null, id).orElseThrow(), Rollups.of(raw, weights));
        }
        // a weight change moves the rich channel set; last_rich_at is re-derived for the team
        ChannelWeights emailRich = new ChannelWeights(Map.of(Channel.EMAIL, 3, Channel.PHONE, 1));
        repo.saveWeights(team, emailRich);
        repo.recomputeLastRich(team, emailRich.richChannels());
        assertThat(repo.weights(team)).isEqualTo(emailRich);
        assertRollups(repo.find(team, null, id).orElseThrow(), Rollups.of(raw, emailRich));
    }

    private static void assertRollups(Client c, Rollups expected) {
        assertThat(new Rollups(c.lastTouchAt(), c.lastRichAt(), c.lastOutboundAt(), c.lastUpdateRequestAt()))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void cadenceFactsAreTheOwnersActiveClientsOnly(String db) {
        setUp(db);
        UserId colleague = user("colleague@example.com");
        ClientId mine = repo.insert(team, details("Mine", null, null), NOW);
        ClientId archived = repo.insert(team, details("Archived", null, null), NOW);
        repo.setArchivedAt(team, archived, NOW, NOW);
        ClientDetails d = details("Theirs", null, null);
        repo.insert(team, new ClientDetails(d.name(), d.organisation(), d.emails(), d.phones(), d.addresses(),
                d.tags(), colleague, d.tier(), d.status(), d.kind(), d.signedOn(), d.depthCurrent(), d.depthTarget(),
                d.cadence(), d.notes(), d.competitors()), NOW);
        repo.insert(otherTeam, details("Other team", null, null), NOW);
        List<CadenceFacts> facts = repo.cadenceFacts(team, user);
        assertThat(facts).extracting(CadenceFacts::id).containsExactly(mine);
        assertThat(facts.get(0).cadence()).isEqualTo(new CadenceOverride(5, null, 20));
        Set<String> tiers = new HashSet<>(List.of(facts.get(0).tier()));
        assertThat(tiers).containsExactly("A");
    }
}
