package dev.rapport.exchange;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.exchange.DigestRepository.Claim;
import dev.rapport.exchange.DigestRepository.Member;
import dev.rapport.shared.Audited;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.Problems;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Secrets;

/**
 * The daily email digest: per-user settings, unsubscribe links and sending.
 *
 * <p><b>Once per user, team and local day</b>, with any number of app instances: before sending,
 * a run INSERTs the day's row into digest_sent (primary key: team, user, day). Only one insert
 * succeeds; every other run, on this instance or another, skips that user. After the SMTP server
 * accepted the mail the row gets sent_at. If the process dies (or SMTP fails) between claim and
 * sent_at, the claim is retried once it is {@link #RETRY_AFTER} old, at most {@link #MAX_ATTEMPTS}
 * times and only on the same local day. The one case that can deliver twice is a crash in the
 * milliseconds after the SMTP server accepted the mail and before sent_at was written; without the
 * retry that case would be safe but every crash before the send would lose the day's digest, and
 * losing a whole day is the worse failure for a daily reminder.
 */
@Service
public class DigestService {
    static final Duration RETRY_AFTER = Duration.ofMinutes(30);
    static final int MAX_ATTEMPTS = 3;
    /** Claims and unsubscribe tokens are kept this long (an unsubscribe link works this long). */
    static final Duration KEEP = Duration.ofDays(90);
    private static final Logger log = LoggerFactory.getLogger(DigestService.class);

    private final DigestRepository repo;
    private final AccountService accounts;
    private final DigestComposer composer;
    private final DigestMailer mailer;
    private final CalendarLinks links;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    DigestService(DigestRepository repo, AccountService accounts, DigestComposer composer, DigestMailer mailer,
                  CalendarLinks links, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.accounts = accounts;
        this.composer = composer;
        this.mailer = mailer;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    public boolean mailConfigured() {
        return mailer.configured();
    }

    public DigestStatus status(CurrentUser user) {
        DigestSettings s = repo.settings(user.teamId(), user.userId()).orElse(DigestSettings.DEFAULT);
        LocalDate today = user.today(clock);
        LocalDate next = null;
        if (s.enabled() && mailer.configured()) {
            boolean doneToday = repo.claim(user.teamId(), user.userId(), today).isPresent();
            next = doneToday ? today.plusDays(1) : today;
        }
        return new DigestStatus(s.enabled(), s.hour(), user.zone().getId(), user.email(), mailer.configured(),
                repo.lastSent(user.teamId(), user.userId()).orElse(null), next);
    }

    /**
     * Changes the user's own digest; null keeps a value. Personal, like an API token: viewers may
     * change theirs too (they change no team data).
     */
    @Transactional
    public DigestStatus update(CurrentUser user, Boolean enabled, Integer hour) {
        requireWritableToken(user);
        new Problems().check(hour == null || (hour >= 0 && hour <= 23), "hour", "must be an hour from 0 to 23")
                .throwIfAny();
        DigestSettings before = repo.settings(user.teamId(), user.userId()).orElse(DigestSettings.DEFAULT);
        DigestSettings after = new DigestSettings(enabled != null ? enabled : before.enabled(),
                hour != null ? hour : before.hour());
        repo.saveSettings(user.teamId(), user.userId(), after, clock.instant());
        return status(user);
    }

    /** Sends today's digest now, even when empty or off, without counting as the day's digest. */
    public String sendTest(CurrentUser user) {
        requireWritableToken(user);
        if (!mailer.configured()) {
            throw new ConflictException("this server has no SMTP settings (spring.mail.host), so it sends no email");
        }
        Member member = new Member(user.teamId(), user.userId());
        Digest digest = composer.compose(user, user.today(clock), links.mailBase(), unsubscribeUrl(member));
        mailer.send(user.email(), user.displayName(), digest, true);
        return user.email();
    }

    /** Personal, so viewers may change theirs; a read-only API token changes nothing. */
    private static void requireWritableToken(CurrentUser user) {
        if (user.readOnly()) {
            throw new AccessDeniedException("this API token is read-only");
        }
    }

    /** Who an unsubscribe link is for, to show before confirming; empty for unknown or expired links. */
    public Optional<CurrentUser> unsubscribeTarget(String token) {
        if (!CalendarLinks.wellFormedToken(token)) {
            return Optional.empty();
        }
        return repo.unsubscriber(Secrets.sha256(token)).flatMap(m -> accounts.member(m.team(), m.user()));
    }

    /** Turns the digest off for the link's user; false for unknown or expired links. */
    @Transactional
    public boolean unsubscribe(String token) {
        Optional<CurrentUser> user = unsubscribeTarget(token);
        user.ifPresent(u -> {
            DigestSettings s = repo.settings(u.teamId(), u.userId()).orElse(DigestSettings.DEFAULT);
            repo.saveSettings(u.teamId(), u.userId(), new DigestSettings(false, s.hour()), clock.instant());
            events.publishEvent(new Audited(u.teamId(), u.userId(), "digest.unsubscribed",
                    "daily digest turned off from the link in an email", null));
        });
        return user.isPresent();
    }

    /**
     * Sends every digest that is due at this instant: users whose digest is on and whose local hour
     * has reached theirs, once per local day. Returns how many were sent.
     */
    public int sendDue(Instant now) {
        if (!mailer.configured()) {
            return 0;
        }
        Map<Member, DigestSettings> settings = repo.allSettings();
        Map<Member, Map<LocalDate, Claim>> claims = new HashMap<>();
        // local days run from UTC-12 to UTC+14: the earliest possible "today" is yesterday in UTC
        for (Claim c : repo.claimsSince(now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1))) {
            claims.computeIfAbsent(c.member(), k -> new HashMap<>()).put(c.day(), c);
        }
        int sent = 0;
        for (CurrentUser user : accounts.allMembers()) {
            Member member = new Member(user.teamId(), user.userId());
            DigestSettings s = settings.getOrDefault(member, DigestSettings.DEFAULT);
            ZonedDateTime local = now.atZone(user.zone());
            if (!s.enabled() || local.getHour() < s.hour()) {
                continue;
            }
            LocalDate day = local.toLocalDate();
            Claim claim = claims.getOrDefault(member, Map.of()).get(day);
            if (claim(member, day, claim, now) && deliver(user, member, day)) {
                sent++;
            }
        }
        repo.prune(now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(KEEP.toDays()), now.minus(KEEP));
        return sent;
    }

