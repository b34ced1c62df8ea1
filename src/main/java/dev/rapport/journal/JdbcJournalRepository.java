package dev.rapport.journal;

import static dev.rapport.shared.Sql.instant;
import static dev.rapport.shared.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

@Repository
class JdbcJournalRepository implements JournalRepository {
    private static final String ENTRY_COLUMNS = """
            id, user_id, category, start_at, end_at, local_day, minutes, client_id, note, contributes, created_at
            """;
    /** Entries are at most 24 hours long: bounds the index range of an overlap search. */
    private static final Duration LONGEST = Duration.ofHours(25);

    private final JdbcClient jdbc;

    JdbcJournalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Category> categories(TeamId team) {
        return jdbc.sql("""
                SELECT code, label, category_class, benchmark_percent, builtin FROM journal_category
                WHERE team_id = ? ORDER BY position, code
                """).param(team.value())
                .query((rs, n) -> new Category(rs.getString("code"), rs.getString("label"),
                        CategoryClass.fromCode(rs.getString("category_class")).orElseThrow(),
                        rs.getObject("benchmark_percent", Double.class), rs.getBoolean("builtin")))
                .list();
    }

    @Override
    public void addCategory(TeamId team, Category c) {
        int position = jdbc.sql("SELECT COALESCE(MAX(position), -1) + 1 FROM journal_category WHERE team_id = ?")
                .param(team.value()).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO journal_category (team_id, code, label, category_class, benchmark_percent, builtin, position)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(team.value(), c.code(), c.label(), c.categoryClass().code(), c.benchmarkPercent(),
                c.builtin(), position).update();
    }

    @Override
    public long insert(TeamId team, JournalEntry e, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO journal_entry (team_id, user_id, client_id, category, start_at, end_at, local_day, minutes, note,
                    contributes, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(team.value(), e.userId().value(), e.clientId() == null ? null : e.clientId().value(),
                e.category(), e.timed() ? ts(e.span().start()) : null, e.timed() ? ts(e.span().end()) : null, e.day(),
                e.minutes(), e.note(), e.contributes(), ts(now), ts(now)).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        insertTags(team, id, e.tags());
        return id;
    }

    @Override
    public boolean update(TeamId team, long id, JournalEntry e, Instant now) {
        int rows = jdbc.sql("""
                UPDATE journal_entry SET client_id = ?, category = ?, start_at = ?, end_at = ?, local_day = ?, minutes = ?,
                    note = ?, contributes = ?, updated_at = ?
                WHERE id = ? AND team_id = ?
                """).params(e.clientId() == null ? null : e.clientId().value(), e.category(),
                e.timed() ? ts(e.span().start()) : null, e.timed() ? ts(e.span().end()) : null, e.day(), e.minutes(),
                e.note(), e.contributes(), ts(now), id, team.value()).update();
        if (rows == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM journal_entry_tag WHERE entry_id = ? AND team_id = ?").params(id, team.value()).update();
        insertTags(team, id, e.tags());
        return true;
    }

    private void insertTags(TeamId team, long id, List<String> tags) {
        for (String tag : tags) {
            jdbc.sql("INSERT INTO journal_entry_tag (team_id, entry_id, tag) VALUES (?, ?, ?)")
                    .params(team.value(), id, tag).update();
        }
    }

    @Override
    public boolean delete(TeamId team, long id) {
        return jdbc.sql("DELETE FROM journal_entry WHERE id = ? AND team_id = ?").params(id, team.value()).update() == 1;
    }

    @Override
    public Optional<JournalEntry> find(TeamId team, long id) {
        return withTags(team, jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM journal_entry WHERE id = ? AND team_id = ?")
                .params(id, team.value()).query(JdbcJournalRepository::entry).list()).stream().findFirst();
    }

    @Override
    public List<JournalEntry> overlapping(TeamId team, UserId user, TimeSpan span) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + """
                 FROM journal_entry
                WHERE team_id = ? AND user_id = ? AND start_at > ? AND start_at < ? AND end_at > ?
                ORDER BY start_at
                """).params(team.value(), user.value(), ts(span.start().minus(LONGEST)), ts(span.end()),
                ts(span.start())).query(JdbcJournalRepository::entry).list();
    }

    @Override
    public List<JournalEntry> entries(TeamId team, UserId user, TimeSpan window, LocalDate firstDay,
                                      LocalDate lastDay) {
        return withTags(team, untagged(team, user, window, firstDay, lastDay));
    }

