package dev.rapport.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

interface DigestRepository {
    record Member(TeamId team, UserId user) {
    }

    /** A claimed day: sentAt is null until the SMTP server accepted the mail. */
    record Claim(Member member, LocalDate day, Instant claimedAt, int attempts, Instant sentAt) {
    }

    Optional<DigestSettings> settings(TeamId team, UserId user);

    /** Every stored preference (users without one have the defaults). */
    Map<Member, DigestSettings> allSettings();

    void saveSettings(TeamId team, UserId user, DigestSettings settings, Instant now);

    /** Claims of days on or after the given one. */
    List<Claim> claimsSince(LocalDate from);

    Optional<Claim> claim(TeamId team, UserId user, LocalDate day);

    /** Inserts the day's claim; false when another run (or instance) already has it. */
    boolean claim(Member member, LocalDate day, Instant now, String by);

    /** Takes over a claim that was never sent and is older than staleBefore; false when another run did. */
    boolean reclaim(Member member, LocalDate day, Instant now, Instant staleBefore, int maxAttempts, String by);

    /** Records the outcome (sent, or empty: nothing to say that day) of a claimed day. */
    void finish(Member member, LocalDate day, Instant at, String outcome);

    /** Records a failed attempt; the claim stays unsent, to be retried when stale. */
    void failed(Member member, LocalDate day, String error);

    Optional<LocalDate> lastSent(TeamId team, UserId user);

    void saveUnsubscribeToken(String tokenHash, Member member, Instant now);

    Optional<Member> unsubscriber(String tokenHash);

    /** Forgets claims before a day and unsubscribe tokens created before an instant. */
    void prune(LocalDate claimsBefore, Instant tokensBefore);
}