    private boolean claim(Member member, LocalDate day, Claim existing, Instant now) {
        if (existing == null) {
            return repo.claim(member, day, now, instance);
        }
        boolean stale = existing.sentAt() == null && existing.claimedAt().isBefore(now.minus(RETRY_AFTER))
                && existing.attempts() < MAX_ATTEMPTS;
        return stale && repo.reclaim(member, day, now, now.minus(RETRY_AFTER), MAX_ATTEMPTS, instance);
    }

    /** Composes and sends one claimed digest; a failure stays on the claim for a later retry. */
    private boolean deliver(CurrentUser user, Member member, LocalDate day) {
        try {
            Digest digest = composer.compose(user, day, links.mailBase(), null);
            if (digest.empty()) {
                repo.finish(member, day, clock.instant(), "empty");
                return false;
            }
            mailer.send(user.email(), user.displayName(), digest.withUnsubscribeUrl(unsubscribeUrl(member)), false);
            repo.finish(member, day, clock.instant(), "sent");
            return true;
        } catch (RuntimeException e) {
            log.warn("Digest for user {} in team {} on {} not sent (retried in {} min): {}", user.userId().value(),
                    user.teamId().value(), day, RETRY_AFTER.toMinutes(), e.toString());
            repo.failed(member, day, e.toString());
            return false;
        }
    }

    private String unsubscribeUrl(Member member) {
        String token = Secrets.random();
        repo.saveUnsubscribeToken(Secrets.sha256(token), member, clock.instant());
        return links.mailBase() + "/digest/unsubscribe?token=" + token;
    }
}