    @Override
    public List<JournalEntry> untaggedEntries(TeamId team, UserId user, TimeSpan window, LocalDate day) {
        return untagged(team, user, window, day, day);
    }

    private List<JournalEntry> untagged(TeamId team, UserId user, TimeSpan window, LocalDate firstDay,
                                        LocalDate lastDay) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + """
                 FROM journal_entry
                WHERE team_id = :team AND user_id = :user
                  AND ((start_at > :earliest AND start_at < :end AND end_at > :start)
                       OR (start_at IS NULL AND local_day BETWEEN :firstDay AND :lastDay))
                ORDER BY local_day, start_at, id
                """).param("team", team.value()).param("user", user.value())
                .param("earliest", ts(window.start().minus(LONGEST))).param("end", ts(window.end()))
                .param("start", ts(window.start())).param("firstDay", firstDay).param("lastDay", lastDay)
                .query(JdbcJournalRepository::entry).list();
    }

    @Override
    public void lockUser(TeamId team, UserId user) {
        jdbc.sql("SELECT user_id FROM membership WHERE team_id = ? AND user_id = ? FOR UPDATE")
                .params(team.value(), user.value()).query(Long.class).list();
    }

    @Override
    public List<LocalDate> tallyDays(TeamId team, UserId user) {
        return jdbc.sql("SELECT DISTINCT local_day FROM journal_day WHERE team_id = ? AND user_id = ? ORDER BY local_day")
                .params(team.value(), user.value()).query(LocalDate.class).list();
    }

    @Override
    public void replaceDay(TeamId team, UserId user, DayTally tally, List<Category> categories) {
        jdbc.sql("DELETE FROM journal_day WHERE team_id = ? AND user_id = ? AND local_day = ?")
                .params(team.value(), user.value(), tally.day()).update();
        if (tally.seconds().isEmpty()) {
            return;
        }
        Map<String, CategoryClass> classes = new HashMap<>();
        categories.forEach(c -> classes.put(c.code(), c.categoryClass()));
        // one statement for the day's categories: every timed touch and entry rewrites its day
        List<Object> params = new ArrayList<>();
        for (Map.Entry<String, Long> e : tally.seconds().entrySet()) {
            params.addAll(List.of(team.value(), user.value(), tally.day(), e.getKey(),
                    classes.getOrDefault(e.getKey(), CategoryClass.INTERNAL).code(), e.getValue(),
                    tally.contributes().getOrDefault(e.getKey(), 0L)));
        }
        jdbc.sql("INSERT INTO journal_day (team_id, user_id, local_day, category, category_class, seconds, "
                + "contributes_seconds) VALUES " + String.join(", ",
                java.util.Collections.nCopies(tally.seconds().size(), "(?, ?, ?, ?, ?, ?, ?)")))
                .params(params).update();
    }

    @Override
    public List<ChallengeReport.CategoryTotal> categoryTotals(TeamId team, UserId user, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT category, SUM(seconds) AS s, SUM(contributes_seconds) AS c FROM journal_day
                WHERE team_id = ? AND user_id = ? AND local_day BETWEEN ? AND ? GROUP BY category
                """).params(team.value(), user.value(), from, to)
                .query((rs, n) -> new ChallengeReport.CategoryTotal(rs.getString("category"), rs.getLong("s"),
                        rs.getLong("c")))
                .list();
    }

    @Override
    public List<ChallengeReport.DayTotal> dayTotals(TeamId team, UserId user, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT local_day, SUM(seconds) AS logged,
                       SUM(CASE WHEN category_class = 'external_connection' THEN seconds ELSE 0 END) AS ext,
                       SUM(CASE WHEN category_class = 'firefighting' THEN seconds ELSE 0 END) AS fire
                FROM journal_day WHERE team_id = ? AND user_id = ? AND local_day BETWEEN ? AND ?
                GROUP BY local_day ORDER BY local_day
                """).params(team.value(), user.value(), from, to)
                .query((rs, n) -> new ChallengeReport.DayTotal(rs.getObject("local_day", LocalDate.class),
                        rs.getLong("logged"), rs.getLong("ext"), rs.getLong("fire")))
                .list();
    }

    @Override
    public List<UserCategoryTotal> teamTotals(TeamId team, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT user_id, category, SUM(seconds) AS s, SUM(contributes_seconds) AS c FROM journal_day
                WHERE team_id = ? AND local_day BETWEEN ? AND ? GROUP BY user_id, category
                """).params(team.value(), from, to)
                .query((rs, n) -> new UserCategoryTotal(new UserId(rs.getLong("user_id")), rs.getString("category"),
                        rs.getLong("s"), rs.getLong("c")))
                .list();
    }

    @Override
    public long[] customerFacing(TeamId team, UserId user, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT COUNT(*) AS n,
                       COALESCE(SUM(CASE WHEN category_class = 'external_connection' THEN seconds ELSE 0 END), 0) AS s
                FROM journal_day WHERE team_id = ? AND user_id = ? AND local_day BETWEEN ? AND ?
                """).params(team.value(), user.value(), from, to)
                .query((rs, n) -> new long[] {rs.getLong("n"), rs.getLong("s")}).single();
    }

    @Override
    public List<Instant> clientEntryStarts(TeamId team, UserId user, ClientId client, Instant since) {
        return jdbc.sql("""
                SELECT start_at FROM journal_entry
                WHERE team_id = ? AND user_id = ? AND client_id = ? AND start_at >= ? ORDER BY start_at
                """).params(team.value(), user.value(), client.value(), ts(since))
                .query((rs, n) -> instant(rs, "start_at")).list();
    }

    @Override
    public Optional<Timer> timer(TeamId team, UserId user) {
        return jdbc.sql("SELECT category, client_id, note, started_at FROM journal_timer WHERE team_id = ? AND user_id = ?")
                .params(team.value(), user.value())
                .query((rs, n) -> new Timer(rs.getString("category"), clientId(rs), rs.getString("note"),
                        instant(rs, "started_at")))
                .optional();
    }

    @Override
    public void startTimer(TeamId team, UserId user, Timer t) {
        stopTimer(team, user);
        jdbc.sql("""
                INSERT INTO journal_timer (team_id, user_id, category, client_id, note, started_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(team.value(), user.value(), t.category(), t.clientId() == null ? null : t.clientId().value(),
                t.note(), ts(t.startedAt())).update();
    }

    @Override
    public void stopTimer(TeamId team, UserId user) {
        jdbc.sql("DELETE FROM journal_timer WHERE team_id = ? AND user_id = ?").params(team.value(), user.value())
                .update();
    }

    @Override
    public long insertChallenge(TeamId team, UserId user, LocalDate firstDay, LocalDate lastDay, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO journal_challenge (team_id, user_id, first_day, last_day, created_at) VALUES (?, ?, ?, ?, ?)
                """).params(team.value(), user.value(), firstDay, lastDay, ts(now)).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    @Override
    public Optional<Challenge> challenge(TeamId team, UserId user, LocalDate notEndedBefore) {
        return jdbc.sql("""
                SELECT id, first_day, last_day FROM journal_challenge
                WHERE team_id = ? AND user_id = ? AND last_day >= ? ORDER BY id DESC
                """).params(team.value(), user.value(), notEndedBefore)
                .query((rs, n) -> new Challenge(rs.getLong("id"), rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class)))
                .list().stream().findFirst();
    }

    private List<JournalEntry> withTags(TeamId team, List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("SELECT entry_id, tag FROM journal_entry_tag WHERE team_id = :team AND entry_id IN (:ids) ORDER BY tag")
                .param("team", team.value()).param("ids", entries.stream().map(JournalEntry::id).toList())
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong("entry_id"), k -> new ArrayList<>()).add(rs.getString("tag"));
                });
        return entries.stream().map(e -> new JournalEntry(e.id(), e.userId(), e.category(), e.span(), e.day(),
                e.minutes(), e.clientId(), e.note(), tags.getOrDefault(e.id(), List.of()), e.contributes(),
                e.createdAt())).toList();
    }

    private static JournalEntry entry(ResultSet rs, int n) throws SQLException {
        Instant start = instant(rs, "start_at");
        Instant end = instant(rs, "end_at");
        return new JournalEntry(rs.getLong("id"), new UserId(rs.getLong("user_id")), rs.getString("category"),
                start == null ? null : new TimeSpan(start, end), rs.getObject("local_day", LocalDate.class),
                rs.getInt("minutes"), clientId(rs), rs.getString("note"), List.of(), rs.getBoolean("contributes"),
                instant(rs, "created_at"));
    }

    private static ClientId clientId(ResultSet rs) throws SQLException {
        Long id = rs.getObject("client_id", Long.class);
        return id == null ? null : new ClientId(id);
    }
}
