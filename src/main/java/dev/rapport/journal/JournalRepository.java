package dev.rapport.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/** Storage of journal entries, categories, timers, challenges and the daily rollup; scoped by team. */
interface JournalRepository {
    List<Category> categories(TeamId team);

    void addCategory(TeamId team, Category category);

    long insert(TeamId team, JournalEntry entry, Instant now);

    boolean update(TeamId team, long id, JournalEntry entry, Instant now);

    boolean delete(TeamId team, long id);

    Optional<JournalEntry> find(TeamId team, long id);

    /** Timed entries of the user overlapping the span (entries are at most 24 hours long). */
    List<JournalEntry> overlapping(TeamId team, UserId user, TimeSpan span);

    /** Timed entries overlapping the window, plus duration-only entries on the given days. */
    List<JournalEntry> entries(TeamId team, UserId user, TimeSpan window, LocalDate firstDay, LocalDate lastDay);

    /**
     * The entries {@link #entries} reads for one day, without their tags: a day's tally needs none, and
     * every timed touch recomputes its day (one statement less on that hot path).
     */
    List<JournalEntry> untaggedEntries(TeamId team, UserId user, TimeSpan window, LocalDate day);

    /**
     * Holds the user's membership row until the transaction ends: recomputing a day's rollup reads
     * the entries and then replaces the rows, so two transactions doing it for the same user must
     * take turns (else the second one's INSERT collides, or it writes a tally that misses the
     * first one's entry).
     */
    void lockUser(TeamId team, UserId user);

    void replaceDay(TeamId team, UserId user, DayTally tally, List<Category> categories);

    /** The local days the user has a day total on. */
    List<LocalDate> tallyDays(TeamId team, UserId user);

    List<ChallengeReport.CategoryTotal> categoryTotals(TeamId team, UserId user, LocalDate from, LocalDate to);

    List<ChallengeReport.DayTotal> dayTotals(TeamId team, UserId user, LocalDate from, LocalDate to);

    /** Per user and category over the range, for a team report. */
    List<UserCategoryTotal> teamTotals(TeamId team, LocalDate from, LocalDate to);

    record UserCategoryTotal(UserId user, String category, long seconds, long contributesSeconds) {
    }

    /** Rollup rows and external-connection seconds of a user over local days: {rows, seconds}. */
    long[] customerFacing(TeamId team, UserId user, LocalDate from, LocalDate to);

    /** Timed entries of the user about one client since an instant (for plan adherence). */
    List<Instant> clientEntryStarts(TeamId team, UserId user, dev.rapport.shared.ClientId client, Instant since);

    Optional<Timer> timer(TeamId team, UserId user);

    void startTimer(TeamId team, UserId user, Timer timer);

    void stopTimer(TeamId team, UserId user);

    long insertChallenge(TeamId team, UserId user, LocalDate firstDay, LocalDate lastDay, Instant now);

    /** The user's latest challenge that has not ended before the given day. */
    Optional<Challenge> challenge(TeamId team, UserId user, LocalDate notEndedBefore);
}
